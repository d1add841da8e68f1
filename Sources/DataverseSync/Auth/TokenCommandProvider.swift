import Foundation

/// `--token-command CMD`: a command that prints a bearer token (e.g. `az account get-access-token --resource
/// https://ORG.crm.dynamics.com --query accessToken -o tsv`). Run again when the token expires (the JWT's `exp`,
/// else 50 minutes after it was printed) or the service refuses it.
/// The command's stderr is not echoed as it is (it may hold secrets): a failure shows its first line, redacted.
public actor TokenCommandProvider: TokenProvider {
    public static let lifetimeWithoutExpiry: Double = 50 * 60
    private let command: String
    private let clock: any SyncClock
    private var current: AccessToken?

    public init(command: String, clock: any SyncClock) {
        self.command = command
        self.clock = clock
    }

    public func token(renew: Bool) async throws -> String {
        if !renew, let current, clock.now() < current.renewAt { return current.value }
        let result = try await ShellCommand.run(command)
        let printed = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0 else {
            current = nil
            throw TokenError("the token command exited with status \(result.status)\(Self.firstLine(result.stderr, hiding: printed))")
        }
        guard !printed.isEmpty, !printed.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            current = nil
            throw TokenError(printed.isEmpty ? "the token command printed nothing"
                                             : "the token command printed more than one word (expected only the token)")
        }
        let now = clock.now()
        if let expiry = JWTExpiry.expiry(of: printed) {
            current = AccessToken(value: printed, obtainedAt: now, expiresIn: expiry.timeIntervalSince(now))
        } else {
            current = AccessToken(value: printed, renewAt: now.addingTimeInterval(Self.lifetimeWithoutExpiry))
        }
        return printed
    }

    static func firstLine(_ stderr: Data, hiding: String) -> String {
        let text = String(decoding: stderr.prefix(4096), as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).first else { return "" }
        let clean = String(line.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200).map(Character.init))
        return ": " + Redaction.message(clean, secrets: [hiding])
    }
}
