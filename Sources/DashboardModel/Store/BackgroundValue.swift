import Foundation

/// A value computed on another thread: `value` waits for it. For independent work the writer can overlap with its
/// own SQLite writes (sorting, on a machine with a second core).
final class BackgroundValue<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    /// - Parameter inBackground: false computes the value here, at once (small work is not worth a thread).
    init(inBackground: Bool = true, _ compute: @escaping () -> T) {
        guard inBackground else {
            result = compute()
            done.signal()
            return
        }
        let thread = Thread { [self] in
            result = compute()
            done.signal()
        }
        thread.start()
    }

    var value: T {
        done.wait()
        done.signal()  // later reads return at once
        return result!
    }
}
