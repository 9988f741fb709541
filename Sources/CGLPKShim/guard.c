#include "CGLPKShim.h"

#include <glpk.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* One guard per thread: GLPK's environment is thread-local, so is ours. */
static _Thread_local jmp_buf *current_jump = NULL;
static _Thread_local char captured[1024];
static _Thread_local size_t captured_length = 0;

/* GLPK's terminal output goes here instead of stdout; the tail is kept for error messages. */
static int capture_terminal(void *info, const char *text) {
    (void)info;
    size_t n = strlen(text);
    if (n >= sizeof captured) {
        text += n - (sizeof captured - 1);
        n = sizeof captured - 1;
    }
    if (captured_length + n >= sizeof captured) {
        size_t keep = sizeof captured - 1 - n;
        memmove(captured, captured + captured_length - keep, keep);
        captured_length = keep;
    }
    memcpy(captured + captured_length, text, n);
    captured_length += n;
    captured[captured_length] = '\0';
    return 1; /* nonzero: GLPK prints nothing */
}

static void jump_back(void *info) {
    (void)info;
    if (current_jump != NULL) longjmp(*current_jump, 1);
}

static void prepare(void) {
    captured_length = 0;
    captured[0] = '\0';
    glp_term_hook(capture_terminal, NULL);
    glp_term_out(GLP_OFF);
    glp_error_hook(jump_back, NULL);
}

static void report(rota_glp_error *error, const char *fallback) {
    if (error == NULL) return;
    const char *text = captured_length > 0 ? captured : fallback;
    snprintf(error->message, sizeof error->message, "%s", text);
    size_t n = strlen(error->message);
    while (n > 0 && (error->message[n - 1] == '\n' || error->message[n - 1] == ' ')) {
        error->message[--n] = '\0';
    }
}

/* After an error the GLPK manual requires the environment to be freed; every problem of
 * this thread is gone with it (rota keeps at most one alive per thread at a time). */
static void recover(rota_glp_error *error) {
    report(error, "GLPK reported an invalid call");
    current_jump = NULL;
    glp_free_env();
}

#define GUARD_BEGIN(error)                      \
    jmp_buf jump;                               \
    prepare();                                  \
    if (setjmp(jump) != 0) {                    \
        recover(error);                         \
        return -1;                              \
    }                                           \
    current_jump = &jump;

#define GUARD_END()                             \
    current_jump = NULL;                        \
    glp_error_hook(NULL, NULL);                 \
    return 0;

int rota_glp_create(void **problem, rota_glp_error *error) {
    GUARD_BEGIN(error)
    glp_prob *P = glp_create_prob();
    glp_set_obj_dir(P, GLP_MIN);
    *problem = P;
    GUARD_END()
}

int rota_glp_load(void *problem,
                  int rows, const int *row_type, const double *row_lb, const double *row_ub,
                  const char *const *row_names,
                  int cols, const int *col_type, const double *col_lb, const double *col_ub,
                  const int *col_kind, const double *objective, const char *const *col_names,
                  int nonzeros, const int *entry_row, const int *entry_col, const double *entry_value,
                  double objective_constant,
                  rota_glp_error *error) {
    glp_prob *P = problem;
    /* 1-based copies for glp_load_matrix, made before the guard so nothing leaks on a jump. */
    int *ia = glp_alloc(nonzeros + 1, sizeof(int));
    int *ja = glp_alloc(nonzeros + 1, sizeof(int));
    double *ar = glp_alloc(nonzeros + 1, sizeof(double));
    for (int k = 0; k < nonzeros; k++) {
        ia[k + 1] = entry_row[k] + 1;
        ja[k + 1] = entry_col[k] + 1;
        ar[k + 1] = entry_value[k];
    }
    jmp_buf jump;
    prepare();
    if (setjmp(jump) != 0) {
        recover(error); /* frees the environment, and with it the arrays above */
        return -1;
    }
    current_jump = &jump;
    if (rows > 0) glp_add_rows(P, rows);
    if (cols > 0) glp_add_cols(P, cols);
    for (int i = 0; i < rows; i++) {
        glp_set_row_bnds(P, i + 1, row_type[i], row_lb[i], row_ub[i]);
        if (row_names != NULL && row_names[i] != NULL) glp_set_row_name(P, i + 1, row_names[i]);
    }
    for (int j = 0; j < cols; j++) {
        int kind = col_kind[j] == 3 ? GLP_BV : (col_kind[j] == 2 ? GLP_IV : GLP_CV);
        glp_set_col_kind(P, j + 1, kind);
        if (kind != GLP_BV) glp_set_col_bnds(P, j + 1, col_type[j], col_lb[j], col_ub[j]);
        else if (col_type[j] == GLP_FX) glp_set_col_bnds(P, j + 1, GLP_FX, col_lb[j], col_ub[j]);
        glp_set_obj_coef(P, j + 1, objective[j]);
        if (col_names != NULL && col_names[j] != NULL) glp_set_col_name(P, j + 1, col_names[j]);
    }
    glp_set_obj_coef(P, 0, objective_constant);
    glp_load_matrix(P, nonzeros, ia, ja, ar);
    glp_free(ia);
    glp_free(ja);
    glp_free(ar);
    GUARD_END()
}

static double monotonic_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

typedef struct callback_state {
    const rota_glp_options *options;
    rota_glp_result *result;
    double started;
    double last_progress;
    int start_offered;
} callback_state;

static void branch_and_cut_callback(glp_tree *T, void *info) {
    callback_state *s = info;
    glp_prob *P = glp_ios_get_prob(T);
    int reason = glp_ios_reason(T);
    if (reason == GLP_IHEUR && s->options->start != NULL && !s->start_offered) {
        s->start_offered = 1;
        glp_ios_heur_sol(T, s->options->start);
    }
    if (reason == GLP_IBINGO) s->result->incumbents++;
    int best = glp_ios_best_node(T);
    if (best != 0) {
        s->result->bound = glp_ios_node_bound(T, best);
        s->result->has_bound = 1;
    }
    double now = monotonic_seconds();
    double elapsed = now - s->started;
    if (s->options->time_limit_seconds > 0 && elapsed > s->options->time_limit_seconds) {
        s->result->timed_out = 1;
        glp_ios_terminate(T);
    }
    if (s->options->progress != NULL &&
        now - s->last_progress >= s->options->progress_interval_seconds) {
        s->last_progress = now;
        rota_glp_progress p;
        memset(&p, 0, sizeof p);
        p.elapsed_seconds = elapsed;
        p.has_incumbent = s->result->incumbents > 0 || glp_mip_status(P) == GLP_FEAS;
        p.incumbent = p.has_incumbent ? glp_mip_obj_val(P) : 0.0;
        p.has_bound = s->result->has_bound;
        p.bound = s->result->bound;
        p.gap = p.has_incumbent && p.has_bound ? glp_ios_mip_gap(T) : -1.0;
        int active = 0;
        glp_ios_tree_size(T, &active, NULL, NULL);
        p.nodes_active = active;
        s->options->progress(s->options->progress_context, &p);
    }
}

int rota_glp_solve(void *problem, const rota_glp_options *options, rota_glp_result *result,
                   double *values, rota_glp_error *error) {
    glp_prob *P = problem;
    memset(result, 0, sizeof *result);
    callback_state state;
    memset(&state, 0, sizeof state);
    state.options = options;
    state.result = result;
    state.started = monotonic_seconds();
    state.last_progress = state.started;

    GUARD_BEGIN(error)
    int limit_ms = 0;
    if (options->time_limit_seconds > 0) {
        double ms = options->time_limit_seconds * 1000.0;
        limit_ms = ms > 2.0e9 ? 2000000000 : (int)ms;
        if (limit_ms < 1) limit_ms = 1;
    }
    int use_presolve = options->presolve && options->start == NULL;
    if (!use_presolve) {
        /* Without the MIP presolver, glp_intopt needs an optimal LP basis first. */
        glp_smcp lp;
        glp_init_smcp(&lp);
        lp.msg_lev = GLP_MSG_OFF;
        lp.presolve = GLP_OFF;
        if (limit_ms > 0) lp.tm_lim = limit_ms;
        glp_adv_basis(P, 0);
        int rc = glp_simplex(P, &lp);
        result->lp_status = glp_get_status(P) == GLP_OPT ? 1 :
                            glp_get_status(P) == GLP_NOFEAS ? 3 :
                            glp_get_status(P) == GLP_UNBND ? 4 : 0;
        if (rc != 0 || glp_get_status(P) != GLP_OPT) {
            result->return_code = rc;
            result->mip_status = glp_get_status(P) == GLP_NOFEAS ? 3 : 0;
            if (rc == GLP_ETMLIM) result->timed_out = 1;
            result->seconds = monotonic_seconds() - state.started;
            GUARD_END()
        }
    }
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = use_presolve ? GLP_ON : GLP_OFF;
    parm.mip_gap = options->mip_gap;
    parm.cb_func = branch_and_cut_callback;
    parm.cb_info = &state;
    parm.br_tech = GLP_BR_DTH;
    parm.bt_tech = GLP_BT_BLB;
    parm.fp_heur = GLP_ON;
    if (options->cuts) {
        parm.gmi_cuts = GLP_ON;
        parm.mir_cuts = GLP_ON;
        parm.cov_cuts = GLP_ON;
        parm.clq_cuts = GLP_ON;
    }
    if (limit_ms > 0) parm.tm_lim = limit_ms; /* backup: the callback enforces the limit */
    int rc = glp_intopt(P, &parm);
    result->return_code = rc;
    if (use_presolve) {
        /* The presolver hides the LP status: a rejected problem is LP-infeasible. */
        result->lp_status = rc == GLP_ENOPFS ? 3 : (rc == GLP_ENODFS ? 4 : 1);
    }
    if (rc == GLP_ETMLIM || rc == GLP_ESTOP) result->timed_out = 1;
    int status = glp_mip_status(P);
    result->mip_status = status == GLP_OPT ? 1 : status == GLP_FEAS ? 2 :
                         status == GLP_NOFEAS ? 3 : 0;
    if (rc == GLP_ENOPFS) result->mip_status = 3;
    if (result->mip_status == 1 || result->mip_status == 2) {
        result->objective = glp_mip_obj_val(P);
        int cols = glp_get_num_cols(P);
        for (int j = 0; j < cols; j++) values[j] = glp_mip_col_val(P, j + 1);
        if (result->mip_status == 1) {
            result->bound = result->objective;
            result->has_bound = 1;
        }
    }
    result->seconds = monotonic_seconds() - state.started;
    GUARD_END()
}

int rota_glp_write_mps(void *problem, const char *path, rota_glp_error *error) {
    glp_prob *P = problem;
    GUARD_BEGIN(error)
    int rc = glp_write_mps(P, GLP_MPS_FILE, NULL, path);
    if (rc != 0) {
        report(error, "GLPK could not write the MPS file");
        current_jump = NULL;
        glp_error_hook(NULL, NULL);
        return -1;
    }
    GUARD_END()
}

int rota_glp_delete(void *problem, rota_glp_error *error) {
    if (problem == NULL) return 0;
    GUARD_BEGIN(error)
    glp_delete_prob((glp_prob *)problem);
    GUARD_END()
}

int rota_glp_provoke_invalid_call(rota_glp_error *error) {
    GUARD_BEGIN(error)
    glp_prob *P = glp_create_prob();
    glp_add_cols(P, 1);
    glp_set_obj_coef(P, 99, 1.0); /* column 99 does not exist: GLPK would abort() */
    glp_delete_prob(P);
    GUARD_END()
}

const char *rota_glp_version(void) {
    return glp_version();
}
