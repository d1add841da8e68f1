import Foundation

/// `--device-login`: the OAuth 2.0 device authorization grant (RFC 8628) for a person on an SSH host, with a
/// public client. Prints the verification URL and the user code, polls the token endpoint (honouring
/// `authorization_pending`, `slow_down`, `expired_token`), then keeps the refresh token (`RefreshTokenFile`) and
/// uses it for later tokens and later runs until the identity platform refuses it.
public actor DeviceLoginProvider: TokenProvider {
    private let endpoint: IdentityEndpoint
    private let clientID: String
    private let scope: String
    private let file: RefreshTokenFile
    private let clock: any SyncClock
    private let notice: @Sendable (String) -> Void
    private var current: AccessToken?
    private var refreshToken: String?

    public init(endpoint: IdentityEndpoint, clientID: String, org: URL, file: RefreshTokenFile, clock: any SyncClock,
                notice: @escaping @Sendable (String) -> Void) {
        self.endpoint = endpoint
        self.clientID = clientID
        self.scope = org.absoluteString + "/.default offline_access"
        self.file = file
        self.clock = clock
        self.notice = notice
    }

    public func token(renew: Bool) async throws -> String {
        if !renew, let current, clock.now() < current.renewAt { return current.value }
        if refreshToken == nil { refreshToken = file.load() }
        if let refresh = refreshToken {
            if let token = try await redeem(refresh) { return token }
            refreshToken = nil
            file.remove()
        }
        return try await deviceFlow()
    }

    /// A token from the refresh token; nil when the identity platform no longer accepts it (invalid_grant).
    private func redeem(_ refresh: String) async throws -> String? {
        let now = clock.now()
        let answer = try await endpoint.post(endpoint.tokenURL, form: [
            ("grant_type", "refresh_token"), ("client_id", clientID), ("refresh_token", refresh), ("scope", scope),
        ], secrets: [refresh])
        guard answer.status == 200 else {
            if answer.errorCode == "invalid_grant" || answer.errorCode == "interaction_required" { return nil }
            throw TokenError("the token endpoint refused the refresh token: \(answer.errorWording(secrets: [refresh]))")
        }
        return try accept(answer, at: now, secrets: [refresh])
    }

    private func deviceFlow() async throws -> String {
        let start = try await endpoint.post(endpoint.deviceCodeURL, form: [("client_id", clientID), ("scope", scope)], secrets: [])
        guard start.status == 200, let deviceCode = start.string("device_code"), let userCode = start.string("user_code"),
              let verification = start.string("verification_uri") ?? start.string("verification_url") else {
            throw TokenError("the device code endpoint refused: \(start.errorWording(secrets: []))")
        }
        let lifetime = start.number("expires_in") ?? 900
        var interval = max(1, start.number("interval") ?? 5)
        let safeURL = String(verification.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }.map(Character.init))
        let safeCode = String(userCode.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }.map(Character.init))
        notice("To sign in, open \(safeURL) in a browser and enter the code \(safeCode) (it expires in \(Int(lifetime / 60)) min).")
        let deadline = clock.now().addingTimeInterval(lifetime)
        while clock.now() < deadline {
            try await clock.sleep(seconds: interval)
            let now = clock.now()
            let answer = try await endpoint.post(endpoint.tokenURL, form: [
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("client_id", clientID), ("device_code", deviceCode),
            ], secrets: [deviceCode])
            if answer.status == 200 { return try accept(answer, at: now, secrets: [deviceCode]) }
            switch answer.errorCode {
            case "authorization_pending": continue
            case "slow_down": interval += 5
            case "expired_token": throw TokenError("the sign-in code expired before it was used; run again")
            case "authorization_declined", "access_denied": throw TokenError("the sign-in was declined")
            default: throw TokenError("device login failed: \(answer.errorWording(secrets: [deviceCode]))")
            }
        }
        throw TokenError("the sign-in code expired before it was used; run again")
    }

    private func accept(_ answer: IdentityEndpoint.Answer, at now: Date, secrets: [String]) throws -> String {
        guard let value = answer.string("access_token"), !value.isEmpty else {
            throw TokenError("the token endpoint answered without an access token")
        }
        if let refresh = answer.string("refresh_token"), !refresh.isEmpty {
            refreshToken = refresh
            try file.save(refresh)
        }
        let token = AccessToken(value: value, obtainedAt: now, expiresIn: answer.number("expires_in") ?? 3600)
        current = token
        return value
    }
}
