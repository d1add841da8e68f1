import FlyingFox
import FlyingSocks
import Foundation

/// The stand-in organization served over HTTP on 127.0.0.1 (an ephemeral port unless one is given), with FlyingFox.
public final class StandInServer: Sendable {
    public let org: StandInOrg
    public let port: UInt16
    private let server: HTTPServer
    private let task: Task<Void, Error>

    /// The organization's URL, e.g. `http://127.0.0.1:40123` (`--org`, and the authority of its identity platform).
    public var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private init(org: StandInOrg, port: UInt16, server: HTTPServer, task: Task<Void, Error>) {
        self.org = org
        self.port = port
        self.server = server
        self.task = task
    }

    public static func start(_ org: StandInOrg, port: UInt16 = 0) async throws -> StandInServer {
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: ClosureHTTPHandler { request in
            try await Self.handle(request, org: org)
        })
        let task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 60)  // generous: a loaded test run can keep its task waiting
        guard case .ip4(_, let bound)? = await server.listeningAddress else {
            task.cancel()
            throw SocketError.unsupportedAddress
        }
        org.origin = "http://127.0.0.1:\(bound)"
        return StandInServer(org: org, port: bound, server: server, task: task)
    }

    public func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }

    private static func handle(_ request: HTTPRequest, org: StandInOrg) async throws -> HTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue] = value }
        let body = try await request.bodyData
        let answer = org.respond(StandInRequest(method: request.method.rawValue, path: request.path,
                                                query: request.query.map { ($0.name, $0.value) }, headers: headers, body: body))
        if answer.delay > 0 { try await Task.sleep(nanoseconds: UInt64(answer.delay * 1_000_000_000)) }
        if answer.drop { throw SocketError.disconnected }
        var out = HTTPHeaders()
        for (name, value) in answer.headers { out[HTTPHeader(name)] = value }
        // The body goes to the socket in one write, not FlyingFox's default 4 KiB chunks: a page of 5,000 rows is about
        // 2.7 MB, and hundreds of small writes to a socket with Nagle's algorithm on (FlyingFox leaves it on) held
        // the last segment of one answer in four for the client's delayed ACK, 40 ms, a stall no real service has.
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)), headers: out,
                            body: HTTPBodySequence(data: answer.body, suggestedBufferSize: max(4096, answer.body.count)))
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
