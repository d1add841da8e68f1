import DashboardModel
import Foundation

/// The one rule that keeps secrets out of everything the sync shows, logs or stores: URLs lose their query values
/// for parameters that may carry a credential or an opaque paging cookie, and text loses the given secret values
/// and then whatever the store's rule (`SyncSecrets.redact`: bearer tokens, JWTs, credential parameters) removes,
/// plus paging and delta tokens.
public enum Redaction {
    /// Query parameters whose values never leave the process (paging cookies and delta tokens may embed state
    /// the organization considers private; codes and secrets are credentials).
    static let hiddenParameters: Set<String> = [
        "$skiptoken", "$deltatoken", "access_token", "refresh_token", "client_secret", "code", "device_code",
        "token", "sig", "assertion", "password",
    ]

    /// A URL as it may be shown: scheme, host, port and path, with hidden query values replaced by `***`
    /// and any user information dropped.
    public static func url(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "(a URL)" }
        parts.user = nil
        parts.password = nil
        parts.fragment = nil
        if let items = parts.queryItems, !items.isEmpty {
            parts.queryItems = items.map { item in
                hiddenParameters.contains(item.name.lowercased()) ? URLQueryItem(name: item.name, value: "***") : item
            }
        }
        return parts.string ?? "(a URL)"
    }

    public static func url(_ text: String) -> String {
        guard let parsed = URL(string: text) else { return message(text) }
        return url(parsed)
    }

    /// Text with bearer tokens, JWT-shaped strings and the given secret values replaced by `***`.
    public static func message(_ text: String, secrets: [String] = []) -> String {
        var out = text
        for secret in secrets where secret.count >= 4 {
            out = out.replacingOccurrences(of: secret, with: "***")
        }
        out = SyncSecrets.redact(out)
        out = replace(pattern: #"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"#, in: out, template: "$1***")
        // JWTs: three base64url parts, the first starting with eyJ ({" in base64).
        out = replace(pattern: #"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"#, in: out, template: "***")
        out = replace(pattern: #"(?i)((?:access_token|refresh_token|client_secret|device_code|id_token|\$deltatoken|\$skiptoken)["']?\s*[=:]\s*["']?)[^"'&\s,}]+"#,
                      in: out, template: "$1***")
        return out
    }

    private static func replace(pattern: String, in text: String, template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: template)
    }
}
