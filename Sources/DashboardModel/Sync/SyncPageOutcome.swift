/// What applying one sync page did.
public struct SyncPageOutcome: Sendable {
    /// Per table, as an import reports it (deletions in `Counts.deleted`, unknown ones in `unknownDeletions`).
    public var summary: ImportSummary
    /// Rows deleted by the page: its `$deletedEntity` entries, and at the end of a full read the rows not seen.
    public var deleted: Int
    /// Entries the page held (rows and deletions).
    public var rows: Int
    /// Of `deleted`, the rows the full read this page ended did not see.
    public var deletedAsUnseen: Int
    /// The page ended a full read (its cursor became `.delta`).
    public var endedFullRead: Bool
    /// Conversation entries applied with the pages (`SyncPage.conversations`), and their pages.
    public var conversationRows = 0
    public var conversationPages = 0
    /// Transactions committed (several pages may share one: `applySyncPages`).
    public var transactions = 0
    /// How long the end of the last transaction committed took, from its last page applied to its commit (nil: none).
    public var lastEndSeconds: Double?

    /// Nothing applied yet.
    public init() {
        self.init(summary: ImportSummary(), deleted: 0, rows: 0, deletedAsUnseen: 0, endedFullRead: false)
    }

    init(summary: ImportSummary, deleted: Int, rows: Int, deletedAsUnseen: Int, endedFullRead: Bool) {
        self.summary = summary
        self.deleted = deleted
        self.rows = rows
        self.deletedAsUnseen = deletedAsUnseen
        self.endedFullRead = endedFullRead
    }

    /// What another call applied, added to this one's.
    public mutating func add(_ other: SyncPageOutcome) {
        summary.add(other.summary)
        deleted += other.deleted
        rows += other.rows
        deletedAsUnseen += other.deletedAsUnseen
        endedFullRead = endedFullRead || other.endedFullRead
        transactions += other.transactions
        conversationRows += other.conversationRows
        conversationPages += other.conversationPages
        lastEndSeconds = other.lastEndSeconds ?? lastEndSeconds
    }
}
