import Foundation

/// One HTTP request as the sync sends it.
public struct HTTPRequestSpec: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?
    public var timeout: TimeInterval

    public init(method: String = "GET", url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil,
                timeout: TimeInterval = 120) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// A response: status, headers (names lowercased) and the whole body.
public struct HTTPReply: Sendable {
    public var status: Int
    public var headers: [String: String]
    /// The body as received (a page of 5,000 rows is about 4 MB: it is read from these bytes, never copied).
    public var bytes: [UInt8]
    /// The body as `Data` (a copy: for the small answers, errors and tokens).
    public var body: Data { Data(bytes) }

    public init(status: Int, headers: [String: String], bytes: [UInt8]) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.bytes = bytes
    }

    public init(status: Int, headers: [String: String], body: Data) {
        self.init(status: status, headers: headers, bytes: [UInt8](body))
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no HTTP answer at all.
public enum TransportFailure: Error, Sendable, Equatable {
    case timedOut
    case cannotConnect(String)
    case nameNotResolved
    case secureConnection(String)
    case other(String)

    /// Worth trying again within the round (a DNS or TLS failure is not: the next round tries again).
    public var isTransient: Bool {
        switch self {
        case .timedOut, .cannotConnect, .other: return true
        case .nameNotResolved, .secureConnection: return false
        }
    }

    public var wording: String {
        switch self {
        case .timedOut: return "timed out"
        case .cannotConnect(let why): return "cannot connect (\(why))"
        case .nameNotResolved: return "host name not found (DNS)"
        case .secureConnection(let why): return "TLS failure (\(why))"
        case .other(let why): return "connection failed (\(why))"
        }
    }
}

/// Sends requests. The product uses `NIOHTTPTransport`; tests may put a recording or failing one in between.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequestSpec) async throws -> HTTPReply
}
