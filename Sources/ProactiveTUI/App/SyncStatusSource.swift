import DashboardModel

/// Reads the store's sync state for the header only when the store's sync generation has moved since the last
/// look (one small query per refresh otherwise), never per frame.
final class SyncStatusSource {
    private let store: DeliveryStore
    private var seen: Int64 = -1
    /// Nil for a store that was never synced (or while it cannot be read).
    private(set) var indicator: SyncIndicator?

    init(store: DeliveryStore) { self.store = store }

    /// Looks again; true when the indicator changed.
    @discardableResult
    func refresh() -> Bool {
        guard let generation = try? store.syncGeneration(), generation != seen,
              let status = try? store.syncStatus() else { return false }
        seen = generation
        let next = SyncIndicator(status: status)
        defer { indicator = next }
        return next != indicator
    }
}
