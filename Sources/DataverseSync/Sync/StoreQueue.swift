import Dispatch

/// Runs the store's work (a transaction of pages: hundreds of milliseconds of SQLite) on a thread of its own, off
/// Swift's cooperative pool: the pool has a thread per core (two here), and a transaction blocking one of them
/// would leave the page fetches and their conversation stage one thread between them.
final class StoreQueue: Sendable {
    private let queue = DispatchQueue(label: "proactive-tui.sync.store", qos: .userInitiated)

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
