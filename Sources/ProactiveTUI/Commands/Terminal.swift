import Foundation

/// Plain output helpers for the non-interactive commands.
enum Terminal {
    static func printError(_ message: String) {
        FileHandle.standardError.write(("proactive-tui: " + message + "\n").data(using: .utf8)!)
    }

    static func printErrorRaw(_ message: String) {
        FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}
