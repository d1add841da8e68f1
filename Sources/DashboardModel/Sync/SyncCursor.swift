import Foundation

/// Where a table's reading stands, saved in the store in the same transaction as the rows of the page it follows
/// (`DeliveryStore.applySyncPage`), so a sync killed at any moment resumes with no row lost or counted twice.
public enum SyncCursor: Sendable, Equatable {
    /// A full read under way; `nextLink` nil = start (or restart) it. Pages with the same `startedAt` belong to the
    /// same full read (compared to the millisecond).
    case fullRead(nextLink: String?, startedAt: Date)
    /// A completed read: GET this link for the changes since.
    case delta(deltaLink: String)
    /// A table without change tracking: `modifiedon` polling (deletions cannot be seen).
    case polling(since: Date)

    /// How `SyncStatus.cursorKindByTable` (and `sync_tables.cursor_kind`) names a full read.
    static let fullReadKind = "fullRead"

    /// How `SyncStatus.cursorKindByTable` names it.
    public var kind: String {
        switch self {
        case .fullRead: Self.fullReadKind
        case .delta: "delta"
        case .polling: "polling"
        }
    }

    var isFullRead: Bool {
        if case .fullRead = self { true } else { false }
    }

    /// The link it holds, if any.
    var link: String? {
        switch self {
        case .fullRead(let link, _): link
        case .delta(let link): link
        case .polling: nil
        }
    }
}
