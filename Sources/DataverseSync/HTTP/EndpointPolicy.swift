import Foundation

/// Which URLs the sync may send a token to: `https://` anywhere, `http://` only to a loopback address
/// (127.0.0.0/8, ::1, localhost), never with user information in the URL.
public enum EndpointPolicy {
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Checks `text` as the base of a service (`--org`, `--authority`); the URL without a trailing slash.
    public static func serviceURL(_ text: String, flag: String) throws -> URL {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
              let host = parts.host, !host.isEmpty else {
            throw Refusal(description: "\(flag): '\(Redaction.url(text))' is not a URL (expected https://HOST, e.g. https://contoso.crm.dynamics.com)")
        }
        if parts.user != nil || parts.password != nil {
            throw Refusal(description: "\(flag): the URL must not hold a user name or password")
        }
        if parts.query != nil || parts.fragment != nil {
            throw Refusal(description: "\(flag): the URL must not have a query or fragment")
        }
        switch scheme {
        case "https": break
        case "http":
            guard isLoopback(host) else {
                throw Refusal(description: "\(flag): http:// is accepted only to a loopback address (127.0.0.0/8, ::1, localhost); use https://")
            }
        default:
            throw Refusal(description: "\(flag): the scheme must be https:// (or http:// to loopback), not \(scheme)://")
        }
        var trimmed = text
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed) else {
            throw Refusal(description: "\(flag): '\(Redaction.url(text))' is not a URL")
        }
        return url
    }

    /// `--org`: the organization is its origin (scheme, host, port). A URL pasted from a browser or from the Web API
    /// (`https://contoso.crm.dynamics.com/main.aspx?appid=...`, `.../api/data/v9.2/`) is reduced to it; `dropped`
    /// names what was left out (nil when nothing was), for a note to the user. The origin must pass `serviceURL`.
    public static func organizationURL(_ text: String) throws -> (url: URL, dropped: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme, let host = parts.host, !host.isEmpty else {
            return (try serviceURL(trimmed, flag: "--org"), nil)
        }
        if parts.user != nil || parts.password != nil {
            throw Refusal(description: "--org: the URL must not hold a user name or password")
        }
        var origin = URLComponents()
        origin.scheme = scheme.lowercased()
        origin.host = host.lowercased()
        origin.port = parts.port
        guard let originText = origin.string else { return (try serviceURL(trimmed, flag: "--org"), nil) }
        let url = try serviceURL(originText, flag: "--org")
        var rest = parts.percentEncodedPath
        while rest.hasSuffix("/") { rest.removeLast() }
        if parts.percentEncodedQuery != nil || parts.percentEncodedFragment != nil { rest += "?…" }
        return (url, rest.isEmpty ? nil : rest)
    }

    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { part in
            guard let value = Int(part), !part.isEmpty, part.count <= 3 else { return false }
            return (0...255).contains(value)
        }
    }

    /// A link the service returned (next or delta link) is followed only to the organization it came from, so the
    /// token never goes to another host.
    public static func sameOrigin(_ link: URL, as org: URL) -> Bool {
        link.scheme?.lowercased() == org.scheme?.lowercased()
            && link.host?.lowercased() == org.host?.lowercased()
            && (link.port ?? defaultPort(link)) == (org.port ?? defaultPort(org))
    }

    private static func defaultPort(_ url: URL) -> Int { url.scheme?.lowercased() == "http" ? 80 : 443 }
}
