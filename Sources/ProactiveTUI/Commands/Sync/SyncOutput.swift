import DataverseSync
import Foundation

/// Every line `sync` prints goes through here (one place to switch to the shared sanitising console writer):
/// control characters never reach the terminal, and the redaction rule runs once more over each line.
enum SyncOutput {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((clean(text) + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("proactive-tui: " + clean(text) + "\n").utf8))
    }

    /// A line on standard error the next one overwrites (the progress bar; only on a terminal).
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r" + clean(text) + "\u{1b}[K").utf8))
    }

    static func clearProgress() { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }

    static func clean(_ text: String) -> String {
        let redacted = Redaction.message(text)
        let scalars = redacted.unicodeScalars.map { scalar -> Character in
            let category = scalar.properties.generalCategory
            if category == .control || category == .format || scalar.value == 0x7F { return "\u{FFFD}" }
            return Character(scalar)
        }
        let line = String(scalars)
        return line.count > 2000 ? String(line.prefix(1999)) + "…" : line
    }
}
