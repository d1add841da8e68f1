/// How `DeliveryStore.applySyncPages(table:policy:next:)` cuts a stream of pages into transactions: a transaction
/// commits once it holds `maxEntries` entries (rows and deletions) or has been open `maxSeconds`, whichever comes
/// first, or when the stream ends. Larger transactions cost the store less per row (random keys touch most B-tree
/// pages whatever the transaction's size); shorter ones show a running dashboard the rows sooner and lose less on a
/// kill (the next round resumes from the last commit's cursor).
public struct SyncCommitPolicy: Sendable {
    public var maxEntries: Int
    public var maxSeconds: Double

    public init(maxEntries: Int, maxSeconds: Double) {
        self.maxEntries = maxEntries
        self.maxSeconds = maxSeconds
    }

    /// 250,000 entries (50 pages of 5,000) or 2 seconds.
    public static let `default` = SyncCommitPolicy(maxEntries: 250_000, maxSeconds: 2)
    /// Every page of the stream in one transaction.
    public static let oneTransaction = SyncCommitPolicy(maxEntries: .max, maxSeconds: .infinity)
}
