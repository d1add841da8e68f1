import DataverseStandIn
import Foundation
import Testing
@testable import DataverseSync

@Suite(.serialized) struct TokenProviderTests {
    @Test func clientCredentialsAreCachedUntilRenewalAndRenewedOnRequest() async throws {
        let h = try await SyncHarness.start(deliveries: 1)
        let provider = h.clientCredentials()
        let first = try await provider.token(renew: false)
        #expect(try await provider.token(renew: false) == first)
        let renewed = try await provider.token(renew: true)
        #expect(renewed != first)
        // 3600 s tokens are renewed 5 minutes before they expire.
        try await h.clock.sleep(seconds: 3600 - 299)
        #expect(try await provider.token(renew: false) != renewed)
        await h.stop()
    }

    @Test func aTokenCommandIsRunAgainAtItsJWTExpiryOrAfterFiftyMinutes() async throws {
        let clock = RecordingClock()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("token-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let counter = folder.appendingPathComponent("n").path
        let command = "n=$(cat '\(counter)' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '\(counter)'; echo \"  opaque-token-$n  \""
        let provider = TokenCommandProvider(command: command, clock: clock)
        #expect(try await provider.token(renew: false) == "opaque-token-1")
        #expect(try await provider.token(renew: false) == "opaque-token-1")
        try await clock.sleep(seconds: 50 * 60)
        #expect(try await provider.token(renew: false) == "opaque-token-2")
        #expect(try await provider.token(renew: true) == "opaque-token-3")

        let exp = Int(Date().timeIntervalSince1970) + 600
        let claims = Data("{\"exp\":\(exp)}".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        let jwt = "eyJhbGciOiJub25lIn0.\(claims).c2ln"
        #expect(JWTExpiry.expiry(of: jwt) == Date(timeIntervalSince1970: Double(exp)))
        let jwtProvider = TokenCommandProvider(command: "echo \(jwt)", clock: clock)
        #expect(try await jwtProvider.token(renew: false) == jwt)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func aFailingTokenCommandSaysItsStatusAndHidesTokensInItsStderr() async throws {
        let provider = TokenCommandProvider(command: "echo 'ERROR: Bearer abc123secret expired' >&2; exit 3", clock: RecordingClock())
        do {
            _ = try await provider.token(renew: false)
            Issue.record("the command failed: no token expected")
        } catch let error as TokenError {
            #expect(error.description.contains("status 3"))
            #expect(!error.description.contains("abc123secret"))
        }
        let empty = TokenCommandProvider(command: "true", clock: RecordingClock())
        await #expect(throws: TokenError.self) { _ = try await empty.token(renew: false) }
    }

    @Test func deviceLoginPrintsTheCodePollsAndKeepsTheRefreshTokenForTheNextRun() async throws {
        let h = try await SyncHarness.start(deliveries: 1)
        let file = RefreshTokenFile(path: h.folder.appendingPathComponent("state/proactive-tui/device.token").path)
        let notices = LogLines()
        func provider() -> DeviceLoginProvider {
            DeviceLoginProvider(endpoint: h.identity, clientID: h.org.settings.publicClientID, org: h.server.url, file: file,
                                clock: h.clock, notice: { notices.append($0) })
        }
        let token = try await provider().token(renew: false)
        #expect(token.hasPrefix("sti."))
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.contains("https://microsoft.com/devicelogin") == true)
        // The stand-in answers authorization_pending once: two polls, each after the interval (1 s).
        #expect(h.clock.sleeps == [1, 1])
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let saved = try #require(file.load())
        #expect(!notices.all.joined().contains(saved))

        // A new run reuses the refresh token: no device code asked for, no notice.
        h.org.clearRequests()
        let again = try await provider().token(renew: false)
        #expect(again != token)
        #expect(h.org.requests.allSatisfy { !$0.path.hasSuffix("/devicecode") })
        #expect(notices.all.count == 1)
        #expect(file.load() != saved)
        await h.stop()
    }

    @Test func aSecretFileReadableByOthersIsRefusedAsSshDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("secret").path
        FileManager.default.createFile(atPath: path, contents: Data("s3cret\n".utf8), attributes: [.posixPermissions: 0o644])
        #expect(throws: TokenError.self) { _ = try SecretSource.read(file: path, environment: [:]) }
        chmod(path, 0o600)
        #expect(try SecretSource.read(file: path, environment: [:]) == "s3cret")
        #expect(try SecretSource.read(file: nil, environment: ["PROACTIVE_TUI_CLIENT_SECRET": "env-secret"]) == "env-secret")
        #expect(try SecretSource.read(file: nil, environment: [:]) == nil)
        try? FileManager.default.removeItem(at: folder)
    }
}
