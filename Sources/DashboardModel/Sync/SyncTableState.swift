import Foundation
import GRDB

/// One row of `sync_tables`: where the reading of a table stands and what the sync knows of it.
struct SyncTableState {
    var table: SyncTable
    var cursor: SyncCursor?
    /// The number of the latest full read (rows it saw carry it in their `seen` column).
    var epoch: Int64 = 0
    var rows: Int64 = 0
    /// The newest `modifiedon` (else `createdon`) the sync applied to this table, epoch seconds.
    var newestModified: Int64?

    static func load(_ db: Database, _ table: SyncTable) throws -> SyncTableState? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_tables WHERE name = ?", arguments: [table.rawValue])
        else { return nil }
        return SyncTableState(row: row, table: table)
    }

    static func loadAll(_ db: Database) throws -> [SyncTableState] {
        try Row.fetchAll(db, sql: "SELECT * FROM sync_tables").compactMap { row in
            let name: String? = row["name"]
            return name.flatMap(SyncTable.init(rawValue:)).map { SyncTableState(row: row, table: $0) }
        }
    }

    init(table: SyncTable, cursor: SyncCursor? = nil, epoch: Int64 = 0, rows: Int64 = 0, newestModified: Int64? = nil) {
        self.table = table
        self.cursor = cursor
        self.epoch = epoch
        self.rows = rows
        self.newestModified = newestModified
    }

    private init(row: Row, table: SyncTable) {
        self.table = table
        let kind: String? = row["cursor_kind"]
        let link: String? = row["link"]
        let startedAt: Int64? = row["started_at"]
        let since: Int64? = row["since"]
        switch kind {
        case "fullRead": cursor = .fullRead(nextLink: link, startedAt: Self.date(startedAt ?? 0))
        case "delta": cursor = link.map { .delta(deltaLink: $0) }
        case "polling": cursor = .polling(since: Self.date(since ?? 0))
        default: cursor = nil
        }
        epoch = row["epoch"] ?? 0
        rows = row["rows"] ?? 0
        newestModified = row["newest_modified"]
    }

    func save(_ db: Database) throws {
        var startedAt: Int64?, since: Int64?
        switch cursor {
        case .fullRead(_, let started): startedAt = Self.milliseconds(started)
        case .polling(let from): since = Self.milliseconds(from)
        default: break
        }
        try db.execute(sql: """
            INSERT OR REPLACE INTO sync_tables(name, cursor_kind, link, started_at, since, epoch, rows, newest_modified)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [table.rawValue, cursor?.kind ?? "none", cursor?.link, startedAt, since, epoch, rows, newestModified])
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// The rows of a table as the store holds them now (counted: once per table and full read).
    static func countRows(_ db: Database, _ table: SyncTable) throws -> Int64 {
        let name: String
        switch table {
        case .deliveries: name = "deliveries"
        case .configurations: name = "configurations"
        case .queues: name = "queues"
        case .conversations: name = "conversations"
        }
        return try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(name)") ?? 0
    }
}
