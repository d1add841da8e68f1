import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private tmux server (its own socket, so tests run in parallel) with one pane running a shell script.
/// `capture()` reads the pane as text; `waitFor` polls it until a condition holds. Always `kill()` at the end.
final class TmuxSession {
    let socket: String
    let folder: URL
    private let tmux: String
    private(set) var killed = false
    /// The server's socket file, removed after `kill-server` (tmux leaves it behind).
    private var socketPath = ""

    private init(tmux: String, socket: String, folder: URL) {
        self.tmux = tmux
        self.socket = socket
        self.folder = folder
    }

    /// Starts `script` (shell lines, run by `sh`) in a detached pane of `width`×`height`.
    /// The pinned TERM, LANG and TZ are exported first; the pane stays after the script ends.
    static func start(script: String, width: Int, height: Int, folder: URL) async throws -> TmuxSession {
        guard let tmux = EndToEnd.tmux else { throw EndToEndError("tmux is not installed") }
        let session = TmuxSession(tmux: tmux, socket: "ptui-e2e-\(getpid())-\(UUID().uuidString.prefix(8))", folder: folder)
        let config = folder.appendingPathComponent("tmux.conf")
        try """
            set -g remain-on-exit on
            set -g status off
            set -g history-limit 100
            set -g default-terminal xterm-256color

            """.write(to: config, atomically: true, encoding: .utf8)
        let scriptURL = folder.appendingPathComponent("pane.sh")
        let env = EndToEnd.pinned.sorted { $0.key < $1.key }.map { "export \($0.key)=\($0.value)" }.joined(separator: "\n")
        try """
            unset LC_ALL LC_CTYPE LC_MESSAGES NO_COLOR PROACTIVE_TUI_DB TMUX
            \(env)
            \(script)

            """.write(to: scriptURL, atomically: true, encoding: .utf8)
        try await session.run(["-f", config.path, "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                               "sh " + shellQuoted(scriptURL.path)])
        session.socketPath = await session.display("#{socket_path}")
        return session
    }

    /// Runs a tmux command on this server; throws when tmux fails.
    @discardableResult
    func run(_ arguments: [String]) async throws -> String {
        let result = try await runProcess(tmux, ["-u", "-L", socket] + arguments, environment: ["LC_ALL": "C.UTF-8"],
                                          timeout: 20)
        guard result.status == 0 else {
            throw EndToEndError("tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// The pane's visible lines, trailing spaces removed.
    func capture() async -> [String] {
        guard let text = try? await run(["capture-pane", "-p"]) else { return [] }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            var l = Substring(line)
            while l.last == " " { l = l.dropLast() }
            return String(l)
        }
    }

    /// Sends keys in tmux's names (`BTab`, `Down`, `Space`, `Enter`, `BSpace`, `C-c`, or literal text).
    func send(_ keys: String...) async throws {
        try await run(["send-keys"] + keys)
    }

    /// A tmux format about the pane, e.g. `#{pane_pid}`, `#{alternate_on}`, `#{cursor_flag}`.
    func display(_ format: String) async -> String {
        ((try? await run(["display-message", "-p", format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) async throws {
        try await run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the pane every 50 ms until `condition` holds; returns the lines that satisfied it, or nil at the
    /// timeout (recording an issue that shows the last screen, unless `record` is false).
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, record: Bool = true,
                 sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: ([String]) -> Bool) async -> [String]? {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        repeat {
            lines = await capture()
            if condition(lines) { return lines }
            try? await Task.sleep(nanoseconds: 50_000_000)
        } while Date() < deadline
        if record {
            Issue.record("timed out after \(timeout) s waiting for \(what); the screen:\n\(Self.framed(lines))",
                         sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Waits until `text` appears anywhere on the screen.
    @discardableResult
    func waitFor(text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) async -> [String]? {
        await waitFor("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { Screen.text($0).contains(text) }
    }

    /// The pid of the program the pane's shell started (its only child), if any.
    func childPid() async -> pid_t? {
        guard let shell = Int32(await display("#{pane_pid}")) else { return nil }
        let path = "/proc/\(shell)/task/\(shell)/children"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: " ").compactMap { Int32($0) }.first
    }

    /// Ends the tmux server and everything in it.
    func kill() async {
        guard !killed else { return }
        killed = true
        _ = try? await runProcess(tmux, ["-L", socket, "kill-server"], timeout: 10)
        if socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
    }

    static func framed(_ lines: [String]) -> String {
        lines.enumerated().map { String(format: "%2d", $0.offset) + " |" + $0.element }.joined(separator: "\n")
    }
}
