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

    /// The GETs of a batch body; nil when it is not one.
    static func requests(body: Data, contentType: String?) -> [Inner]? {
        guard let contentType, let range = contentType.range(of: "boundary=") else { return nil }
        let boundary = contentType[range.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return nil }
        let text = String(decoding: body, as: UTF8.self)
        var out: [Inner] = []
        for chunk in text.components(separatedBy: "--" + boundary).dropFirst() {
            if chunk.hasPrefix("--") { break }
            // "\r\n" is one Character: split on it and on a bare "\n".
            let lines = chunk.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\r\n" || $0 == "\n" }).map(String.init)
            // MIME headers, a blank line, the request line, its headers.
            guard let blank = lines.dropFirst().firstIndex(of: ""), blank + 1 < lines.count else { return nil }
            let requestLine = lines[blank + 1].split(separator: " ")
            guard requestLine.count == 3, requestLine[0] == "GET", let target = URLComponents(string: String(requestLine[1])) else { return nil }
            var headers: [String: String] = [:]
            for line in lines[(blank + 2)...] {
                if line.isEmpty { break }
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            out.append(Inner(path: target.path, query: (target.queryItems ?? []).map { ($0.name, $0.value ?? "") }, headers: headers))
        }
        return out.isEmpty ? nil : out
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
