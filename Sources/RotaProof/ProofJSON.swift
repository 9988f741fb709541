import Foundation
import RotaCore
import RotaInput
import RotaVerifier

/// Writes a `ComplianceProof` as JSON text straight from its fields: the indented form of
/// proof.json and the canonical (RFC 8785) form a signature covers.
///
/// Discussion: the bytes are exactly those of `CanonicalJSON.pretty` and `CanonicalJSON.data`
/// of the proof's `JSONValue` (a test holds the two paths together), without building that
/// tree — on a year of the Heze region (79,497 rule instances, about 100 MB) this is what
/// keeps proving and `rota check-proof` fast. Members are written in canonical key order:
/// the fixed keys of the format are listed here already sorted, the open-ended ones
/// (`digests`, `parameters`) are sorted by UTF-16 code units. In the indented form an object
/// or list of scalars stands on one line, as `CanonicalJSON.pretty` lays it out.
///
/// ```swift
/// let bytes = ProofJSON.pretty(proof)      // == CanonicalJSON.pretty(try proof.jsonValue())
/// let signed = ProofJSON.canonical(proof)  // == CanonicalJSON.data(try proof.jsonValue())
/// ```
enum ProofJSON {
    /// proof.json's bytes: indented, canonical member order, final newline.
    ///
    /// `slices` is how many parts the instances are written in side by side (default: one per
    /// processor for large proofs); it never changes the bytes.
    static func pretty(_ proof: ComplianceProof, slices: Int? = nil) -> [UInt8] {
        joined(prettyParts(proof, slices: slices))
    }

    /// `pretty(_:slices:)` in the parts it is written in (the text before the instances,
    /// slices of instances, the text after): joining them is left to the reader, who may
    /// compare or copy them one by one instead.
    static func prettyParts(_ proof: ComplianceProof, slices: Int? = nil) -> [[UInt8]] {
        var parts = write(proof, pretty: true, slices: slices)
        parts[parts.count - 1].append(0x0A)
        return parts
    }

    /// The parts one after another, copied part by part (`Array(parts.joined())` copies a
    /// hundred megabytes a byte at a time).
    static func joined(_ parts: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { out += part }
        return out
    }

    /// Whether `file` is exactly proof.json's bytes (`pretty(_:)`), found without making them
    /// all: a check that rota wrote the file and nobody changed it.
    ///
    /// Discussion: the text before and after the instances is made and compared at the two
    /// ends of the file. The instances are written a chunk at a time into a buffer used again
    /// for every chunk, and compared where they must stand: the first half forward from the end
    /// of the text before them, on one thread, the second half backward from the start of the
    /// text after them, on another; the two must meet. A year's proof (about 100 MB) is so
    /// compared with neither its bytes nor a copy of them in memory.
    ///
    /// ```swift
    /// ProofJSON.prettyMatches(bytes, proof)   // == (bytes == ProofJSON.pretty(proof))
    /// ```
    static func prettyMatches(_ file: UnsafeRawBufferPointer, _ proof: ComplianceProof, chunk: Int = 512) -> Bool {
        var frameWriter = Writer(pretty: true, capacity: 4_096)
        var frame = frameWriter.proof(proof, instances: [])
        frame[frame.count - 1].append(0x0A)
        guard frame.count == 2 else { return frame.count == 1 && file.elementsEqual(frame[0]) }
        let head = frame[0], tail = frame[1]
        guard file.count >= head.count + tail.count, same(file, at: 0, head), same(file, at: file.count - tail.count, tail) else { return false }
        let instances = proof.instances, mid = instances.count / 2
        let first = head.count, last = file.count - tail.count
        let file = SharedBytes(file)
        let ends = ParallelJobs.run(count: 2, threads: 2) { half -> Int? in
            var w = Writer(pretty: true, capacity: chunk * 1_600)
            func write(_ range: Range<Int>) -> [UInt8] {
                w.out.removeAll()
                w.instances(instances, range)
                return w.out.bytes
            }
            if half == 0 {   // forward from the text before the instances
                var offset = first
                for start in stride(from: 0, to: mid, by: chunk) {
                    let bytes = write(start..<min(mid, start + chunk))
                    guard offset + bytes.count <= last, same(file.bytes, at: offset, bytes) else { return nil }
                    offset += bytes.count
                }
                return offset
            }
            var end = last   // backward from the text after them
            for stop in stride(from: instances.count, to: mid, by: -chunk) {
                let bytes = write(max(mid, stop - chunk)..<stop)
                guard end - bytes.count >= first, same(file.bytes, at: end - bytes.count, bytes) else { return nil }
                end -= bytes.count
            }
            return end
        }
        guard let forward = ends[0], let backward = ends[1] else { return false }
        return forward == backward
    }

    /// Whether `file` holds `bytes` at `offset` (which the caller keeps inside the file).
    private static func same(_ file: UnsafeRawBufferPointer, at offset: Int, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { mine in mine.isEmpty || memcmp(file.baseAddress! + offset, mine.baseAddress!, mine.count) == 0 }
    }

    /// A file's bytes read by both comparing threads (nobody writes them meanwhile).
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    }

    /// The canonical bytes (no whitespace).
    static func canonical(_ proof: ComplianceProof, slices: Int? = nil) -> [UInt8] {
        joined(write(proof, pretty: false, slices: slices))
    }

    /// The instances are written in slices side by side (`ParallelJobs`); the parts come back
    /// in order, around them the text before and after the instance list.
    private static func write(_ proof: ComplianceProof, pretty: Bool, slices: Int?) -> [[UInt8]] {
        let instances = proof.instances
        let slices = max(1, slices ?? (instances.count < 1_000 ? 1 : ParallelJobs.processors))
        let size = max(1, (instances.count + slices - 1) / slices)
        let parts = ParallelJobs.run(count: slices, threads: slices) { k -> [UInt8] in
            var w = Writer(pretty: pretty, capacity: size * (pretty ? 1_600 : 1_300))
            w.instances(instances, min(instances.count, k * size)..<min(instances.count, (k + 1) * size))
            return w.out.bytes
        }
        var w = Writer(pretty: pretty, capacity: 4_096)
        return w.proof(proof, instances: parts)
    }

    /// The token writer: knows the proof's shape and the two layouts.
    private struct Writer {
        var out: JSONBytes
        let pretty: Bool
        /// The layout's punctuation: after a quoted key, after a key of an open-ended map,
        /// between the members of a one-line object.
        let keyEnd: StaticString, colon: StaticString, inlineComma: StaticString

        init(pretty: Bool, capacity: Int) {
            self.pretty = pretty
            out = JSONBytes(reservingCapacity: capacity)
            keyEnd = pretty ? "\": " : "\":"
            colon = pretty ? ": " : ":"
            inlineComma = pretty ? ", " : ","
        }

        // MARK: Layout

        /// Opens a member of an object laid out over several lines (`depth` is the member's
        /// indentation level).
        mutating func member(_ key: StaticString, depth: Int, first: Bool) {
            if !first { out.raw(",") }
            if pretty {
                out.raw("\n")
                indent(depth)
            }
            out.raw("\"")
            out.raw(key)
            out.raw(keyEnd)
        }

        /// Opens a member of an object laid out on one line.
        mutating func inlineMember(_ key: StaticString, first: Bool) {
            if !first { out.raw(inlineComma) }
            out.raw("\"")
            out.raw(key)
            out.raw(keyEnd)
        }

        /// Opens a member with an open-ended key, on one line.
        mutating func inlineMember(_ key: String, first: Bool) {
            if !first { out.raw(inlineComma) }
            out.string(key)
            out.raw(colon)
        }

        /// Closes an object or list laid out over several lines.
        mutating func close(_ bracket: StaticString, depth: Int) {
            if pretty {
                out.raw("\n")
                indent(depth)
            }
            out.raw(bracket)
        }

        mutating func indent(_ depth: Int) {
            for _ in 0..<depth { out.raw("  ") }
        }

        /// A list whose elements are objects: `[]` when empty, else one element per line.
        mutating func list<T>(_ elements: [T], depth: Int, _ write: (inout Writer, T) -> Void) {
            guard !elements.isEmpty else { out.raw("[]"); return }
            out.raw("[")
            for (n, e) in elements.enumerated() {
                element(first: n == 0, depth: depth + 1)
                write(&self, e)
            }
            close("]", depth: depth)
        }

        /// Starts an element of a list laid out over several lines.
        mutating func element(first: Bool, depth: Int) {
            if !first { out.raw(",") }
            if pretty {
                out.raw("\n")
                indent(depth)
            }
        }

        /// An object of string values with open-ended keys, on one line.
        mutating func stringMap(_ map: [String: String]) {
            out.raw("{")
            for (n, key) in CanonicalJSON.sortedKeys(map).enumerated() {
                inlineMember(key, first: n == 0)
                out.string(map[key]!)
            }
            out.raw("}")
        }

        // MARK: The proof

        /// The proof, with its instances already written (`instances`, joined in order).
        /// The proof's parts: the text before the instances, the instances as already written
        /// (`instances`), the text after.
        mutating func proof(_ p: ComplianceProof, instances: [[UInt8]]) -> [[UInt8]] {
            var parts: [[UInt8]] = []
            out.raw("{")
            member("digestAlgorithm", depth: 1, first: true); out.string(p.digestAlgorithm)
            member("digests", depth: 1, first: false); stringMap(p.digests)
            member("format", depth: 1, first: false); out.string(p.format)
            member("instances", depth: 1, first: false)
            if p.instances.isEmpty {
                out.raw("[]")
            } else {
                out.raw("[")
                parts.append(out.bytes)
                parts += instances
                out = JSONBytes(reservingCapacity: 4_096)
                close("]", depth: 1)
            }
            member("notChecked", depth: 1, first: false)
            list(p.notChecked, depth: 1) { w, n in
                w.out.raw("{")
                w.inlineMember("reason", first: true); w.out.string(n.reason)
                w.inlineMember("rule", first: false); w.out.string(n.rule)
                w.out.raw("}")
            }
            member("period", depth: 1, first: false); out.string(p.period)
            member("profile", depth: 1, first: false); out.string(p.profile)
            member("rotaVersion", depth: 1, first: false); out.string(p.rotaVersion)
            member("ruleCatalogue", depth: 1, first: false); out.string(p.ruleCatalogue)
            member("scenario", depth: 1, first: false); out.string(p.scenario)
            if let s = p.solver {
                member("solver", depth: 1, first: false)
                out.raw("{")
                inlineMember("bound", first: true); out.number(s.bound)
                inlineMember("gap", first: false); out.number(s.gap)
                inlineMember("objective", first: false); out.number(s.objective)
                inlineMember("status", first: false); out.string(s.status)
                out.raw("}")
            }
            member("summary", depth: 1, first: false)
            out.raw("{")
            inlineMember("failed", first: true); out.integer(p.summary.failed)
            inlineMember("instances", first: false); out.integer(p.summary.instances)
            inlineMember("passed", first: false); out.integer(p.summary.passed)
            out.raw("}")
            member("verdict", depth: 1, first: false); out.string(p.verdict.rawValue)
            close("}", depth: 0)
            return parts + [out.bytes]
        }

        /// The texts of the last rule written: every instance of a rule repeats its clause,
        /// quote and parameters, so their members are escaped once and copied after. (A class,
        /// as `InstanceLayout`: taking it for an instance is one reference, not one per text.)
        var shared: SharedMembers?

        final class SharedMembers {
            let clause: String, quote: String, parameters: [String: ProofParameter], depth: Int
            let block = TextBlock()
            var clauseMember = TextBlock.empty, parametersMember = TextBlock.empty, quoteMember = TextBlock.empty

            init(clause: String, quote: String, parameters: [String: ProofParameter], depth: Int) {
                self.clause = clause; self.quote = quote; self.parameters = parameters; self.depth = depth
            }

            func matches(_ i: ProofInstance, depth: Int) -> Bool {
                depth == self.depth && i.clause == clause && i.quote == quote && i.parameters == parameters
            }
        }

        mutating func sharedMembers(of i: ProofInstance, depth: Int) -> SharedMembers {
            if let shared, shared.matches(i, depth: depth) { return shared }
            let made = SharedMembers(clause: i.clause, quote: i.quote, parameters: i.parameters, depth: depth)
            var w = Writer(pretty: pretty, capacity: 512)
            w.member("clause", depth: depth, first: false); w.out.string(i.clause)
            made.clauseMember = made.block.keep(w.out.bytes)
            w = Writer(pretty: pretty, capacity: 256)
            w.member("parameters", depth: depth, first: false)
            w.out.raw("{")
            for (n, key) in CanonicalJSON.sortedKeys(i.parameters).enumerated() {
                w.inlineMember(key, first: n == 0)
                switch i.parameters[key]! {
                case .integer(let v): w.out.integer(v)
                case .decimal(let s): w.out.string(s)
                }
            }
            w.out.raw("}")
            made.parametersMember = made.block.keep(w.out.bytes)
            w = Writer(pretty: pretty, capacity: 512)
            w.member("quote", depth: depth, first: false); w.out.string(i.quote)
            made.quoteMember = made.block.keep(w.out.bytes)
            shared = made
            return made
        }

        /// The fixed text of the last instance layout used (one per depth; the instances of a
        /// proof all stand at one depth).
        var layout: InstanceLayout?

        /// The fixed text between an instance's values, for one layout and depth, made with the
        /// writer's own layout rules (`member`, `element`, `close`) once: an instance is then a
        /// few copies of this text and its escaped values, a fifth of the appends of writing each
        /// comma, indentation and key apart. (A class: taking the layout for an instance is one
        /// reference, not one per piece; each piece is read from memory of the layout's own, with
        /// no reference count to touch.) A piece before a string value ends with its opening
        /// quote, and a piece after one starts with its closing quote (but after the values
        /// followed by a rule's shared members, whose quote is written apart).
        final class InstanceLayout {
            typealias Text = UnsafeBufferPointer<UInt8>
            let depth: Int
            private let block: TextBlock
            let arithmetic, finding, instance, quantities, rule, subject, subjectKind, subjectName, verdict, witnesses: Text
            let elementFirst, element, listEnd, close: Text
            let quantityName, quantityValue: Text
            let witnessId, witnessKind, witnessName, witnessNote: Text

            init(pretty: Bool, depth: Int) {
                let block = TextBlock()
                func text(_ body: (inout Writer) -> Void) -> Text {
                    var w = Writer(pretty: pretty, capacity: 64)
                    body(&w)
                    return block.keep(w.out.bytes)
                }
                self.block = block
                self.depth = depth
                arithmetic = text { $0.out.raw("{"); $0.member("arithmetic", depth: depth, first: true); $0.out.raw("\"") }
                finding = text { $0.member("finding", depth: depth, first: false); $0.out.raw("\"") }
                instance = text { $0.out.raw("\""); $0.member("instance", depth: depth, first: false); $0.out.raw("\"") }
                quantities = text { $0.member("quantities", depth: depth, first: false) }
                rule = text { $0.member("rule", depth: depth, first: false); $0.out.raw("\"") }
                subject = text { $0.out.raw("\""); $0.member("subject", depth: depth, first: false); $0.out.raw("{"); $0.inlineMember("id", first: true); $0.out.raw("\"") }
                subjectKind = text { $0.out.raw("\""); $0.inlineMember("kind", first: false); $0.out.raw("\"") }
                subjectName = text { $0.out.raw("\""); $0.inlineMember("name", first: false); $0.out.raw("\"") }
                verdict = text { $0.out.raw("\"}"); $0.member("verdict", depth: depth, first: false); $0.out.raw("\"") }
                witnesses = text { $0.out.raw("\""); $0.member("witnesses", depth: depth, first: false) }
                elementFirst = text { $0.out.raw("["); $0.element(first: true, depth: depth + 1); $0.out.raw("{") }
                element = text { $0.out.raw("}"); $0.element(first: false, depth: depth + 1); $0.out.raw("{") }
                listEnd = text { $0.out.raw("}"); $0.close("]", depth: depth) }
                close = text { $0.close("}", depth: depth - 1) }
                quantityName = text { $0.inlineMember("name", first: true); $0.out.raw("\"") }
                quantityValue = text { $0.out.raw("\""); $0.inlineMember("value", first: false) }
                witnessId = text { $0.inlineMember("id", first: true); $0.out.raw("\"") }
                witnessKind = text { $0.out.raw("\""); $0.inlineMember("kind", first: false); $0.out.raw("\"") }
                witnessName = text { $0.out.raw("\""); $0.inlineMember("name", first: false); $0.out.raw("\"") }
                witnessNote = text { $0.out.raw("\""); $0.inlineMember("note", first: false); $0.out.raw("\"") }
            }
        }

        /// A list of one-line objects in an instance's layout: `[]`, or each element's members
        /// (written by `write`) between the layout's element openers and closer.
        mutating func objectList<T>(_ elements: [T], _ l: InstanceLayout, _ write: (inout Writer, T) -> Void) {
            guard !elements.isEmpty else { out.raw("[]"); return }
            for (n, e) in elements.enumerated() {
                out.append(n == 0 ? l.elementFirst : l.element)
                write(&self, e)
            }
            out.append(l.listEnd)
        }

        /// The proof's instances in `range`, each an element of the proof's `instances` list.
        mutating func instances(_ instances: [ProofInstance], _ range: Range<Int>) {
            // Through a buffer pointer, so an instance is read in place rather than copied.
            instances.withUnsafeBufferPointer { all in
                for n in range {
                    element(first: n == 0, depth: 2)
                    instance(all[n], depth: 3)
                }
            }
        }

        mutating func instance(_ i: ProofInstance, depth: Int) {
            let rule = sharedMembers(of: i, depth: depth)
            if layout?.depth != depth { layout = InstanceLayout(pretty: pretty, depth: depth) }
            let l = layout!
            out.append(l.arithmetic); out.escaped(i.arithmetic); out.byte(0x22)
            out.append(rule.clauseMember)
            out.append(l.finding); out.escaped(i.finding)
            out.append(l.instance); out.escaped(i.instance); out.byte(0x22)
            out.append(rule.parametersMember)
            out.append(l.quantities)
            objectList(i.quantities, l) { w, q in
                w.out.append(l.quantityName); w.out.escaped(q.name)
                w.out.append(l.quantityValue); w.out.integer(q.value)
            }
            out.append(rule.quoteMember)
            out.append(l.rule); out.escaped(i.rule)
            out.append(l.subject); out.escaped(i.subject.id)
            out.append(l.subjectKind); out.escaped(i.subject.kind.rawValue)
            out.append(l.subjectName); out.escaped(i.subject.name)
            out.append(l.verdict); out.escaped(i.verdict.rawValue)
            out.append(l.witnesses)
            objectList(i.witnesses, l) { w, x in
                w.out.append(l.witnessId); w.out.escaped(x.id)
                w.out.append(l.witnessKind); w.out.escaped(x.kind.rawValue)
                w.out.append(l.witnessName); w.out.escaped(x.name)
                w.out.append(l.witnessNote); w.out.escaped(x.note); w.out.byte(0x22)
            }
            out.append(l.close)
        }
    }
}

/// Pieces of fixed text, each in memory of its own that lives as long as the block: a writer
/// copies from them without touching a reference count (an array read from a class's property
/// is retained and released at every read, and an instance of a proof reads some twenty).
final class TextBlock {
    private var kept: [UnsafeMutableBufferPointer<UInt8>] = []

    /// An empty piece.
    static var empty: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

    /// A copy of `bytes` that stays valid while the block lives.
    func keep(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        kept.append(copy)
        return UnsafeBufferPointer(rebasing: copy[0..<bytes.count])
    }

    deinit { for k in kept { k.deallocate() } }
}
