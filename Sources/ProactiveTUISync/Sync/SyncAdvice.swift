import Foundation

/// What a supervisor can do about a failing sync, from the failure's wording (`sync --status`, a failed `--once`).
/// Nil when the failure says enough by itself (or is one the next round is expected to get over).
enum SyncAdvice {
    static func hint(for failure: String) -> String? {
        let text = failure.lowercased()
        if text.hasPrefix("401") || text.contains(" 401 ") {
            return "the service refused the token: check --tenant, --client-id and the secret (or run the --token-command by hand)"
        }
        if text.hasPrefix("403") || text.contains(" 403 ") {
            return "the signed-in user may not read these tables: give its security role organization-level Read on proactive deliveries, engagement configurations, queues and conversations"
        }
        if text.hasPrefix("404") {
            return "the organization has no such table or API: check --org (https://ORG.crm.dynamics.com) and that Proactive Engagement is installed"
        }
        if text.contains("host name not found") { return "the organization's host name does not resolve: check --org and the network's DNS" }
        if text.contains("tls failure") { return "the TLS connection was refused: check --org, the system's certificates and any proxy" }
        if text.contains("cannot connect") || text.contains("timed out") {
            return "the organization could not be reached: check the network (and any proxy); the next round tries again"
        }
        if text.hasPrefix("authentication failed") {
            if text.contains("expired") || text.contains("run again") { return "sign in again: run sync --device-login once in a terminal" }
            return "signing in failed: check --tenant, --client-id and the secret, or the token command"
        }
        if text.contains("an html page") { return "a proxy answered instead of the organization: check the proxy settings (HTTPS_PROXY) and --org" }
        return nil
    }
}
