import Foundation

/// The sync's visible state (`sync --status`, the dashboard header, wall mode), as the store keeps it.
public struct SyncStatus: Sendable, Equatable {
    /// The organization's URL (scheme, host and path only).
    public var org: String?
    public var lastSuccess: Date?
    public var lastAttempt: Date?
    /// When the failures under way began; nil when the last attempt succeeded.
    public var failingSince: Date?
    /// The last failure's message (tokens removed); nil after a success.
    public var lastError: String?
    /// Rows the store holds per synced table (kept by the sync: exact at the end of each full read, then moved by
    /// each page's inserts and deletions).
    public var rowsByTable: [SyncTable: Int]
    /// `fullRead`, `delta` or `polling` per table that has a cursor.
    public var cursorKindByTable: [SyncTable: String]
    /// How far the store is behind the service, in seconds: the service's clock at the last success (its `Date`
    /// header, `recordSyncSuccess(serverTime:)`) minus the newest `modifiedon` the sync has applied. An upper
    /// bound: it also grows while the service has no changes. Nil before both are known.
    public var lagSeconds: Double?
    /// The service's clock at the last success.
    public var serverTime: Date?
    /// False for a table read by `modifiedon` polling (deletions there cannot be seen).
    public var deletionsVisible: [SyncTable: Bool]
    /// A full read is under way for these tables.
    public var fullReadUnderWay: Set<SyncTable>
}
