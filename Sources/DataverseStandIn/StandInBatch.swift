import Foundation

/// `POST /api/data/v9.2/$batch` as the Web API answers it for GETs: a multipart/mixed body of `application/http`
/// parts, each a request line (`GET URL HTTP/1.1`, the URL absolute or a path) and headers; the answer is one
/// multipart part per request, in order, each an HTTP response. Only GETs are read (no change sets).
enum StandInBatch {
    struct Inner {
        var path: String
        var query: [(name: String, value: String)]
        var headers: [String: String]
    }

    /// The GETs of a batch body; nil when it is not one. Read as bytes (a batch of ten GETs of 600 ids is about
    /// 270 KB of request lines).
    static func requests(body: Data, contentType: String?) -> [Inner]? {
        guard let contentType, let range = contentType.range(of: "boundary=") else { return nil }
        let boundary = contentType[range.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return nil }
        let bytes = [UInt8](body)
        let marker = Array(("--" + boundary).utf8)
        var out: [Inner] = []
        let starts = occurrences(of: marker, in: bytes)
        for (n, start) in starts.enumerated() {
            let from = start + marker.count
            let to = n + 1 < starts.count ? starts[n + 1] : bytes.count
            let chunk = bytes[from..<to]
            if chunk.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { break }
            // Lines end with CRLF or a bare LF; read as bytes (a request line holds up to about 27 KB of URL).
            let lines = chunk.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
                line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            }
            // MIME headers, a blank line, the request line, its headers.
            guard let blank = lines.dropFirst().firstIndex(where: \.isEmpty), blank + 1 < lines.count else { return nil }
            let requestLine = lines[blank + 1].split(separator: UInt8(ascii: " "))
            guard requestLine.count == 3, requestLine[0].elementsEqual("GET".utf8), let target = Self.target(requestLine[1]) else { return nil }
            var headers: [String: String] = [:]
            for bytes in lines[(blank + 2)...] {
                if bytes.isEmpty { break }
                let line = String(decoding: bytes, as: UTF8.self)
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            out.append(Inner(path: target.path, query: target.query, headers: headers))
        }
        return out.isEmpty ? nil : out
    }

    /// Where `marker` starts in `bytes`, each occurrence.
    private static func occurrences(of marker: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard let first = marker.first, bytes.count >= marker.count else { return [] }
        var found: [Int] = []
        var i = 0
        while i <= bytes.count - marker.count {
            if bytes[i] == first, bytes[i..<(i + marker.count)].elementsEqual(marker) {
                found.append(i)
                i += marker.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// The path and the query items (percent-decoded) of a request line's target: an absolute URL or a path.
    private static func target(_ text: ArraySlice<UInt8>) -> (path: String, query: [(name: String, value: String)])? {
        var rest = text
        if let scheme = rest.firstRange(of: "://".utf8) {
            let afterHost = rest[scheme.upperBound...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") })
            rest = rest[(afterHost ?? rest.endIndex)...]
        }
        let question = rest.firstIndex(of: UInt8(ascii: "?"))
        guard let path = percentDecoded(question.map { rest[..<$0] } ?? rest) else { return nil }
        var query: [(name: String, value: String)] = []
        if let question {
            for pair in rest[(question + 1)...].split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
                let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
                guard let name = percentDecoded(parts[0]), let value = percentDecoded(parts.count > 1 ? parts[1] : []) else { return nil }
                query.append((name, value))
            }
        }
        return (path.isEmpty ? "/" : path, query)
    }

    /// `%XX` escapes decoded as UTF-8 bytes (`+` stays a plus, as in `URLComponents.queryItems`); nil for a bad
    /// escape or bytes that are not UTF-8.
    private static func percentDecoded(_ text: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var bytes = text.makeIterator()
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while let b = bytes.next() {
            if b == UInt8(ascii: "%") {
                guard let high = bytes.next().flatMap(hex), let low = bytes.next().flatMap(hex) else { return nil }
                out.append(high << 4 | low)
            } else {
                out.append(b)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// The answer: one part per response, in order.
    static func answer(_ responses: [StandInResponse]) -> StandInResponse {
        let boundary = "batchresponse_" + UUID().uuidString.lowercased()
        var body = Data()
        for response in responses {
            var head = "--\(boundary)\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            head += "HTTP/1.1 \(response.status) \(StandInServer.phrase(response.status))\r\n"
            for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            body.append(Data(head.utf8))
            body.append(response.body)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return StandInResponse(status: 200, headers: ["Content-Type": "multipart/mixed; boundary=\(boundary)", "OData-Version": "4.0"], body: body)
    }
}
