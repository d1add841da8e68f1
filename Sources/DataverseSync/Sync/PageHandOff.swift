import DashboardModel
import Foundation

/// Pages on their way from the sync's fetching stages (async, never blocked here) to the store's thread, which takes
/// them inside an open transaction and may wait for the next one (`take(waiting:)`). `close()` ends the stream (the
/// store commits what it took); `refuse()` is the store's side failing: later `put`s say so and drop the page.
///
/// `@unchecked Sendable`: `pages`, `closed` and `refused` are read and written only with `condition` locked, and
/// pages are `Sendable`.
final class PageHandOff: @unchecked Sendable {
    private let condition = NSCondition()
    private var pages: [SyncPage] = []
    private var closed = false
    private var refused = false
    /// Called (on the store's thread) for each page taken: the fetching side counts what waits.
    private let taken: @Sendable () -> Void

    init(taken: @escaping @Sendable () -> Void) { self.taken = taken }

    /// Hands a page over; false when the store has failed (the page is dropped).
    @discardableResult
    func put(_ page: SyncPage) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !refused else { return false }
        pages.append(page)
        condition.broadcast()
        return true
    }

    /// No more pages.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The store failed: pages put from now on are dropped.
    func refuse() {
        condition.lock()
        refused = true
        pages.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next page, waiting at most `seconds` for one (`.infinity`: until one comes or the stream ends); nil when
    /// none came in time or the stream has ended with none left.
    func take(waiting seconds: Double) -> SyncPage? {
        condition.lock()
        defer { condition.unlock() }
        // (`wait(until: .distantFuture)` traps in Foundation on Linux: its timespec overflows.)
        let deadline = seconds.isFinite ? Date().addingTimeInterval(seconds) : nil
        while pages.isEmpty && !closed {
            if let deadline {
                if !condition.wait(until: deadline) { break }
            } else {
                condition.wait()
            }
        }
        guard !pages.isEmpty else { return nil }
        let page = pages.removeFirst()
        taken()
        return page
    }

    /// Whether the stream has ended with no page left.
    var isDrained: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed && pages.isEmpty
    }
}
