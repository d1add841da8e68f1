import Foundation
import Synchronization

/// Runs async work from a synchronous command's `run()` (the root command runs synchronously), blocking the main
/// thread until it ends.
enum AsyncBridge {
    private final class Outcome<T: Sendable>: Sendable { let result = Mutex<Result<T, Error>?>(nil) }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome<T>()
        Task.detached {
            let result: Result<T, Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            outcome.result.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = outcome.result.withLock({ $0 }) else { throw CancellationError() }
        return try result.get()
    }
}
