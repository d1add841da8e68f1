import Foundation

/// Gives bearer tokens for the organization. `renew: true` after the service refused the last one (401):
/// the provider must not hand back the same token.
public protocol TokenProvider: Sendable {
    func token(renew: Bool) async throws -> String
}

/// A token and when to stop using it (some minutes before it expires, so a request never leaves with a token that
/// expires on the way).
public struct AccessToken: Sendable {
    public var value: String
    public var renewAt: Date

    public init(value: String, renewAt: Date) {
        self.value = value
        self.renewAt = renewAt
    }

    /// Renew at 5 minutes before expiry, or halfway through a short lifetime.
    public init(value: String, obtainedAt: Date, expiresIn seconds: Double) {
        self.value = value
        let margin = min(300, seconds / 2)
        renewAt = obtainedAt.addingTimeInterval(max(0, seconds - margin))
    }
}

/// Why a token could not be had; the wording never holds a token, secret or code.
public struct TokenError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
