import Foundation

/// A request as the stand-in sees it, independent of the server library.
public struct StandInRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [(name: String, value: String)]
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, query: [(name: String, value: String)], headers: [String: String], body: Data) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }

    func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
    func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The form fields of an `application/x-www-form-urlencoded` body.
    var form: [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}

public struct StandInResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    /// Wait this long before answering (a slow page).
    public var delay: Double = 0
    /// Close the connection instead of answering.
    public var drop = false

    static func json(_ status: Int, _ body: [UInt8], headers: [String: String] = [:]) -> StandInResponse {
        var all = headers
        all["Content-Type"] = "application/json; odata.metadata=minimal"
        all["OData-Version"] = "4.0"
        return StandInResponse(status: status, headers: all, body: Data(body))
    }

    static func json(_ status: Int, object: [String: Any], headers: [String: String] = [:]) -> StandInResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return json(status, Array(data), headers: headers)
    }

    /// A Web API error body.
    static func error(_ status: Int, code: String, message: String, headers: [String: String] = [:]) -> StandInResponse {
        json(status, object: ["error": ["code": code, "message": message]], headers: headers)
    }
}

/// One request the stand-in answered, for the tests to check what the client sent.
public struct StandInRequestRecord: Sendable {
    public var method: String
    public var path: String
    public var query: [(name: String, value: String)]
    public var prefer: String?
    public var status: Int
    public var at: Date
    /// Sent as a part of a `$batch` request.
    public var inBatch = false

    public func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
}
