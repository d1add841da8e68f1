import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 4, "Done when": while `import --follow` appends deliveries, the numbers on screen reach those of
/// `snapshot` within two refresh intervals, and nobody reports "database is locked".
@Suite("End to end: live follow")
struct EndToEndLiveFollowTests {
    static let refresh = 0.5
    static let followPoll = 0.25

    @Test("dashboard --refresh 0.5 follows import --follow: header total equals snapshot's within 2 intervals",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func dashboardFollowsFeed() async throws {
        try await DashboardHarness.with(["--all-dates", "--refresh", "\(Self.refresh)"]) { h in
            let first = try await h.waitForDashboard()
            var expected = try #require(Screen.headerTotal(first))
            #expect(expected == (try await h.store.snapshot()).totals.deliveries)

            // The feed: an empty JSON Lines file that `import --follow` watches.
            let feed = h.store.folder.appendingPathComponent("feed.jsonl")
            FileManager.default.createFile(atPath: feed.path, contents: nil)
            let follower = try FollowProcess(executable: h.store.executable,
                                             arguments: ["import", "--db", h.store.db.path, "--follow",
                                                         "--poll", "\(Self.followPoll)", feed.path],
                                             folder: h.store.folder)
            defer { follower.abandon() }

            // Within two refresh intervals of the data landing, plus the follower's poll and slack for a busy machine.
            let bound = 2 * Self.refresh + Self.followPoll + 1.5
            for (batch, size) in [4, 1, 6].enumerated() {
                try Self.append(LiveFeed.lines(count: size, seed: batch + 1).joined(separator: "\n") + "\n", to: feed)
                let appended = Date()
                expected += size
                let screen = await h.waitForTotal(expected, timeout: 10)
                let took = Date().timeIntervalSince(appended)
                #expect(screen != nil)
                #expect(took <= bound, "batch \(batch + 1): the screen took \(String(format: "%.2f", took)) s (bound \(bound) s)")
                #expect(try await h.store.snapshot().totals.deliveries == expected, "snapshot disagrees with the screen")
            }
            // Half a line (no newline yet) is not a record; completing it is.
            let partial = LiveFeed.lines(count: 1, seed: 9)[0]
            let cut = partial.index(partial.startIndex, offsetBy: partial.count / 2)
            try Self.append(String(partial[..<cut]), to: feed)
            try await Task.sleep(nanoseconds: UInt64((2 * Self.refresh + Self.followPoll) * 1e9))
            #expect(Screen.headerTotal(await h.tmux.capture()) == expected)
            try Self.append(String(partial[cut...]) + "\n", to: feed)
            expected += 1
            #expect(await h.waitForTotal(expected) != nil)
            #expect(try await h.store.snapshot().totals.deliveries == expected)

            let screenText = Screen.text(await h.tmux.capture())
            try await h.quit()
            #expect(follower.isRunning, "import --follow ended early")
            let followOutput = await follower.stop()
            #expect(!followOutput.contains("skipped:"), "import --follow skipped records:\n\(followOutput)")
            let finalScreen = Screen.text(await h.tmux.capture())
            for (who, text) in [("dashboard", screenText + "\n" + finalScreen), ("import --follow", followOutput)] {
                #expect(!text.localizedCaseInsensitiveContains("database is locked"), "\(who) reported a locked database:\n\(text)")
                #expect(!text.contains("SQLITE_BUSY"), "\(who) reported a busy database:\n\(text)")
            }
        }
    }

    static func append(_ text: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }
}

/// A background process (here `import --follow`) whose output goes to a file; `stop()` interrupts it and returns
/// what it printed; `abandon()` kills it (cleanup).
final class FollowProcess {
    private let pid: pid_t
    private let output: URL
    private var stopped: String?

    init(executable: String, arguments: [String], folder: URL) throws {
        output = folder.appendingPathComponent("follow.log")
        pid = try Spawn.start(executable, arguments, environment: testEnvironment(),
                              stdout: output.path, stderr: output.path)
    }

    var isRunning: Bool { stopped == nil && Spawn.isRunning(pid) }

    func stop() async -> String {
        if let stopped { return stopped }
        kill(pid, SIGINT)
        _ = await Spawn.wait(pid, timeout: 5)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        stopped = text
        return text
    }

    func abandon() {
        guard stopped == nil else { return }
        stopped = ""
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }
}
