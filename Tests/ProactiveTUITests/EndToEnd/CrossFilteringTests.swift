import Foundation
import Testing

/// Cross-filtering: Enter on a configuration row filters to that configuration, as a click does in the report;
/// Backspace undoes it.
@Suite("End to end: cross-filter from the configuration table")
struct EndToEndCrossFilteringTests {
    @Test("4 zooms the configuration table, ↓↓ Enter filters to the second row; Backspace undoes it",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func enterOnConfigurationRow() async throws {
        try await DashboardHarness.with(["--all-dates"]) { h in
            let first = try await h.waitForDashboard()
            let everything = try await h.store.snapshot(["--all-dates"])
            let before = try #require(Screen.headerTotal(first))
            #expect(before == everything.totals.deliveries)
            #expect(!Screen.filterLine(first).contains("Configuration:"))
            try #require(everything.byConfiguration.count >= 2)

            // Key 4 zooms (and focuses) the configuration table; its rows run in snapshot's order.
            try await h.tmux.send("4")
            let zoomed = try #require(await h.tmux.waitFor("the zoomed configuration table") { lines in
                lines.contains { $0.contains("4 Delivery metrics by configuration") }
                    && !lines.contains { $0.contains("5 Delivery metrics by queue") }
            })
            let rowLines = everything.byConfiguration.prefix(2).map { row in zoomed.firstIndex { $0.contains(row.name) } }
            #expect(rowLines.allSatisfy { $0 != nil }, "configuration names missing from the zoomed table")
            if let a = rowLines[0], let b = rowLines[1] { #expect(a < b, "table rows are not in snapshot's order") }

            let target = everything.byConfiguration[1]
            try await h.tmux.send("Down")
            try await h.tmux.send("Down")
            try await h.tmux.send("Enter")
            let filtered = try #require(await h.tmux.waitFor("the configuration filter in the header") {
                Screen.filterLine($0).contains("Configuration: " + target.name)
            })
            let expected = try await h.store.snapshot(["--all-dates", "--config", target.id])
            #expect(expected.totals.deliveries == target.total)
            #expect(Screen.headerTotal(filtered) == expected.totals.deliveries)
            #expect(Screen.headerProcessed(filtered) == expected.totals.processed)

            // Backspace undoes the last filter change.
            try await h.tmux.send("BSpace")
            let undone = try #require(await h.tmux.waitFor("the filter to be undone") {
                !Screen.filterLine($0).contains("Configuration:") && Screen.headerTotal($0) == before
            })
            #expect(Screen.headerTotal(undone) == everything.totals.deliveries)
            try await h.quit()
        }
    }
}
