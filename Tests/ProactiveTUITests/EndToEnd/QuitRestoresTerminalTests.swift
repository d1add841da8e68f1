import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every way out (q, Ctrl-C, SIGTERM, SIGHUP) leaves the terminal as it was: the alternate screen is left (the
/// shell's earlier output is back, the dashboard is gone), the cursor is visible, the shell goes on.
@Suite("End to end: quitting restores the terminal")
struct EndToEndQuitTests {
    enum WayOut: String, CustomTestStringConvertible, CaseIterable, Sendable {
        case q, controlC, sigterm, sighup
        var testDescription: String { rawValue }
    }

    @Test("the dashboard ends and the shell's screen is back",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)), arguments: WayOut.allCases)
    func quitRestoresTerminal(_ way: WayOut) async throws {
        try await DashboardHarness.with(["--all-dates"]) { h in
            try await h.waitForDashboard()
            #expect(await h.tmux.display("#{alternate_on}") == "1", "the dashboard should draw on the alternate screen")

            switch way {
            case .q: try await h.tmux.send("q")
            case .controlC: try await h.tmux.send("C-c")
            case .sigterm, .sighup:
                let pid = try #require(await h.tmux.childPid(), "no dashboard process under the pane's shell")
                #expect(kill(pid, way == .sigterm ? SIGTERM : SIGHUP) == 0)
            }
            let after = try #require(await h.tmux.waitFor("the shell to report the exit status") { lines in
                lines.contains { $0.hasPrefix("EXITED ") }
            })
            let status = after.first { $0.hasPrefix("EXITED ") }.map { String($0.dropFirst("EXITED ".count)) } ?? "?"
            switch way {
            case .q, .controlC: #expect(status == "0")
            case .sigterm: #expect(status == "0" || status == "143", "exit status \(status) after SIGTERM")
            case .sighup: #expect(status == "0" || status == "129", "exit status \(status) after SIGHUP")
            }
            #expect(after.contains(DashboardHarness.shellMarker), "the shell's screen is not back:\n\(TmuxSession.framed(after))")
            #expect(!Screen.text(after).contains("Proactive Outbound"), "the dashboard is still on screen")
            #expect(await h.tmux.display("#{alternate_on}") == "0", "still on the alternate screen")
            #expect(await h.tmux.display("#{cursor_flag}") == "1", "the cursor is still hidden")
            #expect(await h.tmux.display("#{keypad_cursor_flag}") == "0", "cursor keys left in application mode")
        }
    }
}
