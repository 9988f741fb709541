import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of an input file into text: UTF-8 (with or without BOM) or GB18030.
///
/// Spreadsheets on Chinese Windows save CSV as GB18030 (“ANSI”); everything else writes UTF-8.
/// Valid UTF-8 is read as UTF-8; anything else is converted from GB18030 with the C library's
/// `iconv`. A leading byte-order mark is dropped.
///
/// ```swift
/// TextDecoding.decode([0xD5, 0xC5, 0xCE, 0xB0])   // .text("张伟", .gb18030)
/// ```
public enum TextDecoding {
    /// The encoding a file turned out to be in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// The outcome of decoding a file's bytes.
    public enum Outcome: Equatable, Sendable {
        case text(String, Encoding)
        /// Neither valid UTF-8 nor valid GB18030; `byteOffset` is where GB18030 decoding failed.
        case undecodable(byteOffset: Int)
    }

    /// The outcome of reading a file from disk.
    public enum FileOutcome: Equatable, Sendable {
        case text(String, Encoding)
        case unreadable(reason: String)
        /// Not text; `line` is the 1-based line of the first byte that cannot be read.
        case undecodable(byteOffset: Int, line: Int)
    }

    /// What is wrong with a file that is neither UTF-8 nor GB18030.
    public static func undecodableMessage(byteOffset: Int) -> String {
        "the file is neither UTF-8 nor GB18030 text (byte \(byteOffset + 1) cannot be read; save it as UTF-8 or as GB18030 text, e.g. CSV from Excel)"
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes `bytes`: valid UTF-8 as UTF-8 (BOM dropped), anything else as GB18030.
    public static func decode(_ bytes: [UInt8]) -> Outcome {
        let body = bytes.starts(with: bom) ? Array(bytes.dropFirst(bom.count)) : bytes
        if let text = String(validating: body, as: UTF8.self) {
            return .text(text, .utf8)
        }
        switch convertFromGB18030(bytes) {
        case .success(let text):
            return .text(text, .gb18030)
        case .failure(let failure):
            return .undecodable(byteOffset: failure.byteOffset)
        }
    }

    /// Reads and decodes the file at `path`.
    public static func readFile(atPath path: String) -> FileOutcome {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .unreadable(reason: "no such file")
        }
        if isDirectory.boolValue { return .unreadable(reason: "it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unreadable(reason: "it cannot be opened")
        }
        switch decode([UInt8](data)) {
        case .text(let text, let encoding): return .text(text, encoding)
        case .undecodable(let offset):
            return .undecodable(byteOffset: offset, line: 1 + data.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
        }
    }

    /// Where GB18030 decoding stopped.
    struct ConversionFailure: Error {
        var byteOffset: Int
    }

    /// Converts GB18030 bytes to a String with `iconv`.
    static func convertFromGB18030(_ bytes: [UInt8]) -> Result<String, ConversionFailure> {
        guard let cd = openConverter() else { return .failure(ConversionFailure(byteOffset: 0)) }
        defer { _ = iconv_close(cd) }
        if bytes.isEmpty { return .success("") }

        var input = bytes.map { CChar(bitPattern: $0) }
        // A GB18030 character of n bytes is at most n + 1 bytes of UTF-8 (1→1, 2→3, 4→4).
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let outputCapacity = output.count
        var consumed = 0
        var produced = 0
        var failed = false
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outputCapacity
                let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                // Flush any shift state (GB18030 has none, but iconv asks for it).
                if result != size_t.max {
                    _ = iconv(cd, nil, nil, &outPointer, &outLeft)
                }
                consumed = inBuffer.count - inLeft
                produced = outputCapacity - outLeft
                failed = result == size_t.max || inLeft > 0
            }
        }
        if failed { return .failure(ConversionFailure(byteOffset: consumed)) }
        let utf8 = output[..<produced].map { UInt8(bitPattern: $0) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            return .failure(ConversionFailure(byteOffset: 0))
        }
        return .success(text)
    }

    private static func openConverter() -> iconv_t? {
        let cd = iconv_open("UTF-8", "GB18030")
        let invalid = iconv_t(bitPattern: -1)
        if cd == invalid { return nil }
        return cd
    }
}
