import RotaCore
import RotaInput
import RotaVerifier
/// Where each rule instance lies in a proof file written in rota's own layout, so a proof that
/// differs from the recomputed one in a few places is decoded only in those places.
///
/// Discussion: `ComplianceProof.jsonData()` writes the `instances` list with each instance
/// opening on a line `    {` and closing on a line `    }` (four spaces), and no other line of
/// the file starts that way: members of an instance are indented by six or more, and a raw
/// line feed cannot occur inside a JSON string. So the file splits into the text before the
/// list, each instance's text, and the text after the list by looking at bytes alone. When
/// the file is not in that layout (re-indented, say), `split` gives nil and the caller decodes
/// the whole file instead.
///
/// ```swift
/// let layout = ProofFileLayout.split(Array(try proof.jsonData()))!
/// layout.instances.count            // proof.instances.count
/// layout.skeleton                   // the file with "instances": []
/// ```
struct ProofFileLayout {
    /// The file with its instance list emptied (`"instances": []`).
    let skeleton: [UInt8]
    /// Each instance's text, `{` to `}`, in file order.
    let instances: [ArraySlice<UInt8>]

    private static let listOpen = Array("\n  \"instances\": [".utf8)
    private static let instanceOpen = Array("\n    {".utf8)
    private static let instanceClose = Array("\n    }".utf8)
    private static let listClose = Array("\n  ]".utf8)

    static func split(_ bytes: [UInt8]) -> ProofFileLayout? {
        guard let open = find(listOpen, in: bytes, from: 0) else { return nil }
        let afterOpen = open + listOpen.count
        var instances: [ArraySlice<UInt8>] = []
        var p = afterOpen
        // An empty list is written "[]" on the same line.
        if p < bytes.count, bytes[p] == UInt8(ascii: "]") {
            return ProofFileLayout(skeleton: Array(bytes), instances: [])
        }
        while true {
            guard starts(instanceOpen, in: bytes, at: p) else { return nil }
            let start = p + instanceOpen.count - 1
            guard let close = find(instanceClose, in: bytes, from: start) else { return nil }
            let end = close + instanceClose.count
            instances.append(bytes[start..<end])
            if end < bytes.count, bytes[end] == UInt8(ascii: ",") {
                p = end + 1
                continue
            }
            guard starts(listClose, in: bytes, at: end) else { return nil }
            let tail = end + listClose.count
            let skeleton = Array(bytes[..<afterOpen]) + [UInt8(ascii: "]")] + Array(bytes[tail...])
            return ProofFileLayout(skeleton: skeleton, instances: instances)
        }
    }

    private static func starts(_ pattern: [UInt8], in bytes: [UInt8], at p: Int) -> Bool {
        p + pattern.count <= bytes.count && bytes[p..<(p + pattern.count)].elementsEqual(pattern)
    }

    /// The first position of `pattern` (which starts with a line feed) at or after `from`.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        var p = from
        while p < bytes.count {
            guard let nl = bytes[p...].firstIndex(of: 0x0A) else { return nil }
            if starts(pattern, in: bytes, at: nl) { return nl }
            p = nl + 1
        }
        return nil
    }
}
