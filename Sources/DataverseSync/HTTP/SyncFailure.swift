import Foundation

/// Why a request or a round failed, worded in one line with the URL (never a token: every URL shown goes through
/// `Redaction.url`). The wording starts with what a supervisor reads in the header, e.g. `401 Unauthorized`.
public enum SyncFailure: Error, CustomStringConvertible, Sendable, Equatable {
    case http(status: Int, detail: String?, url: String, method: String = "GET")
    case transport(TransportFailure, url: String)
    case malformedPage(why: String, url: String)
    case authentication(String)
    case refusedLink(url: String)
    /// The service no longer accepts a delta link (its token expired or is invalid): read the table again.
    case deltaRefused(status: Int, url: String)
    case cancelled

    public var description: String {
        switch self {
        case .http(let status, let detail, let url, let method):
            let reason = HTTPStatusText.phrase(status)
            let extra = detail.map { ": \($0)" } ?? ""
            return "\(status) \(reason)\(extra) (\(method) \(url))"
        case .transport(let failure, let url):
            return "\(failure.wording) (\(url))"
        case .malformedPage(let why, let url):
            return "malformed response: \(why) (\(url))"
        case .authentication(let why):
            return "authentication failed: \(why)"
        case .refusedLink(let url):
            return "refused a link to another host: \(url)"
        case .deltaRefused(let status, let url):
            return "\(status) \(HTTPStatusText.phrase(status)): the delta token was refused (GET \(url))"
        case .cancelled:
            return "cancelled"
        }
    }
}

public enum HTTPStatusText {
    public static func phrase(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 410: return "Gone"
        case 412: return "Precondition Failed"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "HTTP error"
        }
    }
}
