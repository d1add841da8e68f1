import Foundation

/// A bounded queue between one producing thread and one consuming thread. `put` waits while the queue is full;
/// `cancel` wakes both sides and makes every later `put` throw, so a producer stops soon after the consumer fails.
///
/// `@unchecked Sendable`: `items` and `cancelled` are read and written only with `condition` locked, and the items
/// themselves are `Sendable`; `capacity` never changes.
final class RecordChannel<Item: Sendable>: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var items: [Item] = []
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        if items.count >= capacity { ImportTrace.mark("producer waits: queue full") }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        items.append(item)
        condition.broadcast()
    }

    /// The next item, waiting for one.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
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
        condition.broadcast()
        condition.unlock()
    }
}
