import Foundation
import Testing

/// A resize lays the screen out again at once: compact at 80x24, a clear message below the minimum, the full
/// layout again at 120x35.
@Suite("End to end: resize")
struct EndToEndResizeTests {
    @Test("120x35 full → 80x24 compact tabs → 50x15 too small → 120x35 full again",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func resizeLaysOutAgain() async throws {
        try await DashboardHarness.with(["--all-dates"]) { h in
            let first = try await h.waitForDashboard()
            let total = try #require(Screen.headerTotal(first))
            #expect(Screen.text(first).contains("Filters"))
            #expect(Screen.text(first).contains("1 Total deliveries by status"))

            try await h.tmux.resize(width: 80, height: 24)
            let compact = try #require(await h.tmux.waitFor("the compact layout at 80x24") { lines in
                lines.count == 24 && lines.contains { $0.contains("1 Status ") && $0.contains("2 Result") }
            })
            #expect(Screen.headerTotal(compact) == total)
            #expect(!Screen.text(compact).contains("Filters"), "the sidebar should fold away at 80x24")

            try await h.tmux.resize(width: 50, height: 15)
            let small = try #require(await h.tmux.waitFor(text: "Terminal too small"))
            #expect(Screen.headerTotal(small) == nil)

            try await h.tmux.resize(width: 120, height: 35)
            let full = try #require(await h.tmux.waitFor("the full layout at 120x35") { lines in
                lines.contains { $0.contains("Filters") } && lines.contains { $0.contains("1 Total deliveries by status") }
                    && lines.contains { $0.contains("6 Delivery metrics by date") } && !Screen.text(lines).contains("too small")
            })
            #expect(Screen.headerTotal(full) == total)
            try await h.quit()
        }
    }
}
