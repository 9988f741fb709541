import Foundation
import RotaCore

/// Reads a `plan.json` file for `rota verify`, turning every way it can be unreadable into a
/// located `Diagnostic` instead of a crash.
///
/// Structure only: a plan that decodes is returned as is, however wrong its contents — those
/// are PLAN.integrity failures for the verifier to report (exit 1), while an unreadable file
/// is an input error (exit 2).
///
/// ```swift
/// do { let plan = try PlanReader.read(path: "out/plan.json") }
/// catch { print(error) }   // out/plan.json: teams[0].sender: missing field (expected a string)
/// ```
public enum PlanReader {
    /// Reads and decodes the file at `path`.
    public static func read(path: String) throws(InputError) -> Plan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError([Diagnostic(file: path, line: 0, path: "(whole file)",
                                         message: "cannot read the plan file (\(reason(error)))")])
        }
        return try decode(data, file: path)
    }

    /// Decodes plan.json bytes; `file` names them in diagnostics.
    public static func decode(_ data: Data, file: String) throws(InputError) -> Plan {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not JSON"
            throw InputError([Diagnostic(file: file, line: line(of: detail, in: data), path: "(whole file)",
                                         message: "not valid JSON: \(detail)")])
        }
        do {
            return try Plan.decode(data)
        } catch let error as DecodingError {
            throw InputError([diagnostic(error, file: file)])
        } catch {
            throw InputError([Diagnostic(file: file, line: 0, path: "(whole file)", message: reason(error))])
        }
    }

    private static func diagnostic(_ error: DecodingError, file: String) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let ctx):
            return Diagnostic(file: file, line: 0, path: path(ctx.codingPath + [key]), message: "missing field",
                              expected: "a value for \"\(key.stringValue)\"; see docs/plan-format.md")
        case .typeMismatch(let type, let ctx):
            return Diagnostic(file: file, line: 0, path: path(ctx.codingPath), message: "wrong kind of value",
                              expected: kind(type))
        case .valueNotFound(let type, let ctx):
            return Diagnostic(file: file, line: 0, path: path(ctx.codingPath), message: "null value",
                              expected: kind(type))
        case .dataCorrupted(let ctx):
            return Diagnostic(file: file, line: 0, path: path(ctx.codingPath), message: ctx.debugDescription)
        @unknown default:
            return Diagnostic(file: file, line: 0, path: "(whole file)", message: String(describing: error))
        }
    }

    /// `teams[0].members[2]` from a coding path.
    public static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "(whole file)" : text
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a \(name) object"
        }
    }

    /// The line of "… around character N." in the JSON parser's message (0 when it names none).
    private static func line(of detail: String, in data: Data) -> Int {
        guard let range = detail.range(of: "character ") else { return 0 }
        let digits = detail[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard let offset = Int(digits) else { return 0 }
        return data.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}
