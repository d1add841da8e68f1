import AsyncHTTPClient
import DashboardModel
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// HTTP through AsyncHTTPClient (SwiftNIO: one event loop, epoll, TLS by BoringSSL against the system's trust store).
/// No redirects (a redirect could carry the bearer token to another host; the Web API does not redirect, so a 3xx is
/// reported as it is), no cookies, no cache, no decompression (the Web API answers plain JSON unless asked).
///
/// It replaced Foundation's URLSession, whose Linux implementation (libcurl driven through libdispatch) cost about
/// 38 ms of CPU per MB received here: every chunk re-armed a dispatch timer through the dispatch manager thread (about
/// 40,000 context switches a second in a first sync), and on two cores that starved the store's writer.
public final class NIOHTTPTransport: HTTPTransport, Sendable {
    private let client: HTTPClient
    /// The largest body accepted (a page of 5,000 rows is about 3 MB; a `$batch` of conversations under 1 MB).
    static let maxBody = 256 << 20

    public init() {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(30)),
                                                     decompression: .disabled)
        configuration.httpVersion = .automatic
        // A connection that cannot be made fails the request now: the sync's own policy decides about trying again
        // (AsyncHTTPClient would otherwise try again until the request's deadline).
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// The client's connections close here (AsyncHTTPClient requires a shutdown before the client goes).
    deinit { try? client.syncShutdown() }

    public func send(_ spec: HTTPRequestSpec) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: spec.url.absoluteString)
        request.method = HTTPMethod(rawValue: spec.method)
        for header in spec.headers { request.headers.add(name: header.name, value: header.value) }
        if let body = spec.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let deadline = TimeAmount.milliseconds(Int64((max(1, spec.timeout) * 1000).rounded()))
        do {
            let response = try await client.execute(request, timeout: deadline)
            // Into one array sized by Content-Length when the answer gives it: a page is about 4 MB, and a buffer
            // grown by doubling, then copied, touched four times as much fresh memory (a million page faults in a
            // first sync of a million rows). A large answer goes into an array handed back by a page already read
            // (`PageBuffers`) when there is one.
            var bytes: [UInt8] = []
            if let length = response.headers.first(name: "content-length").flatMap({ Int($0) }), length > 0 {
                if length >= PageBuffers.smallest {
                    bytes = PageBuffers.shared.take(capacity: min(length, Self.maxBody))
                } else {
                    bytes.reserveCapacity(length)
                }
            }
            for try await chunk in response.body {
                guard bytes.count + chunk.readableBytes <= Self.maxBody else { throw TransportFailure.other("an answer larger than 256 MiB") }
                chunk.withUnsafeReadableBytes { bytes.append(contentsOf: $0) }
            }
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                // Repeated headers join as HTTP says they may (none the sync reads is repeated).
                headers[key] = headers[key].map { $0 + ", " + value } ?? value
            }
            return HTTPReply(status: Int(response.status.code), headers: headers, bytes: bytes)
        } catch is CancellationError {
            throw CancellationError()
        } catch let failure as TransportFailure {
            throw failure
        } catch {
            throw Self.failure(error)
        }
    }

    /// What a request that got no answer failed of, in the words the sync reports (never the request's headers).
    static func failure(_ error: Error) -> TransportFailure {
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout: return .timedOut
            case .tlsHandshakeTimeout: return .secureConnection("handshake timed out")
            case .remoteConnectionClosed: return .cannotConnect("connection lost")
            case .cancelled: return .other("cancelled")
            default: return .other(String(describing: client))
            }
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil { return .nameNotResolved }
            let reasons = connection.connectionErrors.map { "\($0.error)" }
            if reasons.contains(where: { $0.contains("refused") || $0.contains("111") }) { return .cannotConnect("refused") }
            return .cannotConnect(connection.connectionErrors.isEmpty ? "no address" : "unreachable")
        }
        if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
            return .secureConnection("certificate or handshake refused")
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return .cannotConnect("refused")
            case ECONNRESET, EPIPE: return .cannotConnect("connection lost")
            case ETIMEDOUT: return .timedOut
            default: return .cannotConnect("error \(io.errnoCode)")
            }
        }
        if error is ChannelError { return .cannotConnect("connection lost") }
        return .other(String(describing: type(of: error)))
    }
}
