import Foundation

/// OAuth 2.0 client credentials (an application user in the organization): scope `{org}/.default`, renewed
/// before expiry and on a 401.
public actor ClientCredentialsProvider: TokenProvider {
    private let endpoint: IdentityEndpoint
    private let clientID: String
    private let secret: String
    private let scope: String
    private let clock: any SyncClock
    private var current: AccessToken?

    public init(endpoint: IdentityEndpoint, clientID: String, secret: String, org: URL, clock: any SyncClock) {
        self.endpoint = endpoint
        self.clientID = clientID
        self.secret = secret
        self.scope = org.absoluteString + "/.default"
        self.clock = clock
    }

    public func token(renew: Bool) async throws -> String {
        if !renew, let current, clock.now() < current.renewAt { return current.value }
        let now = clock.now()
        let answer = try await endpoint.post(endpoint.tokenURL, form: [
            ("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", secret), ("scope", scope),
        ], secrets: [secret])
        guard answer.status == 200, let value = answer.string("access_token"), !value.isEmpty else {
            current = nil
            throw TokenError("the token endpoint refused the client credentials: \(answer.errorWording(secrets: [secret]))")
        }
        let token = AccessToken(value: value, obtainedAt: now, expiresIn: answer.number("expires_in") ?? 3600)
        current = token
        return token.value
    }
}
