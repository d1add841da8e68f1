import ArgumentParser
import CommandSupport

/// What the interactive commands need from their standard streams.
enum TerminalRequirement {
    /// The dashboard draws with escape codes and reads keys: with standard output or input not a terminal (a
    /// file, a pipe, a cron job) it refuses to start, exit 2, instead of writing escape codes forever.
    static func check(command: String) throws {
        let missing = [Terminal.stdoutIsTerminal ? nil : "output", Terminal.stdinIsTerminal ? nil : "input"].compactMap { $0 }
        guard !missing.isEmpty else { return }
        Console.error("\(command) needs a terminal, but standard \(missing.joined(separator: " and ")) is not one; "
            + "for the figures as text or JSON use `proactive-tui snapshot --format text` or `--format json`")
        throw ExitCode(2)
    }
}
