import Foundation
import Synchronization

/// A value computed on another thread: `value` waits for it. For independent work the writer can overlap with its
/// own SQLite writes (sorting, on a machine with a second core).
final class BackgroundValue<T: Sendable>: Sendable {
    private let result = Mutex<T?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// - Parameter inBackground: false computes the value here, at once (small work is not worth a thread).
    init(inBackground: Bool = true, _ compute: @escaping @Sendable () -> T) {
        guard inBackground else {
            result.withLock { $0 = compute() }
            done.signal()
            return
        }
        let thread = Thread { [self] in
            let computed = compute()
            result.withLock { $0 = computed }
            done.signal()
        }
        thread.start()
    }

    var value: T {
        done.wait()
        done.signal()  // later reads return at once
        // Set before `done` was first signalled, never cleared.
        return result.withLock { $0! }
    }
}
