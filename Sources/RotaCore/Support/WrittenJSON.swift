import Foundation

/// The JSON files rota writes from `Codable` types (plan.json, conflict.json): sorted keys,
/// two-space indentation, slashes as they are, a final newline — the same input always gives
/// the same bytes.
///
/// ```swift
/// try WrittenJSON.data(plan).write(to: URL(fileURLWithPath: "out/plan.json"))
/// ```
enum WrittenJSON {
    static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
