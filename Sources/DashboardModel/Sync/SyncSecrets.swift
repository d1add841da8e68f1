import Foundation

/// Keeps credentials out of the store: a link to be stored must not carry one, and a message is stored with every
/// token-like part replaced by `[redacted]`.
///
/// Credentials: `Authorization: Bearer ...`, JSON Web Tokens (`eyJ...`), query parameters or JSON members named
/// `access_token`, `refresh_token`, `id_token`, `client_secret`, `client_assertion`, `assertion`, `code`,
/// `device_code`, `password`, `token`, and user info in a URL (`https://user:secret@host`). Change-tracking and
/// paging tokens (`$deltatoken`, `$skiptoken`) are not credentials: links keep them as they are.
public enum SyncSecrets {
    static let credentialNames: Set<String> = [
        "access_token", "refresh_token", "id_token", "client_secret", "client_assertion", "assertion", "code",
        "device_code", "password", "token",
    ]

    /// Why a link must not be stored, nil when it may be stored as it is.
    public static func credentialProblem(inLink link: String) -> String? {
        if link.range(of: "bearer ", options: .caseInsensitive) != nil { return "it holds a bearer token" }
        if containsJWT(link) { return "it holds a JSON Web Token" }
        if let scheme = link.range(of: "://") {
            let rest = link[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if authority.contains("@") { return "it holds user credentials before the host" }
        }
        if let query = link.firstIndex(of: "?") {
            for part in link[link.index(after: query)...].split(whereSeparator: { $0 == "&" || $0 == "#" }) {
                let rawName = part.prefix { $0 != "=" }
                let name = (String(rawName).removingPercentEncoding ?? String(rawName)).lowercased()
                if credentialNames.contains(name) { return "its query parameter \(name) is a credential" }
            }
        }
        return nil
    }

    /// The text with every credential-like part replaced by `[redacted]`.
    public static func redact(_ text: String) -> String {
        var out = text
        for (pattern, template) in replacements {
            let range = NSRange(out.startIndex..., in: out)
            out = pattern.stringByReplacingMatches(in: out, range: range, withTemplate: template)
        }
        return out
    }

    private static func containsJWT(_ text: String) -> Bool {
        jwt.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static let names = credentialNames.sorted().joined(separator: "|")
    // Built from constant patterns: a failure here is a programming error caught by the tests.
    private static let jwt = try! NSRegularExpression(pattern: #"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(\.[A-Za-z0-9_-]*)?"#)
    private static let replacements: [(NSRegularExpression, String)] = [
        (try! NSRegularExpression(pattern: #"(?i)\b(bearer)\s+[^\s"',;]+"#), "$1 [redacted]"),
        (jwt, "[redacted]"),
        (try! NSRegularExpression(pattern: #"(?i)(^|[?&\s"'{,;])((?:\#(names))=)[^&\s"',;}]*"#), "$1$2[redacted]"),
        (try! NSRegularExpression(pattern: #"(?i)("(?:\#(names))"\s*:\s*")[^"]*""#), "$1[redacted]\""),
        (try! NSRegularExpression(pattern: #"(://)[^/@\s?#]+@"#), "$1[redacted]@"),
    ]
}
