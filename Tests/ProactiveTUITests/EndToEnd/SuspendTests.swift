import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-Z suspends the dashboard like less or vim (issue 10, item 7): the terminal comes back to the shell as it
/// was (main screen, cursor shown), the process is stopped, and `fg` brings the dashboard back drawn whole.
@Suite("End to end: Ctrl-Z suspends and fg redraws")
struct EndToEndSuspendTests {
    /// The shell's prompt (`PS1` is this and a space, which the capture trims).
    static let prompt = "E2E-PROMPT$"

    @Test("C-z: shell prompt back, process stopped; fg: the whole dashboard again; q: exit 0",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func controlZSuspendsAndFgRedraws() async throws {
        let store = try await EndToEndStore.make()
        defer { store.remove() }
        // An interactive shell with job control, as a supervisor's SSH session has.
        let script = """
            export PS1=\(shellQuoted(Self.prompt + " "))
            exec bash --norc --noprofile -i
            """
        let tmux = try await TmuxSession.start(script: script, width: 120, height: 35, folder: store.folder)
        do {
            try await body(tmux, store)
        } catch {
            await tmux.kill()
            throw error
        }
        await tmux.kill()
    }

    func body(_ tmux: TmuxSession, _ store: EndToEndStore) async throws {
        try #require(await tmux.waitFor("the shell's prompt") { $0.contains { $0.hasPrefix(Self.prompt) } } != nil)
        try await tmux.send("-l", "echo BEFORE-DASHBOARD; " + store.dashboardCommand(["--all-dates"]))
        try await tmux.send("Enter")
        let first = try #require(await tmux.waitFor("the first frame", timeout: 20) {
            Screen.headerTotal($0) != nil && ($0.last ?? "").contains("quit")
        })
        let pid = try #require(await tmux.childPid(), "no dashboard process under the shell")
        #expect(await tmux.display("#{alternate_on}") == "1")

        try await tmux.send("C-z")
        let suspended = try #require(await tmux.waitFor("the shell's prompt after Ctrl-Z") { lines in
            lines.contains { $0.contains("Stopped") } && lines.last { !$0.isEmpty }?.hasPrefix(Self.prompt) == true
        })
        #expect(suspended.contains("BEFORE-DASHBOARD"), "the shell's screen is not back:\n\(TmuxSession.framed(suspended))")
        #expect(!Screen.text(suspended).contains("Proactive Outbound"), "the dashboard is still on screen")
        #expect(await tmux.display("#{alternate_on}") == "0", "still on the alternate screen")
        #expect(await tmux.display("#{cursor_flag}") == "1", "the cursor is still hidden")
        #expect(Self.state(of: pid) == "T", "the dashboard is not stopped (state \(Self.state(of: pid) ?? "gone"))")

        // The shell works while the dashboard is stopped.
        try await tmux.send("-l", "echo SHELL-$((40+2))")
        try await tmux.send("Enter")
        try #require(await tmux.waitFor(text: "SHELL-42") != nil)

        try await tmux.send("-l", "fg")
        try await tmux.send("Enter")
        let back = try #require(await tmux.waitFor("the dashboard after fg", timeout: 10) { lines in
            Screen.headerTotal(lines) != nil && (lines.last ?? "").contains("quit")
        })
        #expect(await tmux.display("#{alternate_on}") == "1")
        // Drawn whole: every row of the first frame is back (the clock in the header may have moved).
        #expect(Array(back.dropFirst()) == Array(first.dropFirst()),
                "after fg:\n\(TmuxSession.framed(back))\nbefore:\n\(TmuxSession.framed(first))")
        #expect(!Screen.text(back).contains("SHELL-42"), "the shell's output shows through the dashboard")
        #expect(Self.state(of: pid) != "T")

        // Keys work again.
        try await tmux.send("q")
        try #require(await tmux.waitFor("the prompt after q") { lines in
            lines.last { !$0.isEmpty }?.hasPrefix(Self.prompt) == true && !Screen.text(lines).contains("Proactive Outbound")
        } != nil)
        try await tmux.send("-l", "echo EXIT-$?")
        try await tmux.send("Enter")
        #expect(await tmux.waitFor(text: "EXIT-0") != nil)
    }

    /// The process state letter from /proc (`T` when stopped), nil when it is gone.
    static func state(of pid: pid_t) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first.map(String.init)
    }
}
