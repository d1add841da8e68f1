import Foundation
import Testing

/// The list stays live: with the list of all deliveries open at its end (End), rows created earlier arrive through
/// `import --follow`; the title's count grows by them and the delivery under the cursor stays on its screen line
/// (its position moves down by the rows that arrived before it).
@Suite("End to end: the drill-down list while data arrives")
struct DrilldownLiveTests {
    static func grouped(_ n: Int) -> String { n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }

    @Test("X, End, Up Up; five earlier rows arrive; the cursor's delivery keeps its line",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func listFollowsTheFeed() async throws {
        let height = 35
        try await DashboardHarness.with(["--all-dates", "--refresh", "0.5"], height: height) { h in
            let first = try await h.waitForDashboard()
            let total = try #require(Screen.headerTotal(first))
            try await h.tmux.send("X")
            try #require(await h.tmux.waitFor("the list of all deliveries") { lines in
                lines.contains { $0.contains("All deliveries: \(Self.grouped(total)) deliveries") }
            })
            // End: tmux sends it as ESC[4~, which xterm's terminfo (pinned here) does not name; the bridge takes it.
            try await h.tmux.send("End")
            try #require(await h.tmux.waitFor("the list at its end") { lines in
                lines.contains { $0.contains("\(Self.grouped(total))/\(Self.grouped(total))") }
            })
            try await h.tmux.send("Up")
            try await h.tmux.send("Up")
            let atCursor = try #require(await h.tmux.waitFor("the cursor two rows above the end") { lines in
                lines.contains { $0.contains("\(Self.grouped(total - 2))/\(Self.grouped(total))") }
            })
            // The last row is just above the panel's bottom border (the line before the footer): the cursor's two above.
            let cursorLine = height - 5
            let before = atCursor[cursorLine]
            #expect(before.contains("2026-11-"), "a row on the cursor's line: \(before)")

            let feed = h.store.folder.appendingPathComponent("feed.jsonl")
            FileManager.default.createFile(atPath: feed.path, contents: nil)
            let follower = try FollowProcess(executable: h.store.executable,
                                             arguments: ["import", "--db", h.store.db.path, "--follow", "--poll", "0.25", feed.path],
                                             folder: h.store.folder)
            defer { follower.abandon() }
            // Created on 2026-11-15, before the last rows of the samples (which run to 2026-11-20).
            try EndToEndLiveFollowTests.append(LiveFeed.lines(count: 5, seed: 7).joined(separator: "\n") + "\n", to: feed)
            let after = try #require(await h.tmux.waitFor("five more rows in the list", timeout: 15) { lines in
                lines.contains { $0.contains("All deliveries: \(Self.grouped(total + 5)) deliveries") }
            })
            #expect(after.contains { $0.contains("\(Self.grouped(total + 3))/\(Self.grouped(total + 5))") },
                    "the cursor moved down by the five rows before it")
            #expect(after[cursorLine] == before, "the same delivery on the same line")
            #expect(Screen.headerTotal(after) == total + 5, "the header refreshed too")
            try await h.quit()
            _ = await follower.stop()
        }
    }
}
