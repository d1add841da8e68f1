/// One record read from an import file, already typed by the table it belongs to.
public enum ImportRecord: Sendable, Hashable {
    case delivery(Delivery)
    case configuration(Configuration)
    case queue(Queue)
    case conversation(Conversation)
    /// A row the service deleted (a `$deletedEntity` entry of a delta page): applying it deletes the row.
    case deletion(DeletedRecord)
}

/// Where a record came from, for summaries and error messages.
public struct RecordLocation: Sendable, Hashable {
    /// The file path as it was given.
    public var file: String
    /// 1-based line on which the record starts.
    public var line: Int
    /// 1-based number of the record within the file (CSV: the header is not a record).
    public var record: Int

    public init(file: String, line: Int, record: Int) {
        self.file = file
        self.line = line
        self.record = record
    }
}
