import CommandSupport
import DataverseSync
import Foundation

/// Every line `sync` prints goes through here: the redaction rule runs once more over each line (no secret
/// reaches the output), then the command line's one writer (`Console`) makes it safe and bounded.
enum SyncOutput {
    /// A line on standard output, flushed at once: a sync running as a service writes to a pipe (journald), where
    /// the output would otherwise wait in a 4 KB buffer and a round's line show up rounds later.
    static func line(_ text: String) {
        Console.line(Redaction.message(text))
        fflush(StandardStream.output)
    }

    static func error(_ text: String) { Console.error(Redaction.message(text)) }

    /// A line on standard error the next one overwrites (the progress bar; only on a terminal).
    static func progress(_ text: String) { Console.progress(Redaction.message(text)) }

    static func clearProgress() { Console.clearProgress() }

    /// A line as `line` prints it: redacted, then made safe and bounded.
    static func clean(_ text: String) -> String { Console.safe(Redaction.message(text)) }
}
