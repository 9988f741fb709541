/// The version of rota, recorded in plans and proofs.
public enum RotaVersion {
    public static let current = "0.1.0"
}
