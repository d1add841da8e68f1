/// What `DeliveryStore.applySyncPages(table:now:policy:next:)` tells `next` when it asks for a page: enough for the
/// caller to decide how long to wait for one before the transaction commits (`CommitPatience` in the sync).
public struct SyncPageRequest: Sendable, Equatable {
    /// How long the transaction the page would join has been open, seconds; nil: none is open (the page would begin
    /// the next one).
    public var transactionAge: Double?
    /// How long the end of the call's last committed transaction took (its counts, links, snapshot and commit, from
    /// its last page applied to its commit), seconds; nil: none has ended yet in this call.
    public var lastEndSeconds: Double?

    public init(transactionAge: Double?, lastEndSeconds: Double?) {
        self.transactionAge = transactionAge
        self.lastEndSeconds = lastEndSeconds
    }
}
