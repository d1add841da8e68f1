import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP through Foundation's URLSession: no cookies, no cache, no redirects (a redirect could carry the bearer
/// token to another host; the Web API does not redirect, so a 3xx is reported as it is).
///
/// `@unchecked Sendable`: its one stored property, `session` (itself thread-safe), is set once in `init` (after
/// `super.init`, since the session's delegate is `self`) before the object can reach another thread, and never again.
public final class URLSessionTransport: NSObject, HTTPTransport, URLSessionTaskDelegate, @unchecked Sendable {
    private var session: URLSession!

    public override init() {
        super.init()
        let config = URLSessionConfiguration.ephemeral
        config.httpShouldSetCookies = false
        config.httpCookieAcceptPolicy = .never
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.httpMaximumConnectionsPerHost = 8
        session = URLSession(configuration: config, delegate: self, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ spec: HTTPRequestSpec) async throws -> HTTPReply {
        var request = URLRequest(url: spec.url)
        request.httpMethod = spec.method
        request.timeoutInterval = spec.timeout
        for header in spec.headers { request.addValue(header.value, forHTTPHeaderField: header.name) }
        request.httpBody = spec.body
        return try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: Self.failure(error))
                    return
                }
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(throwing: TransportFailure.other("not an HTTP response"))
                    return
                }
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    if let name = key as? String, let text = value as? String { headers[name.lowercased()] = text }
                }
                continuation.resume(returning: HTTPReply(status: http.statusCode, headers: headers, body: data ?? Data()))
            }
            task.resume()
        }
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                           newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    static func failure(_ error: Error) -> TransportFailure {
        guard let url = error as? URLError else { return .other(String(describing: type(of: error))) }
        switch url.code {
        case .timedOut: return .timedOut
        case .cannotFindHost, .dnsLookupFailed: return .nameNotResolved
        case .cannotConnectToHost: return .cannotConnect("refused")
        case .networkConnectionLost: return .cannotConnect("connection lost")
        case .notConnectedToInternet: return .cannotConnect("no network")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
             .clientCertificateRequired:
            return .secureConnection("certificate or handshake refused")
        default: return .other("URLError \(url.code.rawValue)")
        }
    }
}
