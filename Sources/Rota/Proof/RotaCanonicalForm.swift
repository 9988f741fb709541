/// The canonical bytes of a weekly rota, for its digest in a compliance proof.
///
/// The rota's entries sorted (person, date, half, site), each as a canonical JSON object
/// `{"activity","date","half","person","site"}`, in one canonical JSON array. Names and other
/// display columns of `rota.csv` are left out: they are looked up in the scenario.
///
/// ```swift
/// let digest = RotaCanonicalForm.sha256(rota.entries)
/// ```
public enum RotaCanonicalForm {
    public static let version = "rota-rota/1"

    public static func value(_ entries: [RotaEntry]) -> JSONValue {
        .array(entries.sorted().map { e in
            .object(["activity": .string(e.activity.rawValue), "date": .string(e.date), "half": .string(e.half.rawValue),
                     "person": .string(e.person), "site": .string(e.site)])
        })
    }

    public static func sha256(_ entries: [RotaEntry]) -> String { Digest.hex(CanonicalJSON.data(value(entries))) }
}
