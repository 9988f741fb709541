#ifndef ROTA_CGLPK_GUARD_H
#define ROTA_CGLPK_GUARD_H

/*
 * A guard around the few GLPK calls rota makes.
 *
 * GLPK reports an invalid call by printing a message and calling abort(). Every function
 * here installs an error hook that longjmps back into the function, frees the thread's GLPK
 * environment (as the GLPK manual requires after such an error) and returns -1 with the
 * message in `error`, so the Swift side can throw instead of losing the process.
 *
 * GLPK 5.0 as Debian builds it keeps one environment per OS thread: a problem must be
 * created, solved and deleted on the same thread. The Swift wrapper guarantees that.
 *
 * The problem handle is opaque to callers (void *): no GLPK type leaves this target.
 */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rota_glp_error {
    char message[1024];
} rota_glp_error;

/* Progress seen from the branch-and-cut callback. */
typedef struct rota_glp_progress {
    double elapsed_seconds;
    int has_incumbent;
    double incumbent;
    int has_bound;
    double bound;
    double gap;          /* relative gap as GLPK computes it, or -1 when unknown */
    int nodes_active;
} rota_glp_progress;

typedef void (*rota_glp_progress_fn)(void *context, const rota_glp_progress *progress);

typedef struct rota_glp_options {
    double time_limit_seconds;   /* <= 0: none; enforced from the callback */
    double mip_gap;              /* relative gap at which to stop, >= 0 */
    int presolve;                /* 1: GLPK's MIP presolver; ignored when a start is given */
    int cuts;                    /* 1: Gomory, MIR, cover and clique cuts */
    const double *start;         /* optional: 1-based column values of a feasible start */
    rota_glp_progress_fn progress;
    void *progress_context;
    double progress_interval_seconds;
} rota_glp_options;

typedef struct rota_glp_result {
    int mip_status;      /* 0 undefined, 1 optimal, 2 feasible, 3 no feasible */
    int lp_status;       /* status of the LP relaxation: 0 undefined, 1 optimal, 3 infeasible, 4 unbounded */
    int return_code;     /* glp_intopt's return code */
    int timed_out;
    double objective;
    double bound;
    int has_bound;
    int incumbents;
    double seconds;
} rota_glp_result;

/* Creates an empty minimisation problem. */
int rota_glp_create(void **problem, rota_glp_error *error);

/* Loads the whole model at once. Arrays are 0-based here; the shim converts.
 * row_type / col_type: 1 free, 2 lower, 3 upper, 4 double, 5 fixed (GLPK's GLP_FR..GLP_FX).
 * col_kind: 1 continuous, 2 integer, 3 binary. Names may be NULL. */
int rota_glp_load(void *problem,
                  int rows, const int *row_type, const double *row_lb, const double *row_ub,
                  const char *const *row_names,
                  int cols, const int *col_type, const double *col_lb, const double *col_ub,
                  const int *col_kind, const double *objective, const char *const *col_names,
                  int nonzeros, const int *entry_row, const int *entry_col, const double *entry_value,
                  double objective_constant,
                  rota_glp_error *error);

/* Solves the MIP. `values` receives the column values (cols entries, 0-based) when a
 * solution is known. */
int rota_glp_solve(void *problem, const rota_glp_options *options, rota_glp_result *result,
                   double *values, rota_glp_error *error);

/* Writes the problem in free MPS format. */
int rota_glp_write_mps(void *problem, const char *path, rota_glp_error *error);

/* Deletes the problem. Safe to call with NULL. */
int rota_glp_delete(void *problem, rota_glp_error *error);

/* Makes a deliberately invalid GLPK call (a column index out of range) under the guard.
 * Returns -1 with GLPK's message: proof that an invalid call no longer aborts. */
int rota_glp_provoke_invalid_call(rota_glp_error *error);

/* GLPK's version string. */
const char *rota_glp_version(void);

#ifdef __cplusplus
}
#endif

#endif
