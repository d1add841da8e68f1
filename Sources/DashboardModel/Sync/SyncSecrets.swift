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
        guard let replacements else { return "[message withheld: the redaction rule could not be built]" }
        var out = text
        for (pattern, template) in replacements {
            let range = NSRange(out.startIndex..., in: out)
            out = pattern.stringByReplacingMatches(in: out, range: range, withTemplate: template)
        }
        return out
    }

    /// Whether every pattern of the rule was built (they are constants, so always, which a test checks); were one
    /// not, `redact` withholds whole messages and every link counts as holding a token: never the unsafe side.
    static var ruleIsComplete: Bool { replacements != nil }

    private static func containsJWT(_ text: String) -> Bool {
        guard let jwt else { return true }
        return jwt.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static let names = credentialNames.sorted().joined(separator: "|")
    private static let jwtPattern = #"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(\.[A-Za-z0-9_-]*)?"#
    private static let jwt = try? NSRegularExpression(pattern: jwtPattern)
    private static let replacements: [(NSRegularExpression, String)]? = {
        let rules: [(String, String)] = [
            (#"(?i)\b(bearer)\s+[^\s"',;]+"#, "$1 [redacted]"),
            (jwtPattern, "[redacted]"),
            (#"(?i)(^|[?&\s"'{,;])((?:\#(names))=)[^&\s"',;}]*"#, "$1$2[redacted]"),
            (#"(?i)("(?:\#(names))"\s*:\s*")[^"]*""#, "$1[redacted]\""),
            (#"(://)[^/@\s?#]+@"#, "$1[redacted]@"),
        ]
        var built: [(NSRegularExpression, String)] = []
        for (pattern, template) in rules {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
            built.append((regex, template))
        }
        return built
    }()
}
