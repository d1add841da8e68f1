import Foundation

/// Runs async work from a synchronous command's `run()` (the root command runs synchronously), blocking the main
/// thread until it ends.
enum AsyncBridge {
    private final class Outcome<T>: @unchecked Sendable { var result: Result<T, Error>? }

    static func run<T>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome<T>()
        Task.detached {
            do { outcome.result = .success(try await body()) } catch { outcome.result = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let result = outcome.result else { throw CancellationError() }
        return try result.get()
    }
}
