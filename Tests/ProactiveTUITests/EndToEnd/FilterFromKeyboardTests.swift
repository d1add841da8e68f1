import Foundation
import Testing

/// Changing a filter from the keyboard shows the numbers `snapshot --format json` gives for that filter
/// (issue 3, "Done when"): Shift-Tab into the sidebar, → to "Delivery status", ↓ to "Complete", Space.
@Suite("End to end: a filter set from the keyboard matches snapshot")
struct EndToEndFilterFromKeyboardTests {
    @Test("Shift-Tab, → to Delivery status, Space on Complete: header and queue table equal snapshot --status Complete",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func statusFilterFromKeyboard() async throws {
        try await DashboardHarness.with(["--all-dates"]) { h in
            let first = try await h.waitForDashboard()
            let everything = try await h.store.snapshot(["--all-dates"])
            #expect(Screen.headerTotal(first) == everything.totals.deliveries)

            // Focus order: sidebar, panels 1-6; the dashboard starts on panel 1, so Shift-Tab lands on the sidebar.
            try await h.tmux.send("BTab")
            try #require(await h.tmux.waitFor(text: "▾ Duration") != nil)
            var lines: [String] = []
            for _ in 0..<12 {
                lines = await h.tmux.capture()
                if Screen.text(lines).contains("▾ Delivery status") { break }
                let before = lines
                try await h.tmux.send("Right")
                await h.tmux.waitFor("the sidebar cursor to move", timeout: 3) { $0 != before }
            }
            let items = Self.sidebarItems(of: "Delivery status", in: lines)
            let index = try #require(items.firstIndex(of: "Complete"), "no Complete in the status list: \(items)")
            for _ in 0..<index { try await h.tmux.send("Down") }
            try await h.tmux.send("Space")

            let filtered = try #require(await h.tmux.waitFor("the status filter in the header") {
                Screen.filterLine($0).contains("Delivery status: Complete")
            })
            let expected = try await h.store.snapshot(["--all-dates", "--status", "Complete"])
            #expect(expected.totals.deliveries < everything.totals.deliveries)
            #expect(Screen.headerTotal(filtered) == expected.totals.deliveries)
            #expect(Screen.headerProcessed(filtered) == expected.totals.processed)
            #expect(filtered.contains { $0.contains("[x] Complete") }, "Complete is not checked in the sidebar")

            // The queue table: every row the screen shows has snapshot's total and processed.
            var matched = 0
            for row in expected.byQueue {
                guard let numbers = Screen.rowNumbers(named: row.name, in: filtered) else { continue }
                #expect(numbers == [row.total, row.processed],
                        "queue \(row.name): screen \(numbers), snapshot \(row.total) \(row.processed)")
                matched += 1
            }
            #expect(matched >= min(3, expected.byQueue.count),
                    "only \(matched) of \(expected.byQueue.count) queue rows found on screen:\n\(TmuxSession.framed(filtered))")
            try await h.quit()
        }
    }

    /// The labels listed under the open sidebar section `title` (`[ ] Pending   15` -> `Pending`).
    static func sidebarItems(of title: String, in lines: [String]) -> [String] {
        guard let start = lines.firstIndex(where: { $0.contains("▾ " + title) }) else { return [] }
        var items: [String] = []
        for line in lines[(start + 1)...] {
            guard let open = line.firstIndex(of: "["), let close = line[open...].firstIndex(of: "]") else { break }
            let afterBox = line[line.index(after: close)...]
            let cell = afterBox.prefix { $0 != "│" && $0 != "|" }
            let words = cell.split(separator: " ")
            guard words.count >= 2 else { break }
            items.append(words.dropLast().joined(separator: " "))
        }
        return items
    }
}
