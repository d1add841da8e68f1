import ArgumentParser
import DashboardModel
import Foundation

/// The one entry of every command of both programs (`proactive-tui` and `proactive-tui-sync`; after
/// `ParsableCommand.main`, which it replaces): parses with the program's root command, runs, and turns every way out
/// into an exit code and a message written through `Console`.
///
/// - Usage errors (an unknown flag, a missing or refused value, a negative or out-of-range number) exit 2, as
///   CONTRACT.md asks, not the argument parser's 64 (EX_USAGE); the message names the flag and what it accepts.
/// - Help (`--help`, `help`) goes to standard output and exits 0.
/// - A command's own `ExitCode` passes through; any other error exits 1 with its description.
public enum CommandEntry {
    public static let usageExitCode: Int32 = 2

    public static func main<Root: ParsableCommand>(_ root: Root.Type, _ arguments: [String]? = nil) -> Never {
        do {
            var command = try Root.parseAsRoot(arguments)
            try command.run()
            finish(0)
        } catch {
            let code = Root.exitCode(for: error)
            // The model's typed errors are worded here, with the command line's words. A settings file the
            // program cannot use is a usage error (exit 2), as a bad flag is.
            if error is SettingsError {
                Console.error(ErrorText.describe(error))
                finish(usageExitCode)
            }
            if let worded = ErrorText.worded(error) {
                Console.lines(worded, to: .error)
                finish(1)
            }
            let message = Root.fullMessage(for: error).trimmingCharacters(in: .newlines)
            if code == .success {
                if !message.isEmpty { Console.lines(message) }
                finish(0)
            }
            if !message.isEmpty { Console.lines(message, to: .error) }
            finish(code == .validationFailure ? usageExitCode : code.rawValue)
        }
    }

    private static func finish(_ code: Int32) -> Never {
        fflush(StandardStream.output)
        fflush(StandardStream.error)
        exit(code)
    }
}
