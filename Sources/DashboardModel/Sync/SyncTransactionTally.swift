/// What the reading counted in one transaction, handed to its end (`SyncTransactionWriter.end`).
struct SyncTransactionTally {
    /// Entries (rows and deletions) of the table's pages, and of the conversations that came with them.
    var entries = 0
    var conversationEntries = 0
    var conversationPages = 0
    /// A page ended a full read.
    var endedFullRead = false
    /// The table's cursor and full-read number after the transaction's last page.
    var cursor: SyncCursor?
    var epoch: Int64 = 0
}
