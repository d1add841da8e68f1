import Foundation

/// OData `$batch` (multipart/mixed) for GET requests: several reads in one HTTP request, each URL in the body where
/// the Web API accepts up to 64 KB (a URL on the request line: 32 KB). Dataverse runs them in order and answers one
/// part per request, in the same order ("Execute batch operations using the Web API", Dataverse docs).
enum ODataBatch {
    struct Part: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    enum ParseError: Error, CustomStringConvertible {
        case noBoundary
        case badPart(String)

        var description: String {
            switch self {
            case .noBoundary: return "a $batch answer without a multipart boundary"
            case .badPart(let why): return "a $batch part that is not an HTTP response (\(why))"
            }
        }
    }

    /// The body of a batch of GETs, each with `headers` (e.g. `Prefer`).
    static func body(gets urls: [URL], headers: [(name: String, value: String)], boundary: String) -> Data {
        var text = ""
        for url in urls {
            text += "--\(boundary)\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            text += "GET \(url.absoluteString) HTTP/1.1\r\n"
            for header in headers { text += "\(header.name): \(header.value)\r\n" }
            text += "\r\n"
        }
        text += "--\(boundary)--\r\n"
        return Data(text.utf8)
    }

    /// The boundary a `Content-Type: multipart/mixed; boundary=...` names.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/mixed") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The HTTP responses inside a batch answer, in order.
    static func parse(_ bytes: [UInt8], contentType: String?) throws -> [Part] {
        guard let boundary = boundary(contentType: contentType) else { throw ParseError.noBoundary }
        let delimiter = Array("--\(boundary)".utf8)
        var starts: [Int] = []
        var i = 0
        while let found = find(delimiter, in: bytes, from: i) {
            starts.append(found)
            i = found + delimiter.count
        }
        guard starts.count >= 2 else { throw ParseError.noBoundary }
        var parts: [Part] = []
        for (index, start) in starts.dropLast().enumerated() {
            var from = start + delimiter.count
            if bytes[from..<min(from + 2, bytes.count)].elementsEqual(Array("--".utf8)) { break }
            from = skipLineEnd(bytes, from)
            var end = starts[index + 1]
            if end >= 2, bytes[end - 2] == 0x0D, bytes[end - 1] == 0x0A { end -= 2 } else if end >= 1, bytes[end - 1] == 0x0A { end -= 1 }
            guard from <= end else { throw ParseError.badPart("empty") }
            parts.append(try part(Array(bytes[from..<end])))
        }
        return parts
    }

    /// One part: its MIME headers, a blank line, then an HTTP response (status line, headers, blank line, body).
    private static func part(_ bytes: [UInt8]) throws -> Part {
        guard let mimeEnd = headerEnd(bytes, from: 0) else { throw ParseError.badPart("no MIME headers") }
        let http = Array(bytes[mimeEnd...])
        guard let headEnd = headerEnd(http, from: 0) else { throw ParseError.badPart("no HTTP headers") }
        let head = String(decoding: http[..<headEnd], as: UTF8.self)
        var lines = head.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }).map(String.init)
        guard !lines.isEmpty else { throw ParseError.badPart("no status line") }
        let status = lines.removeFirst().split(separator: " ")
        guard status.count >= 2, status[0].hasPrefix("HTTP/"), let code = Int(status[1]) else {
            throw ParseError.badPart("no status line")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Part(status: code, headers: headers, body: Array(http[headEnd...]))
    }

    /// The index just past the blank line that ends a header block starting at `from`; nil when there is none.
    private static func headerEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var i = from
        var lineStart = from
        while i < bytes.count {
            if bytes[i] == 0x0A {
                let line = bytes[lineStart..<i]
                if line.isEmpty || (line.count == 1 && line.first == 0x0D) { return i + 1 }
                lineStart = i + 1
            }
            i += 1
        }
        return nil
    }

    private static func skipLineEnd(_ bytes: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        if i < bytes.count, bytes[i] == 0x0D { i += 1 }
        if i < bytes.count, bytes[i] == 0x0A { i += 1 }
        return i
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
