import DashboardModel
import Foundation
import TerminalUI

/// The one writer of every line a command prints, to standard output or standard error, on a terminal or not
/// (output may be a log that someone later `cat`s). Each line is made safe by `SafeText` (no control, escape,
/// bidirectional or other format character reaches the output: each shows as `�`) and cut to `lineLimit`
/// characters; a data value placed in a line should also be cut on its own with `SafeText.value` (the model's
/// messages already cut the values they quote, `TextSafety.quoted`). No command calls `print` itself.
public enum Console {
    /// The most characters of one line; a longer one is cut and ends with `…`.
    public static let lineLimit = 2000

    public enum Stream: Sendable {
        case output, error
        var file: UnsafeMutablePointer<FILE> { self == .output ? StandardStream.output : StandardStream.error }
    }

    /// The line as it will be written: sanitised and bounded (no newline).
    public static func safe(_ line: String) -> String {
        SafeText.sanitize(TextSafety.bounded(line, limit: lineLimit))
    }

    /// Writes one line (a newline inside it reads as a space) to standard output.
    public static func line(_ text: String) { write(safe(text), to: .output) }

    /// Writes text of several lines (the text snapshot, help), each made safe on its own.
    public static func lines(_ text: String, to stream: Stream = .output) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            write(safe(String(line)), to: stream)
        }
    }

    /// Writes a JSON document to standard output. `JSONValue` escapes every unsafe character as `\uXXXX` and cuts
    /// every string (`JSONValue.stringLimit`), so it is written as it is: a line cut here would break the JSON.
    public static func json(_ value: JSONValue, pretty: Bool = true) {
        write(value.serialized(pretty: pretty), to: .output)
    }

    /// An error or warning for the user on standard error, after the program's name.
    public static func error(_ message: String) { lines("proactive-tui: " + message, to: .error) }

    /// A line on standard error as it is given (an import's located error, a benchmark's log).
    public static func errorLine(_ text: String) { write(safe(text), to: .error) }

    /// A progress line on standard error that the next one overwrites (only drawn on a terminal): the carriage
    /// return and erase-to-end-of-line are the writer's own, the label is made safe like any line.
    public static func progress(_ text: String) {
        let out = "\r" + safe(text) + "\u{1b}[K"
        fputs(out, StandardStream.error)
        fflush(StandardStream.error)
    }

    /// Erases the progress line.
    public static func clearProgress() {
        fputs("\r\u{1b}[K", StandardStream.error)
        fflush(StandardStream.error)
    }

    private static func write(_ safeLine: String, to stream: Stream) {
        fputs(safeLine + "\n", stream.file)
        if stream == .error { fflush(StandardStream.error) }
    }
}
