import Synchronization

/// The combinations (`combos`) as the last committed write transaction of this store object left them, so the next
/// transaction reads only the rows added since (by another process, say) instead of every combination: a sync applies
/// hundreds of small transactions, and loading a few thousand combinations each time cost a fifth of a page's work.
/// Updated only after a commit, so a transaction rolled back leaves nothing of its combinations here.
final class ComboCache: Sendable {
    struct Contents: Sendable {
        var ids: [ComboKey: Int64] = [:]
        var byId: [Int64: ComboKey] = [:]
        /// One past the highest id held.
        var next: Int64 = 1
    }

    private let contents = Mutex(Contents())

    var current: Contents { contents.withLock { $0 } }

    /// Keeps what a committed transaction ended with (never goes back to fewer combinations).
    func committed(_ new: Contents) {
        contents.withLock { if new.next >= $0.next { $0 = new } }
    }
}
