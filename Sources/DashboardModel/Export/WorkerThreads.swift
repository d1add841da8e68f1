import Foundation

/// Runs `body(0)` on the calling thread and `body(1)` ... `body(count - 1)` on threads of their own, all at once,
/// and returns when every one has returned. Unlike `DispatchQueue.concurrentPerform`, which may run iterations one
/// after another when its pool is busy, every body is running at the same time: the export's workers wait for each
/// other (`ExportPieceBoard.agree`), which would never end if one of them had not started.
enum WorkerThreads {
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else { return body(0) }
        let done = DispatchGroup()
        for worker in 1..<count {
            done.enter()
            let thread = Thread {
                body(worker)
                done.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        body(0)
        done.wait()
    }
}
