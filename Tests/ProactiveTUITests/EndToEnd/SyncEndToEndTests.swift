import DashboardModel
import DataverseStandIn
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 11: the real `proactive-tui sync` against the stand-in organization on loopback.
@Suite("End to end: sync", .serialized)
struct SyncEndToEndTests {
    @Test("first sync, changes and deletions: the snapshot equals an import of the organization's rows; no token is printed",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(2)))
    func firstSyncChangesAndDeletions() async throws {
        let s = try await SyncSetup.start(deliveries: 400)
        defer { s.remove() }
        let first = try await s.sync(["--once", "--page-size", "120"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("deliveries 400 rows (full read, 4 pages)"))
        #expect(try await s.snapshotMatchesImport())

        let changed = s.org.changeDeliveries(count: 30).count
        let deleted = s.org.deleteDeliveries(count: 5).count
        let second = try await s.sync(["--once", "--page-size", "120"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("deliveries \(changed + deleted) rows (\(deleted) deleted)"))
        #expect(try await s.snapshotMatchesImport())

        let status = try await s.run(["sync", "--status"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("state:         ok"))
        #expect(status.stdout.contains("deliveries             395 rows, delta"))
        for output in [first, second, status] { s.expectNoSecrets(output) }
    }

    @Test("kill -9 in the middle of the first read, then resume: counts exact, the read continues where it was",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(2)))
    func killNineAndResume() async throws {
        let s = try await SyncSetup.start(deliveries: 3000, linkConversations: false)
        defer { s.remove() }
        for _ in 0..<30 { s.org.enqueue(.slow(seconds: 0.15), entitySet: StandInOrg.deliveriesSet) }
        let pid = try s.spawnSync(["--once", "--page-size", "100"])
        // Wait for a few pages to be applied, then kill without warning.
        let deadline = Date().addingTimeInterval(30)
        while s.org.requests.filter({ $0.path.hasSuffix(StandInOrg.deliveriesSet) && $0.status == 200 }).count < 8 && Date() < deadline {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        kill(pid, SIGKILL)
        #expect(await Spawn.wait(pid, timeout: 10) == 128 + SIGKILL)
        let partial = try await s.run(["sync", "--status"])
        #expect(partial.stdout.contains("full read under way"))
        // The first read of a store without deliveries keeps the list's index away until it ends.
        #expect(try s.deliveryIndexes().contains("deliveries_by_created_id") == false)

        s.org.clearRequests()
        let resumed = try await s.sync(["--once", "--page-size", "100"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let firstAfterResume = s.org.requests.first { $0.path.hasSuffix(StandInOrg.deliveriesSet) }
        #expect(firstAfterResume?.value("$skiptoken") != nil, "the resumed read starts at the saved next link")
        #expect(try await s.snapshotMatchesImport())
        #expect(try await s.run(["sync", "--status"]).stdout.contains("deliveries           3,000 rows, delta"))
        #expect(try s.deliveryIndexes().contains("deliveries_by_created_id"), "the resumed read's end built the index")
    }

    @Test("a 429 with Retry-After 2 is waited out (at least 2 s) and the round succeeds",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(1)))
    func throttling() async throws {
        let s = try await SyncSetup.start(deliveries: 50, linkConversations: false)
        defer { s.remove() }
        s.org.enqueue(.throttle(retryAfter: 2), entitySet: StandInOrg.deliveriesSet)
        let result = try await s.sync(["--once"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("429 Too Many Requests"))
        let deliveries = s.org.requests.filter { $0.path.contains(StandInOrg.deliveriesSet) }
        let throttled = try #require(deliveries.first { $0.status == 429 })
        let retry = try #require(deliveries.first { $0.status == 200 && $0.at > throttled.at })
        #expect(retry.at.timeIntervalSince(throttled.at) >= 2)
        #expect(try await s.snapshotMatchesImport())
    }

    @Test("a running sync whose token is refused (401) runs its token command again, once, and goes on",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(1)))
    func tokenRenewal() async throws {
        let s = try await SyncSetup.start(deliveries: 30, linkConversations: false)
        defer { s.remove() }
        let tokenFile = s.folder.appendingPathComponent("token")
        try s.org.issueAccessToken().write(to: tokenFile, atomically: true, encoding: .utf8)
        let pid = try s.spawnSync(["--interval", "1"], auth: ["--token-command", "cat " + shellQuoted(tokenFile.path)])
        defer { kill(pid, SIGKILL); _ = waitpid(pid, nil, 0) }
        #expect(await s.waitForRequests { $0.contains { $0.path.hasSuffix(StandInOrg.conversationsSet) || $0.value("$deltatoken") != nil } })
        // The new token is in the file before the old one is refused: a refusal that came between the two would
        // read the old token again and be refused twice.
        let fresh = s.org.issueAccessToken()
        try fresh.write(to: tokenFile, atomically: true, encoding: .utf8)
        s.org.revokeAccessTokens(except: fresh)
        s.org.changeDeliveries(count: 4)
        // The refused request, then the same table read again with the new token.
        #expect(await s.waitForRequests { requests in
            guard let refused = requests.firstIndex(where: { $0.status == 401 }) else { return false }
            return requests[(refused + 1)...].contains { $0.status == 200 && $0.path.hasSuffix(StandInOrg.deliveriesSet) }
        })
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(s.org.requests.filter { $0.status == 401 }.count == 1)
        kill(pid, SIGKILL)
        _ = waitpid(pid, nil, 0)
        let log = (try? String(contentsOf: s.folder.appendingPathComponent("sync.log"), encoding: .utf8)) ?? ""
        #expect(log.contains("401 Unauthorized"))
        #expect(!log.contains(fresh) && !log.contains("sti."))
        #expect(try await s.snapshotMatchesImport())
    }

    @Test("--device-login prints the URL and code, is approved after a poll, keeps the refresh token 0600 under XDG_STATE_HOME and a second run reuses it",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(1)))
    func deviceLogin() async throws {
        let s = try await SyncSetup.start(deliveries: 20, linkConversations: false)
        defer { s.remove() }
        let state = s.folder.appendingPathComponent("state")
        let auth = ["--device-login", "--client-id", s.org.settings.publicClientID, "--tenant", s.org.settings.tenant,
                    "--authority", s.server.url.absoluteString]
        let first = try await runProcess(s.executable, s.syncArguments(["--once"], auth: auth), environment: ["XDG_STATE_HOME": state.path])
        #expect(first.status == 0, "\(first.stderr)")
        let code = try #require(s.org.deviceUserCodes.last)
        #expect(first.stderr.contains("open https://microsoft.com/devicelogin in a browser and enter the code \(code)"))
        func devicePolls() -> Int {
            s.org.requests.filter { $0.path.hasSuffix("/oauth2/v2.0/token") }.count
        }
        // One poll answered authorization_pending, the next one approved (the stand-in's Settings).
        #expect(devicePolls() == 2)
        #expect(first.stdout.contains("deliveries 20 rows (full read"))

        let folder = state.appendingPathComponent("proactive-tui")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".token") }
        #expect(files.count == 1)
        let file = folder.appendingPathComponent(try #require(files.first))
        func mode(_ path: String) -> mode_t {
            var info = stat()
            return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0o7777
        }
        #expect(mode(file.path) == 0o600)
        #expect(mode(folder.path) == 0o700)
        let refresh = try String(contentsOf: file, encoding: .utf8)
        #expect(refresh.hasPrefix("str."))

        // A second run signs in with the kept refresh token: no new device code, no prompt.
        let codesBefore = s.org.deviceUserCodes.count
        s.org.changeDeliveries(count: 3)
        let second = try await runProcess(s.executable, s.syncArguments(["--once"], auth: auth), environment: ["XDG_STATE_HOME": state.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(s.org.deviceUserCodes.count == codesBefore)
        #expect(!second.stderr.contains("To sign in"))
        #expect(second.stdout.contains("deliveries 3 rows"))
        // The identity platform rotated the refresh token; the file holds the new one, still 0600.
        let rotated = try String(contentsOf: file, encoding: .utf8)
        #expect(rotated != refresh && rotated.hasPrefix("str."))
        #expect(mode(file.path) == 0o600)
        for output in [first, second] {
            s.expectNoSecrets(output)
            let text = output.stdout + output.stderr
            #expect(!text.contains(refresh) && !text.contains(rotated) && !text.contains("str.") && !text.contains("dc."))
        }
        let status = try await s.run(["sync", "--status"])
        #expect(!status.stdout.contains("str.") && !status.stdout.contains("sti."))
    }

    @Test("usage errors name the flag; a secret file others can read is refused",
          .enabled(if: EndToEnd.executable != nil), .timeLimit(.minutes(1)))
    func usageErrors() async throws {
        let s = try await SyncSetup.start(deliveries: 1, linkConversations: false)
        defer { s.remove() }
        // The root command turns usage errors into exit 2 (CommandEntry), never ArgumentParser's 64.
        let usage: Set<Int32> = [2]
        let http = try await s.run(["sync", "--org", "http://contoso.crm.dynamics.com", "--token-command", "true", "--once"])
        #expect(usage.contains(http.status))
        #expect(http.stderr.contains("--org"))
        let noAuth = try await s.run(["sync", "--org", s.server.url.absoluteString, "--once"])
        #expect(usage.contains(noAuth.status))
        #expect(noAuth.stderr.contains("--tenant"))
        chmod(s.secretFile.path, 0o644)
        let open = try await s.sync(["--once"])
        #expect(usage.contains(open.status))
        #expect(open.stderr.contains("--client-secret-file") && open.stderr.contains("chmod 600"))
        let page = try await s.sync(["--once", "--page-size", "6000"])
        #expect(usage.contains(page.status) && page.stderr.contains("--page-size"))
        chmod(s.secretFile.path, 0o600)
        // A URL pasted from the browser is reduced to the organization, with a note.
        let pasted = try await runProcess(s.executable, ["sync", "--org", s.server.url.absoluteString + "/main.aspx?appid=1", "--db", s.db.path]
                                          + s.clientCredentials + ["--once"])
        #expect(pasted.status == 0, "\(pasted.stderr)")
        #expect(pasted.stderr.contains("--org: reading the organization \(s.server.url.absoluteString) (its URL is only the scheme and host; /main.aspx?… left out)"))
        // That store is now synced from this organization: another one is refused, naming both and what to do.
        let other = try await runProcess(s.executable, ["sync", "--org", "http://127.0.0.2:9", "--db", s.db.path] + s.clientCredentials + ["--once"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("is synced from \(s.server.url.absoluteString), not http://127.0.0.2:9: give another --db"))
    }

    @Test("a running dashboard shows a synced change within --interval + 2 s, and the header says Synced",
          .enabled(if: EndToEnd.canRunTmux), .timeLimit(.minutes(1)))
    func dashboardShowsSyncedChanges() async throws {
        let s = try await SyncSetup.start(deliveries: 200, linkConversations: false)
        defer { s.remove() }
        #expect(try await s.sync(["--once"]).status == 0)
        let script = shellQuoted(s.executable) + " dashboard --db " + shellQuoted(s.db.path) + " --tz UTC --all-dates --refresh 0.5"
        let tmux = try await TmuxSession.start(script: script, width: 140, height: 40, folder: s.folder)
        let first = await tmux.waitFor("the first frame", timeout: 20) { Screen.headerTotal($0) == 200 }
        #expect(first?.first?.contains("Synced ") == true)
        let interval = 2.0
        let pid: pid_t
        do { pid = try s.spawnSync(["--interval", String(Int(interval))]) } catch {
            await tmux.kill()
            throw error
        }
        defer { kill(pid, SIGKILL); _ = waitpid(pid, nil, 0) }
        try await Task.sleep(nanoseconds: 500_000_000)
        s.org.addDeliveries(count: 7)
        let added = Date()
        let screen = await tmux.waitFor("header Total 207", timeout: interval + 8) { Screen.headerTotal($0) == 207 }
        let took = Date().timeIntervalSince(added)
        #expect(screen != nil)
        #expect(took <= interval + 2, "the change took \(String(format: "%.2f", took)) s to show")
        await tmux.kill()
    }
}

/// A stand-in organization in this process, a secret file, and a folder with the store the binary syncs into.
final class SyncSetup: Sendable {
    let org: StandInOrg
    let server: StandInServer
    let folder: URL
    let db: URL
    let secretFile: URL
    let executable: String

    static func start(deliveries: Int, linkConversations: Bool = true) async throws -> SyncSetup {
        guard let exe = EndToEnd.executable else { throw EndToEndError("proactive-tui is not built") }
        var settings = StandInOrg.Settings(deliveries: deliveries, seed: 11)
        settings.linkConversations = linkConversations
        let org = StandInOrg(settings)
        let server = try await StandInServer.start(org)
        return try SyncSetup(org: org, server: server, executable: exe.path)
    }

    private init(org: StandInOrg, server: StandInServer, executable: String) throws {
        self.org = org
        self.server = server
        self.executable = executable
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-sync-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("store.sqlite")
        secretFile = folder.appendingPathComponent("secret")
        FileManager.default.createFile(atPath: secretFile.path, contents: Data(org.settings.clientSecret.utf8),
                                       attributes: [.posixPermissions: 0o600])
    }

    func remove() {
        let server = self.server
        Task { await server.stop() }
        try? FileManager.default.removeItem(at: folder)
    }

    var clientCredentials: [String] {
        ["--authority", server.url.absoluteString, "--tenant", org.settings.tenant, "--client-id", org.settings.clientID,
         "--client-secret-file", secretFile.path]
    }

    func syncArguments(_ extra: [String], auth: [String]? = nil) -> [String] {
        ["sync", "--org", server.url.absoluteString, "--db", db.path] + (auth ?? clientCredentials) + extra
    }

    func sync(_ extra: [String], auth: [String]? = nil) async throws -> ProcessResult {
        try await runProcess(executable, syncArguments(extra, auth: auth))
    }

    func spawnSync(_ extra: [String], auth: [String]? = nil) throws -> pid_t {
        let log = folder.appendingPathComponent("sync.log").path
        return try Spawn.start(executable, syncArguments(extra, auth: auth), environment: testEnvironment(), stdout: log, stderr: log)
    }

    /// Waits (up to `timeout` s) until the stand-in's request log satisfies `condition`.
    func waitForRequests(timeout: Double = 20, _ condition: ([StandInRequestRecord]) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(org.requests) { return true }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        return condition(org.requests)
    }

    func run(_ arguments: [String]) async throws -> ProcessResult {
        try await runProcess(executable, arguments + ["--db", db.path])
    }

    /// The indexes of the synced store's deliveries table (`PRAGMA index_list`), read through a reader connection.
    func deliveryIndexes() throws -> [String] {
        try DeliveryStore.openForReading(path: db.path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('deliveries')")
        }
    }

    /// `snapshot --format json --all-dates` of the synced store equals that of a store that imported the
    /// organization's live rows.
    func snapshotMatchesImport() async throws -> Bool {
        let imported = folder.appendingPathComponent("imported-\(UUID().uuidString.prefix(6)).sqlite")
        var files: [String] = []
        for set in [StandInOrg.queuesSet, StandInOrg.configurationsSet, StandInOrg.conversationsSet, StandInOrg.deliveriesSet] {
            let file = folder.appendingPathComponent(set + ".json")
            try org.export(set).write(to: file)
            files.append(file.path)
        }
        let load = try await runProcess(executable, ["import", "--db", imported.path] + files)
        guard load.status == 0 else { throw EndToEndError("import failed: \(load.stderr)") }
        func snapshot(_ path: String) async throws -> NSDictionary {
            let result = try await runProcess(executable, ["snapshot", "--format", "json", "--all-dates", "--tz", "UTC", "--db", path])
            guard result.status == 0, var object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
                throw EndToEndError("snapshot failed: \(result.stderr)")
            }
            // The live figures move with the clock and dataChangedAt is the time of the store's last write.
            object["live"] = nil
            object["dataChangedAt"] = nil
            return object as NSDictionary
        }
        let synced = try await snapshot(db.path)
        let reference = try await snapshot(imported.path)
        if synced != reference { Issue.record("synced snapshot:\n\(synced)\nimported:\n\(reference)") }
        return synced == reference
    }

    func expectNoSecrets(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = result.stdout + result.stderr
        #expect(!text.contains("sti."), "an access token was printed", sourceLocation: sourceLocation)
        #expect(!text.contains(org.settings.clientSecret), "the client secret was printed", sourceLocation: sourceLocation)
    }
}
