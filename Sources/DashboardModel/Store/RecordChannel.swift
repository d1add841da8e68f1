import Foundation

/// A bounded queue between one producing thread and one consuming thread. `put` waits while the queue is full (of
/// items that count: `put(_:counts: false)` adds a light one, a step between them, without waiting);
/// `hold` makes those that count wait until `release`, whatever the room; `cancel` wakes both sides and makes every
/// later `put` throw, so a producer stops soon after the consumer fails.
///
/// `@unchecked Sendable`: `items`, `counted`, `held` and `cancelled` are read and written only with `condition` locked, and
/// the items themselves are `Sendable`; `capacity` never changes.
final class RecordChannel<Item: Sendable>: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var items: [(item: Item, counts: Bool)] = []
    /// Items in `items` that count against `capacity`.
    private var counted = 0
    private var cancelled = false
    /// Items that count wait to be put, whatever the room (`hold`, `release`).
    private var held = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: Item, counts: Bool = true) throws {
        condition.lock()
        defer { condition.unlock() }
        if counts {
            if counted >= capacity || held { ImportTrace.mark(held ? "producer waits: held" : "producer waits: queue full") }
            while (counted >= capacity || held) && !cancelled { condition.wait() }
        }
        if cancelled { throw Cancelled() }
        items.append((item, counts))
        if counts { counted += 1 }
        condition.broadcast()
    }

    /// The next item, waiting for one.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let (item, counts) = items.removeFirst()
        if counts { counted -= 1 }
        condition.broadcast()
        return item
    }

    /// Items that count wait in `put` from now until `release` (or `cancel`); light ones still go.
    func hold() {
        condition.lock()
        held = true
        condition.unlock()
    }

    func release() {
        condition.lock()
        held = false
        condition.broadcast()
        condition.unlock()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        counted = 0
        condition.broadcast()
        condition.unlock()
    }
}
