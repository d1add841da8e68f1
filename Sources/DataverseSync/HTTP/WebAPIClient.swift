import DashboardModel
import Foundation

/// GET requests to the organization's Web API with a bearer token, the retry policy, the rate ceiling and the
/// rule that a token only goes to the organization's own host. A 401 gets one new token and one more try.
public final class WebAPIClient: Sendable {
    public let org: URL
    let transport: any HTTPTransport
    let tokens: any TokenProvider
    let clock: any SyncClock
    let retry: RetryPolicy
    let limiter: RequestRateLimiter?
    let random: @Sendable () -> Double
    let log: @Sendable (String) -> Void
    let timeout: TimeInterval

    public init(org: URL, transport: any HTTPTransport, tokens: any TokenProvider, clock: any SyncClock = SystemClock(),
                retry: RetryPolicy = RetryPolicy(), limiter: RequestRateLimiter? = nil, timeout: TimeInterval = 120,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.org = org
        self.transport = transport
        self.tokens = tokens
        self.clock = clock
        self.retry = retry
        self.limiter = limiter
        self.timeout = timeout
        self.random = random
        self.log = log
    }

    /// The Web API root: `{org}/api/data/v9.2/`.
    public var apiRoot: String { org.absoluteString + "/api/data/v9.2/" }

    /// GETs `url`, retrying as the policy says; returns a 200 answer or throws a `SyncFailure`.
    /// `isDeltaLink`: a refusal of the delta token throws `.deltaRefused` (the caller reads the table again).
    public func get(_ url: URL, prefer: [String], isDeltaLink: Bool = false) async throws -> HTTPReply {
        try await send(method: "GET", url: url, body: nil, contentType: nil, prefer: prefer, isDeltaLink: isDeltaLink)
    }

    /// Several GETs in one `$batch` request (their URLs in the body, where the Web API accepts up to 64 KB each);
    /// one 200 answer per URL, in order. A part that is not 200 fails like the same GET would (its status and error).
    func batchGet(_ urls: [URL], prefer: [String]) async throws -> [HTTPReply] {
        guard let batchURL = URL(string: apiRoot + "$batch") else {
            throw SyncFailure.malformedPage(why: "bad organization URL", url: Redaction.url(org))
        }
        for url in urls where !EndpointPolicy.sameOrigin(url, as: org) { throw SyncFailure.refusedLink(url: Redaction.url(url)) }
        let boundary = "batch_" + UUID().uuidString.lowercased()
        var inner: [(name: String, value: String)] = [("Accept", "application/json")]
        if !prefer.isEmpty { inner.append(("Prefer", prefer.joined(separator: ","))) }
        let body = ODataBatch.body(gets: urls, headers: inner, boundary: boundary)
        var reply = try await send(method: "POST", url: batchURL, body: body, contentType: "multipart/mixed; boundary=\"\(boundary)\"",
                                   prefer: [], isDeltaLink: false)
        let shown = Redaction.url(batchURL)
        let parts: [ODataBatch.Part]
        do { parts = try ODataBatch.parse(reply.bytes, contentType: reply.header("Content-Type")) } catch let error as ODataBatch.ParseError {
            let html = WebAPIError(body: reply.body).isHTML
            throw SyncFailure.malformedPage(why: html ? "an HTML page instead of JSON" : error.description, url: shown)
        }
        // The parts hold copies of their bodies: the answer's array can take the next answer.
        PageBuffers.shared.give(&reply.bytes)
        guard parts.count == urls.count else {
            throw SyncFailure.malformedPage(why: "\(parts.count) answers to \(urls.count) requests in a $batch", url: shown)
        }
        var replies: [HTTPReply] = []
        for (part, url) in zip(parts, urls) {
            guard part.status == 200 else {
                throw SyncFailure.http(status: part.status, detail: WebAPIError(body: Data(part.body)).detail, url: Redaction.url(url))
            }
            var headers = part.headers
            if headers["date"] == nil, let date = reply.header("Date") { headers["date"] = date }
            replies.append(HTTPReply(status: 200, headers: headers, bytes: part.body))
        }
        return replies
    }

    private func send(method: String, url: URL, body: Data?, contentType: String?, prefer: [String], isDeltaLink: Bool) async throws -> HTTPReply {
        let shown = Redaction.url(url)
        guard EndpointPolicy.sameOrigin(url, as: org) else { throw SyncFailure.refusedLink(url: shown) }
        var attempt = 0
        var renewToken = false
        var renewedOnce = false
        while true {
            if Task.isCancelled { throw SyncFailure.cancelled }
            attempt += 1
            try await limiter?.acquire()
            let token: String
            do { token = try await tokens.token(renew: renewToken) } catch let error as TokenError {
                throw SyncFailure.authentication(error.description)
            }
            renewToken = false
            var headers: [(name: String, value: String)] = [
                ("Authorization", "Bearer " + token), ("Accept", "application/json"),
                ("OData-MaxVersion", "4.0"), ("OData-Version", "4.0"),
            ]
            if !prefer.isEmpty { headers.append(("Prefer", prefer.joined(separator: ","))) }
            if let contentType { headers.append(("Content-Type", contentType)) }
            let reply: HTTPReply
            do {
                reply = try await transport.send(HTTPRequestSpec(method: method, url: url, headers: headers, body: body, timeout: timeout))
            } catch let failure as TransportFailure {
                switch retry.decide(failure: failure, attempt: attempt, random: random()) {
                case .retry(let seconds):
                    log("\(failure.wording) (\(shown)): trying again in \(Self.seconds(seconds))")
                    try await clock.sleep(seconds: seconds)
                    continue
                case .giveUp:
                    throw SyncFailure.transport(failure, url: shown)
                }
            } catch is CancellationError {
                throw SyncFailure.cancelled
            }
            if reply.status == 200 { return reply }
            if reply.status == 401 && !renewedOnce {
                renewedOnce = true
                renewToken = true
                attempt -= 1
                log("401 Unauthorized (\(shown)): getting a new token")
                continue
            }
            let error = WebAPIError(body: reply.body)
            if isDeltaLink && WebAPIError.isDeltaRefusal(status: reply.status, error: error) {
                throw SyncFailure.deltaRefused(status: reply.status, url: shown)
            }
            switch retry.decide(status: reply.status, retryAfter: reply.header("Retry-After"), attempt: attempt,
                                now: clock.now(), random: random()) {
            case .retry(let seconds):
                let why = reply.header("Retry-After") != nil && (reply.status == 429 || reply.status == 503) ? " (Retry-After)" : ""
                log("\(reply.status) \(HTTPStatusText.phrase(reply.status)) (\(shown)): waiting \(Self.seconds(seconds))\(why)")
                try await clock.sleep(seconds: seconds)
            case .giveUp:
                throw SyncFailure.http(status: reply.status, detail: error.detail, url: shown, method: method)
            }
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
