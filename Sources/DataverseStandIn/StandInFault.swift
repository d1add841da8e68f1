import Foundation

/// A fault the stand-in answers the next matching Web API request with (the tests script them).
public enum StandInFault: Sendable, Equatable {
    /// 429 Too Many Requests with `Retry-After: seconds`.
    case throttle(retryAfter: Int)
    /// 503 Service Unavailable with `Retry-After: seconds`.
    case unavailable(retryAfter: Int)
    /// 500 Internal Server Error, once.
    case serverError
    /// The page is answered after a delay.
    case slow(seconds: Double)
    /// A proxy's HTML error page (502 Bad Gateway, text/html).
    case htmlErrorPage
    /// 200 with a body cut in the middle of a row.
    case truncatedPage
    /// The connection is closed without an answer.
    case dropConnection
}
