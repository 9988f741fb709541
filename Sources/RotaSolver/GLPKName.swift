/// The name GLPK and MPS files get for a model's variable or constraint.
///
/// A model's names carry user text — ids and specialties read from the scenario, such as
/// `general practice` — which GLPK refuses (white space, control characters) and MPS cannot
/// hold. The model keeps its readable names for reports and explanations; GLPK gets an
/// escaped copy: every byte at or below space, DEL and `%` itself written as `%XX`. The escaping
/// is one-to-one, so distinct names stay distinct; a name still over GLPK's 255 bytes is cut and
/// made unique with its position.
///
/// ```swift
/// GLPKName.escaped("T3.scope[general practice]", position: 7)   // "T3.scope[general%20practice]"
/// ```
public enum GLPKName {
    /// GLPK's longest name, in bytes.
    public static let maxBytes = 255

    public static func escaped(_ name: String, position: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in name.utf8 {
            if b <= 0x20 || b == 0x7F || b == UInt8(ascii: "%") {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            } else {
                out.append(b)
            }
        }
        if out.isEmpty { out = Array("_\(position)".utf8) }
        if out.count > maxBytes {
            let tail = Array("~\(position)".utf8)
            var cut = maxBytes - tail.count
            while cut > 0, out[cut] & 0xC0 == 0x80 { cut -= 1 }   // do not split a UTF-8 character
            out = Array(out[..<cut]) + tail
        }
        return String(decoding: out, as: UTF8.self)
    }
}
