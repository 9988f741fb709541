import Foundation
import Hummingbird
import Rota

/// An error answer: status, message and, for uploads, every located problem.
public struct PortalError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var problems: [UploadProblem] = []

    public static func badRequest(_ m: String, _ p: [UploadProblem] = []) -> PortalError { PortalError(status: .badRequest, message: m, problems: p) }
    public static let unauthorized = PortalError(status: .unauthorized, message: "log in first")
    public static func forbidden(_ m: String) -> PortalError { PortalError(status: .forbidden, message: m) }
    public static func notFound(_ m: String) -> PortalError { PortalError(status: .notFound, message: m) }
}

/// The JSON body of an error answer.
struct ErrorBody: Codable {
    var error: String
    var problems: [UploadProblem]?
}

/// One part of a multipart/form-data body.
struct FormPart {
    var name: String
    var filename: String?
    var data: Data
    var text: String { String(decoding: data, as: UTF8.self) }
}

/// Parsers for the two form encodings browsers send.
enum FormDecoding {
    /// `application/x-www-form-urlencoded`.
    static func urlEncoded(_ body: Data) -> [String: String] {
        var out: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if let k = kv.first { out[k] = kv.count > 1 ? kv[1] : "" }
        }
        return out
    }

    /// `multipart/form-data` (RFC 7578); nil when the body does not follow it.
    static func multipart(_ body: Data, contentType: String) -> [FormPart]? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[range.upperBound...])
        if let semi = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semi]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return nil }
        let bytes = [UInt8](body), delimiter = Array("--\(boundary)".utf8)
        // Positions of every delimiter line.
        var marks: [Int] = []
        var i = 0
        while i + delimiter.count <= bytes.count {
            if bytes[i] == delimiter[0], Array(bytes[i..<i + delimiter.count]) == delimiter, i == 0 || (i >= 2 && bytes[i - 2] == 13 && bytes[i - 1] == 10) {
                marks.append(i); i += delimiter.count
            } else { i += 1 }
        }
        guard marks.count >= 2 else { return nil }
        var parts: [FormPart] = []
        for k in 0..<(marks.count - 1) {
            var start = marks[k] + delimiter.count
            guard start + 1 < bytes.count, bytes[start] == 13, bytes[start + 1] == 10 else { continue }
            start += 2
            let end = marks[k + 1] - 2
            guard end >= start else { return nil }
            let chunk = Array(bytes[start..<end])
            guard let sep = (0..<max(0, chunk.count - 3)).first(where: { chunk[$0] == 13 && chunk[$0 + 1] == 10 && chunk[$0 + 2] == 13 && chunk[$0 + 3] == 10 }) else { return nil }
            let headers = String(decoding: chunk[..<sep], as: UTF8.self)
            var name: String?, filename: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                for item in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    if item.hasPrefix("name=") { name = String(item.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                    if item.hasPrefix("filename=") { filename = String(item.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                }
            }
            guard let name else { continue }
            parts.append(FormPart(name: name, filename: filename, data: Data(chunk[(sep + 4)...])))
        }
        return parts
    }
}

/// Per-key request budgets over a sliding minute (per account for uploads, per username for
/// log-in attempts).
actor RateLimiter {
    private var hits: [String: [Date]] = [:]

    /// Whether one more request under `key` fits `limit` per 60 s (and counts it if so).
    func allow(_ key: String, limit: Int, now: Date = Date()) -> Bool {
        // Forget keys idle for a minute once there are many (log-in attempts under made-up
        // usernames would otherwise pile up).
        if hits.count > 10_000 { hits = hits.filter { $0.value.contains { now.timeIntervalSince($0) < 60 } } }
        let recent = (hits[key] ?? []).filter { now.timeIntervalSince($0) < 60 }
        guard recent.count < limit else { hits[key] = recent; return false }
        hits[key] = recent + [now]
        return true
    }

    /// How many keys the limiter holds.
    var keys: Int { hits.count }
}

/// HTML escaping for text and attribute values: the report page's own (`MarkupText.html`).
func esc(_ s: String) -> String { MarkupText.html(s) }

extension Response {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .init("Content-Security-Policy")!: "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:", .init("X-Frame-Options")!: "DENY"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let e = JSONEncoder(); e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? e.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok, download: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    static func redirect(_ to: String) -> Response {
        Response(status: .seeOther, headers: [.location: to])
    }
}
