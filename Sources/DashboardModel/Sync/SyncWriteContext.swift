/// What a write transaction needs to know when it applies a sync page (`DeliveryStore.applySyncPage`).
struct SyncWriteContext: Equatable {
    /// The table the page was read from: a deletion entry without a context deletes from it.
    var table: SyncTable
    /// The number of the full read under way for `table` (written into the rows' `seen` column), nil outside one.
    var fullReadMark: Int64?
    /// Synced deliveries keep the ids of conversations the store has not read (`wantedConversationIds`).
    var collectsWantedConversations: Bool { table == .deliveries }

    /// The mark to write into rows of `table` applied now, nil when they are not marked.
    func mark(for other: SyncTable) -> Int64? { other == table ? fullReadMark : nil }
}
