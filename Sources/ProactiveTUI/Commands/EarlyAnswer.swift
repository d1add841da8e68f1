import CommandSupport
import Foundation

/// Answers the one command line that needs nothing but the program itself, `proactive-tui --version`, before the
/// argument parser builds its tree of eight commands and their options (the larger part of a bare start's CPU time
/// after the dynamic loader). The text is the one the parser prints for `--version` (`ReleaseVersion.text()`);
/// any other command line, `--version` beside anything else included, is left to the parser.
enum EarlyAnswer {
    /// The text to print for these arguments (without the program's name), or nil when the parser must decide.
    static func answer(_ arguments: [String]) -> String? {
        arguments == ["--version"] ? ReleaseVersion.text() : nil
    }

    /// Prints the answer and exits 0 when there is one; returns otherwise.
    static func exitIfAnswered(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        guard let text = answer(arguments) else { return }
        Console.line(text)
        fflush(StandardStream.output)
        exit(0)
    }
}
