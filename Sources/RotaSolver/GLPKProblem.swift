import Foundation
internal import CGLPKShim

/// The one owner of a GLPK problem handle.
///
/// GLPK 5.0 keeps its environment per OS thread, so a problem must be created, used and
/// deleted on one thread: `GLPKProblem` records its thread and is only ever used inside one
/// synchronous `Solver.solve` call. Every call goes through the C guard, so an invalid call
/// becomes `SolverError.glpk` instead of aborting the process; after such an error GLPK's
/// environment (and this handle with it) is gone, and `deinit` knows not to free it again.
final class GLPKProblem {
    private var handle: UnsafeMutableRawPointer?
    private let thread = pthread_self()

    init() throws(SolverError) {
        var error = rota_glp_error()
        var p: UnsafeMutableRawPointer?
        guard rota_glp_create(&p, &error) == 0, let p else { throw .glpk(GLPKProblem.message(error)) }
        handle = p
    }

    deinit {
        precondition(pthread_equal(thread, pthread_self()) != 0, "a GLPK problem must be freed on the thread that made it")
        var error = rota_glp_error()
        _ = rota_glp_delete(handle, &error)
    }

    /// Loads a validated model.
    func load(_ model: Model) throws(SolverError) {
        guard let handle else { throw .glpk("the GLPK problem was lost after an earlier error") }
        let m = model.rows.count, n = model.columns.count
        var rowType = [Int32](), rowLo = [Double](), rowHi = [Double]()
        rowType.reserveCapacity(m); rowLo.reserveCapacity(m); rowHi.reserveCapacity(m)
        for r in model.rows {
            switch r.sense {
            case .lessOrEqual: rowType.append(3); rowLo.append(0); rowHi.append(r.rhs)
            case .greaterOrEqual: rowType.append(2); rowLo.append(r.rhs); rowHi.append(0)
            case .equal: rowType.append(5); rowLo.append(r.rhs); rowHi.append(r.rhs)
            }
        }
        var colType = [Int32](), colLo = [Double](), colHi = [Double](), kind = [Int32](), cost = [Double]()
        for c in model.columns {
            let lo = c.lower, hi = c.upper
            let type: Int32
            switch (lo.isFinite, hi.isFinite) {
            case (false, false): type = 1
            case (true, false): type = 2
            case (false, true): type = 3
            case (true, true): type = lo == hi ? 5 : 4
            }
            colType.append(type); colLo.append(lo.isFinite ? lo : 0); colHi.append(hi.isFinite ? hi : 0)
            kind.append(Int32(c.kind.rawValue)); cost.append(c.cost)
        }
        var ia = [Int32](), ja = [Int32](), ar = [Double]()
        for (i, r) in model.rows.enumerated() {
            for (j, a) in zip(r.columns, r.coefficients) { ia.append(Int32(i)); ja.append(Int32(j)); ar.append(a) }
        }
        var error = rota_glp_error()
        // An unnamed model's names are its rule ids, not unique: GLPK gets none.
        let rowNames = model.named ? model.rows.enumerated().map { GLPKName.escaped($1.label, position: $0 + 1) } : nil
        let columnNames = model.named ? model.columns.enumerated().map { GLPKName.escaped($1.name, position: $0 + 1) } : nil
        let rc = withCStrings(rowNames) { rowNames in
            withCStrings(columnNames) { colNames in
                rota_glp_load(handle, Int32(m), rowType, rowLo, rowHi, rowNames,
                              Int32(n), colType, colLo, colHi, kind, cost, colNames,
                              Int32(ar.count), ia, ja, ar, model.objectiveConstant, &error)
            }
        }
        if rc != 0 { self.handle = nil; throw .glpk(GLPKProblem.message(error)) }
    }

    struct Outcome {
        var result: rota_glp_result
        var values: [Double]
    }

    func solve(columns: Int, options: SolveOptions, start: [Double]?, progress: ((SolveProgress) -> Void)?) throws(SolverError) -> Outcome {
        guard let handle else { throw .glpk("the GLPK problem was lost after an earlier error") }
        var values = [Double](repeating: 0, count: columns)
        var result = rota_glp_result()
        var error = rota_glp_error()
        let box = ProgressBox(progress)
        let context = Unmanaged.passRetained(box).toOpaque()
        defer { Unmanaged<ProgressBox>.fromOpaque(context).release() }
        let startOneBased: [Double]? = start.map { [0] + $0 }
        let rc: Int32 = startOneBased.withOptionalBuffer { startPointer in
            var o = rota_glp_options()
            o.time_limit_seconds = options.timeLimit ?? 0
            o.mip_gap = options.gap
            o.presolve = options.presolve ? 1 : 0
            o.cuts = options.cuts ? 1 : 0
            o.start = startPointer
            o.progress = progress == nil ? nil : { ctx, p in
                guard let ctx, let p else { return }
                Unmanaged<ProgressBox>.fromOpaque(ctx).takeUnretainedValue().report(p.pointee)
            }
            o.progress_context = context
            o.progress_interval_seconds = options.progressInterval
            return values.withUnsafeMutableBufferPointer { buffer in
                rota_glp_solve(handle, &o, &result, buffer.baseAddress, &error)
            }
        }
        if rc != 0 { self.handle = nil; throw .glpk(GLPKProblem.message(error)) }
        return Outcome(result: result, values: values)
    }

    func writeMPS(to path: String) throws(SolverError) {
        guard let handle else { throw .glpk("the GLPK problem was lost after an earlier error") }
        var error = rota_glp_error()
        if rota_glp_write_mps(handle, path, &error) != 0 { throw .glpk(GLPKProblem.message(error)) }
    }

    static func message(_ e: rota_glp_error) -> String {
        withUnsafeBytes(of: e.message) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let end = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }

    /// Runs a guarded invalid GLPK call and returns its message (for tests of the guard).
    static func provokeInvalidCall() -> String? {
        var error = rota_glp_error()
        return rota_glp_provoke_invalid_call(&error) == 0 ? nil : message(error)
    }

    static var version: String { String(cString: rota_glp_version()) }
}

private final class ProgressBox {
    let report: (SolveProgress) -> Void
    init(_ f: ((SolveProgress) -> Void)?) { report = f ?? { _ in } }
    func report(_ p: rota_glp_progress) {
        // GLPK reports −DBL_MAX as the bound before any node has one: that is no bound.
        func known(_ has: Int32, _ value: Double) -> Double? { has != 0 && abs(value) < 1e300 ? value : nil }
        report(SolveProgress(elapsed: p.elapsed_seconds,
                             incumbent: known(p.has_incumbent, p.incumbent),
                             bound: known(p.has_bound, p.bound),
                             gap: p.gap >= 0 ? p.gap : nil,
                             activeNodes: Int(p.nodes_active)))
    }
}

private extension Optional where Wrapped == [Double] {
    func withOptionalBuffer<R>(_ body: (UnsafePointer<Double>?) -> R) -> R {
        switch self {
        case .none: return body(nil)
        case .some(let a): return a.withUnsafeBufferPointer { body($0.baseAddress) }
        }
    }
}

/// Calls `body` with a C array of C strings that live for the call (nil for none).
private func withCStrings<R>(_ strings: [String]?, _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    guard let strings else { return body(nil) }
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.isEmpty ? [nil] : strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(1, buffer.count)) { body($0) }
    }
}
