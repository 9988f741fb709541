import Foundation
import Crypto
import RotaCore
import RotaInput
import RotaVerifier

/// The canonical bytes of a weekly rota, for its digest in a compliance proof.
///
/// The rota's entries sorted (person, date, half, site), each as a canonical JSON object
/// `{"activity","date","half","person","site"}`, in one canonical JSON array. Names and other
/// display columns of `rota.csv` are left out: they are looked up in the scenario.
///
/// Discussion: the bytes are those of `CanonicalJSON.data(value(entries))`, written token by
/// token (`JSONBytes`) because a year's rota has half a million entries.
///
/// ```swift
/// let digest = RotaCanonicalForm.sha256(rota.entries)
/// ```
public enum RotaCanonicalForm {
    public static let version = "rota-rota/1"

    /// The rota as a JSON value (the definition of the form).
    public static func value(_ entries: [RotaEntry]) -> JSONValue {
        .array(entries.sorted().map { e in
            .object(["activity": .string(e.activity.rawValue), "date": .string(e.date), "half": .string(e.half.rawValue),
                     "person": .string(e.person), "site": .string(e.site)])
        })
    }

    /// The canonical bytes.
    public static func data(_ entries: [RotaEntry]) -> Data { Data(bytes(entries)) }

    /// The canonical bytes, as an array.
    static func bytes(_ entries: [RotaEntry]) -> [UInt8] {
        var out: [UInt8] = []
        write(entries) { out += $0 }
        return out
    }

    /// The SHA-256 of the canonical bytes, in lowercase hex; the bytes are hashed a chunk at a
    /// time as they are written, never held whole (a year's rota is about 45 MB of them).
    public static func sha256(_ entries: [RotaEntry]) -> String { sha256(entries, chunk: 1 << 20) }

    static func sha256(_ entries: [RotaEntry], chunk: Int) -> String {
        var hasher = SHA256()
        write(entries, chunk: chunk) { hasher.update(data: $0) }
        return Digest.hex(hasher.finalize())
    }

    /// Writes the canonical bytes in chunks of about `chunk` bytes, each handed to `sink` in a
    /// buffer used again for the next.
    static func write(_ entries: [RotaEntry], chunk: Int = 1 << 20, to sink: ([UInt8]) -> Void) {
        // A rota rota wrote is already in this order: check it in one pass before sorting.
        let sorted = isSorted(entries) ? entries : entries.sorted()
        var json = JSONBytes(reservingCapacity: chunk + 512)
        // Consecutive entries mostly share the person: escape each once. The activity and the
        // half have a few values: their members are written once, up front.
        var person = Member(key: ",\"person\":")
        let activityText = RotaActivity.allCases.map { a in member { $0.raw("{\"activity\":"); $0.string(a.rawValue) } }
        let halfText = HalfDay.allCases.map { h in member { $0.raw(",\"half\":"); $0.string(h.rawValue) } }
        json.raw("[")
        sorted.withUnsafeBufferPointer { sorted in
            for n in sorted.indices {
                if n > 0 { json.raw(",") }
                json.append(activityText[sorted[n].activity.number])
                json.raw(",\"date\":")
                json.string(sorted[n].date)
                json.append(halfText[sorted[n].half == .am ? 0 : 1])   // allCases: am, pm
                person.write(sorted[n].person, into: &json)
                json.raw(",\"site\":")
                json.string(sorted[n].site)
                json.raw("}")
                if json.bytes.count >= chunk {
                    sink(json.bytes)
                    json.removeAll()
                }
            }
        }
        json.raw("]")
        sink(json.bytes)
    }

    /// The bytes `write` puts in a fresh buffer.
    private static func member(_ write: (inout JSONBytes) -> Void) -> [UInt8] {
        var json = JSONBytes(reservingCapacity: 32)
        write(&json)
        return json.bytes
    }

    /// One member of an entry, its text kept while the value repeats.
    private struct Member {
        let key: StaticString
        var value: String? = nil
        var text = JSONBytes(reservingCapacity: 64)

        init(key: StaticString) { self.key = key }

        mutating func write(_ v: String, into json: inout JSONBytes) {
            if v != value {
                text.removeAll()
                text.raw(key)
                text.string(v)
                value = v
            }
            json.append(text.bytes)
        }
    }

    /// Whether the entries are in canonical order already.
    static func isSorted(_ entries: [RotaEntry]) -> Bool {
        entries.withUnsafeBufferPointer { e in
            for i in e.indices.dropFirst() where e[i] < e[i - 1] { return false }
            return true
        }
    }
}
