/// A file that cannot be imported: where and why.
///
/// `description` reads like a compiler message:
/// `deliveries.csv:17: record 16, column createdon: cannot read timestamp "2026-13-01T00:00:00Z" (...)`,
/// and for JSON syntax errors `deliveries.json:12:17: record 3: invalid JSON: expected ':' after a key, found '"'`.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file path as it was given.
    public var file: String
    /// 1-based line: where the record starts, or for a syntax error the line of the offending byte.
    public var line: Int?
    /// 1-based record number within the file, when the problem belongs to a record.
    public var record: Int?
    /// The logical column name the problem is about (`createdon`), when there is one.
    public var column: String?
    /// 1-based character position within `line`, for syntax errors only.
    public var position: Int?
    public var reason: String

    public init(
        file: String, line: Int? = nil, record: Int? = nil, column: String? = nil, position: Int? = nil,
        reason: String
    ) {
        self.file = file
        self.line = line
        self.record = record
        self.column = column
        self.position = position
        self.reason = reason
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let position { text += ":\(position)" }
        }
        var parts: [String] = []
        if let record { parts.append("record \(record)") }
        if let column { parts.append("column \(column)") }
        if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        return text + ": " + reason
    }
}

/// A problem with one record's content, before it is given a location by the scanner that read the record.
struct RecordProblem: Error {
    var column: String?
    var reason: String
}
