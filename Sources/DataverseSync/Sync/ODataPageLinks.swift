import Foundation
import DashboardModel

/// The top-level annotations of a Web API page (`@odata.nextLink`, `@odata.deltaLink`, `@odata.count`), found by
/// one pass over the bytes that tracks strings and nesting, so text inside rows can never pose as a link. The rows
/// themselves are read by the store (the same reader as `import`). A body that is not a JSON object with a `value`
/// array (an HTML error page from a proxy, a truncated answer) is refused here, before anything is written.
public struct ODataPageLinks: Sendable, Equatable {
    public var nextLink: String?
    public var deltaLink: String?
    public var count: Int?
    public var hasValueArray: Bool
    /// The string values of the column `parse` was asked to collect, in the rows (the `value` array's objects, at
    /// their top level only: text nested deeper, or inside another string, is never taken), in page order.
    public var collected: [String] = []

    public enum ParseError: Error, CustomStringConvertible, Equatable {
        case notJSONObject(String)
        case noValueArray
        case truncated
        case badLink(String)

        public var description: String {
            switch self {
            case .notJSONObject(let seen): return "not a JSON object (starts with \(seen))"
            case .noValueArray: return "no \"value\" array"
            case .truncated: return "the JSON ends early"
            case .badLink(let key): return "\(key) is not a string"
            }
        }
    }

    /// - Parameter column: a column whose string values in the rows are collected into `collected` (nil: none).
    public static func parse(_ bytes: [UInt8], collecting column: String? = nil) throws -> ODataPageLinks {
        var result = ODataPageLinks(nextLink: nil, deltaLink: nil, count: nil, hasValueArray: false)
        let wanted = column.map { Array($0.utf8) }
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
        skipSpace()
        if i < n, bytes[i] == 0xEF, i + 2 < n { i += 3; skipSpace() }  // UTF-8 byte order mark
        guard i < n, bytes[i] == UInt8(ascii: "{") else {
            let seen = String(decoding: bytes[i..<min(n, i + 12)], as: UTF8.self)
                .unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }
            throw ParseError.notJSONObject("'" + String(String.UnicodeScalarView(seen)) + "'")
        }
        i += 1
        while true {
            skipSpace()
            guard i < n else { throw ParseError.truncated }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            guard bytes[i] == UInt8(ascii: "\"") else { throw ParseError.notJSONObject("a key that is not a string") }
            let key = try readString(bytes, &i)
            skipSpace()
            guard i < n, bytes[i] == UInt8(ascii: ":") else { throw ParseError.truncated }
            i += 1
            skipSpace()
            guard i < n else { throw ParseError.truncated }
            switch key {
            case "@odata.nextLink", "@odata.deltaLink":
                guard bytes[i] == UInt8(ascii: "\"") else { throw ParseError.badLink(key) }
                let link = try readString(bytes, &i)
                if key == "@odata.nextLink" { result.nextLink = link } else { result.deltaLink = link }
            case "@odata.count":
                let start = i
                while i < n, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == UInt8(ascii: "-") { i += 1 }
                result.count = Int(String(decoding: bytes[start..<i], as: UTF8.self))
            default:
                if key == "value" {
                    guard bytes[i] == UInt8(ascii: "[") else { throw ParseError.noValueArray }
                    result.hasValueArray = true
                    try skipValue(bytes, &i, collecting: wanted, into: &result.collected)
                } else {
                    var ignored: [String] = []
                    try skipValue(bytes, &i, collecting: nil, into: &ignored)
                }
            }
        }
        guard result.hasValueArray else { throw ParseError.noValueArray }
        return result
    }

    /// Reads a JSON string starting at its opening quote, decoding the escapes a URL may hold.
    static func readString(_ bytes: [UInt8], _ i: inout Int) throws -> String {
        i += 1
        let start = i
        var escaped = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") { escaped = true; i += 2; continue }
            if b == UInt8(ascii: "\"") { break }
            i += 1
        }
        guard i < bytes.count else { throw ParseError.truncated }
        let raw = Array(bytes[start..<i])
        i += 1
        if !escaped { return String(decoding: raw, as: UTF8.self) }
        let quoted = [UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")]
        guard let text = try? JSONSerialization.jsonObject(with: Data(quoted), options: [.fragmentsAllowed]) as? String else {
            throw ParseError.truncated
        }
        return text
    }

    /// Skips one JSON value (object, array, string, number, literal) without building it. With `column`, the value
    /// is the `value` array: the strings that follow the key `column` in its objects (depth 2: the array, then the
    /// row) go into `found`; a key is a string at that depth followed by a colon, so a row's text never poses as one.
    /// A page is megabytes of row text: strings are crossed 8 bytes a step (`ByteScan`), over the bytes unchecked.
    private static func skipValue(_ bytes: [UInt8], _ i: inout Int, collecting column: [UInt8]?, into found: inout [String]) throws {
        let ended = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let p = buffer.baseAddress else { return false }
            return column.map { column in
                column.withUnsafeBufferPointer { skipValue(p, buffer.count, &i, collecting: $0, into: &found) }
            } ?? skipValue(p, buffer.count, &i, collecting: nil, into: &found)
        }
        guard ended else { throw ParseError.truncated }
    }

    /// `skipValue` over `n` bytes at `p`; false when they end before the value does.
    private static func skipValue(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int,
                                  collecting column: UnsafeBufferPointer<UInt8>?, into found: inout [String]) -> Bool {
        var depth = 0
        var capturing = false
        while i < n {
            switch p[i] {
            case UInt8(ascii: "\""):
                i += 1
                let start = i
                var escaped = false
                while true {
                    i = ByteScan.jsonStringStop(p, from: i, count: n)
                    guard i < n else { return false }
                    if p[i] == UInt8(ascii: "\"") { break }
                    if p[i] == UInt8(ascii: "\\") { escaped = true; i += 2 } else { i += 1 }  // or a control byte
                }
                let end = i
                i += 1
                if depth == 0 { return true }
                if let column, depth == 2 {
                    if capturing {
                        capturing = false
                        if !escaped { found.append(String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)) }
                    } else if !escaped, end - start == column.count, let wanted = column.baseAddress,
                              memcmp(p + start, wanted, column.count) == 0 {
                        var j = i
                        while j < n, p[j] == 0x20 || p[j] == 0x0A || p[j] == 0x0D || p[j] == 0x09 { j += 1 }
                        capturing = j < n && p[j] == UInt8(ascii: ":")
                    }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                capturing = false
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                capturing = false
                i += 1
                if depth == 0 { return true }
            case UInt8(ascii: ","):
                if depth == 0 { return true }
                capturing = false
                i += 1
            default:
                i += 1
            }
        }
        return false
    }
}
