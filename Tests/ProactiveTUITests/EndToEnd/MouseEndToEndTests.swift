import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// The real binary in tmux, clicked with raw SGR (1006) reports typed into the pane (`send-keys -l`): a result
/// legend entry then a queue row, each clicked twice (select, then cross-filter), and the header's totals equal
/// `snapshot --format json` given the same filters as flags. `M` turns the terminal's mouse modes off and on, as
/// tmux sees them. Under `TERM=screen` (no XM capability: the bridge parses SGR itself) a click past column 223.
@Suite("End to end: mouse")
struct MouseEndToEndTests {
    /// The screen cell (0-based column, row) where `text` starts at or right of column `minX`.
    static func locate(_ text: String, in lines: [String], minX: Int = 0, maxX: Int = .max) -> (x: Int, y: Int)? {
        for (y, line) in lines.enumerated() {
            var search = line.startIndex..<line.endIndex
            while let range = line.range(of: text, range: search) {
                let x = DisplayWidth.of(String(line[..<range.lowerBound]))
                if x >= minX && x <= maxX { return (x, y) }
                search = range.upperBound..<line.endIndex
            }
        }
        return nil
    }

    /// A left click (press and release) at a 0-based cell, as an SGR report.
    static func click(_ tmux: TmuxSession, x: Int, y: Int) async throws {
        try await tmux.run(["send-keys", "-l", "\u{1b}[<0;\(x + 1);\(y + 1)M\u{1b}[<0;\(x + 1);\(y + 1)m"])
    }

    static func modes(_ tmux: TmuxSession) async -> String { await tmux.display("#{mouse_any_flag} #{mouse_sgr_flag}") }

    @Test("click a result legend entry and a queue row twice each: the header equals snapshot with those flags; M toggles reporting",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")), .timeLimit(.minutes(1)))
    func clicksCrossFilterAsFlagsDo() async throws {
        try await DashboardHarness.with(["--all-dates"]) { h in
            let first = try await h.waitForDashboard()
            #expect(await Self.modes(h.tmux) == "1 1", "mouse reporting with SGR from the start")

            // The result donut's first legend entry, right of the sidebar and the status chart.
            let result = "CallEnded"
            let legend = try #require(Self.locate(result, in: first, minX: 74), "no \(result) legend line")
            try await Self.click(h.tmux, x: legend.x, y: legend.y)
            try await Self.click(h.tmux, x: legend.x, y: legend.y)
            let byResult = try #require(await h.tmux.waitFor("the result filter") { Screen.filterLine($0).contains(result) })
            let resultFlags = ["--all-dates", "--result", result, "--status", "Complete"]
            let expectedByResult = try await h.store.snapshot(resultFlags)
            #expect(Screen.headerTotal(byResult) == expectedByResult.totals.deliveries)
            #expect(Screen.headerProcessed(byResult) == expectedByResult.totals.processed)

            // The queue table's first row under that filter (snapshot's order is the table's).
            let queue = try #require(expectedByResult.byQueue.first)
            let row = try #require(Self.locate(queue.name, in: byResult, minX: 82), "no \(queue.name) row")
            try await Self.click(h.tmux, x: row.x + 1, y: row.y)
            try await Self.click(h.tmux, x: row.x + 1, y: row.y)
            let byQueue = try #require(await h.tmux.waitFor("the queue filter") {
                Screen.filterLine($0).contains("Queue: " + queue.name)
            })
            let expected = try await h.store.snapshot(resultFlags + ["--queue", queue.id])
            #expect(expected.totals.deliveries == queue.total)
            #expect(Screen.headerTotal(byQueue) == expected.totals.deliveries)
            #expect(Screen.headerProcessed(byQueue) == expected.totals.processed)

            // M: reporting off (the terminal selects text), then on again.
            try await h.tmux.send("M")
            #expect(await h.tmux.waitFor("mouse off") { Screen.text($0).contains("mouse off") } != nil)
            #expect(await Self.modes(h.tmux) == "0 0")
            try await h.tmux.send("M")
            #expect(await h.tmux.waitFor("mouse on") { Screen.text($0).contains("mouse on") } != nil)
            #expect(await Self.modes(h.tmux) == "1 1")
            try await h.quit()
            #expect(await Self.modes(h.tmux) == "0 0", "the terminal's mouse modes are restored on exit")
        }
    }

    @Test("TERM=screen: the bridge reads SGR reports itself; a click past column 223 selects and filters a dial mode",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")), .timeLimit(.minutes(1)))
    func sgrPastColumn223UnderScreen() async throws {
        try await DashboardHarness.with(["--all-dates"], width: 250, height: 40, environment: ["TERM": "screen"]) { h in
            let first = try await h.waitForDashboard()
            #expect(await Self.modes(h.tmux) == "1 1")
            let mode = "Copilot"
            let entry = try #require(Self.locate(mode, in: first, minX: 224), "no \(mode) legend line past column 223")
            try await Self.click(h.tmux, x: entry.x, y: entry.y)
            try await Self.click(h.tmux, x: entry.x, y: entry.y)
            let filtered = try #require(await h.tmux.waitFor("the dial mode filter") { Screen.filterLine($0).contains(mode) })
            let expected = try await h.store.snapshot(["--all-dates", "--dial-mode", mode, "--status", "Complete"])
            #expect(Screen.headerTotal(filtered) == expected.totals.deliveries)
            try await h.tmux.send("M")
            #expect(await h.tmux.waitFor("mouse off") { Screen.text($0).contains("mouse off") } != nil)
            #expect(await Self.modes(h.tmux) == "0 0")
            try await h.quit()
        }
    }

    @Test("--no-mouse leaves the terminal's mouse modes off",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")), .timeLimit(.minutes(1)))
    func noMouse() async throws {
        try await DashboardHarness.with(["--all-dates", "--no-mouse", "--theme", "colorblind"]) { h in
            try await h.waitForDashboard()
            #expect(await Self.modes(h.tmux) == "0 0")
            try await h.tmux.send("M")
            #expect(await h.tmux.waitFor("mouse on") { Screen.text($0).contains("mouse on") } != nil)
            #expect(await Self.modes(h.tmux) == "1 1")
            try await h.quit()
        }
    }

    @Test("settings.toml: mouse = false starts with reporting off, theme = light draws light's colours",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")), .timeLimit(.minutes(1)))
    func settingsFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-mouse-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = folder.appendingPathComponent("settings.toml")
        try "mouse = false\ntheme = \"light\"\n".write(to: settings, atomically: true, encoding: .utf8)
        try await DashboardHarness.with(["--all-dates", "--settings", settings.path]) { h in
            try await h.waitForDashboard()
            #expect(await Self.modes(h.tmux) == "0 0")
            // Titles in light's black (16) and the focused frame in its brown (130), never dark's white (231).
            let styled = try await h.tmux.run(["capture-pane", "-p", "-e"])
            #expect(styled.contains("38;5;16m") && styled.contains("38;5;130m"))
            #expect(!styled.contains("38;5;231m"))
            try await h.quit()
        }
        // The flag wins over the file.
        try await DashboardHarness.with(["--all-dates", "--settings", settings.path, "--theme", "dark"]) { h in
            try await h.waitForDashboard()
            let styled = try await h.tmux.run(["capture-pane", "-p", "-e"])
            #expect(styled.contains("38;5;231m") && !styled.contains("38;5;130m"))
            try await h.quit()
        }
    }
}
