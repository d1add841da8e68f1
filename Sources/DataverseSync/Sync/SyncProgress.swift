import DashboardModel
import Foundation

/// How far a table's reading has come in this round (for the progress bar of an initial read).
public struct SyncProgress: Sendable {
    public enum Kind: String, Sendable { case fullRead = "full read", delta = "changes", polling = "polling", conversations = "conversations" }
    public var table: SyncTable
    public var kind: Kind
    public var pages: Int
    public var rows: Int
    /// From `$count` when the service gave one below its 5,000 cap.
    public var total: Int?
    public var seconds: Double

    public var rate: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    public init(table: SyncTable, kind: Kind, pages: Int, rows: Int, total: Int?, seconds: Double) {
        self.table = table
        self.kind = kind
        self.pages = pages
        self.rows = rows
        self.total = total
        self.seconds = seconds
    }
}

/// What one round did per table.
public struct TableRoundReport: Sendable {
    public var table: SyncTable
    public var kind: SyncProgress.Kind
    public var pages = 0
    public var rows = 0
    public var deleted = 0
    /// The delta token was refused and the table was read again from the start.
    public var restarted = false
    /// Read by modifiedon polling: deletions are not seen.
    public var deletionsInvisible = false

    mutating func add(_ read: SyncEngine.PagesRead) {
        pages += read.pages
        rows += read.rows
        deleted += read.deleted
    }

    public init(table: SyncTable, kind: SyncProgress.Kind) {
        self.table = table
        self.kind = kind
    }
}

public struct RoundReport: Sendable {
    public var tables: [TableRoundReport] = []
    public var failure: String?
    public var seconds: Double = 0

    public init(tables: [TableRoundReport] = [], failure: String? = nil, seconds: Double = 0) {
        self.tables = tables
        self.failure = failure
        self.seconds = seconds
    }

    public var rows: Int { tables.reduce(0) { $0 + $1.rows } }
    public var succeeded: Bool { failure == nil }
}
