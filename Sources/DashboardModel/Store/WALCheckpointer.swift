import Foundation
import GRDB

/// Checkpoints a store's WAL on a thread and connection of its own, when asked (after a commit), so that the
/// writer does not: a long write with autocheckpoint off asks after each of its commits, and goes on writing while
/// the pages are copied into the file (a passive checkpoint takes no lock a writer waits on).
///
/// `@unchecked Sendable`: `wanted`, `stopped`, `ended`, `runs` and `lastFailure` are read and written only with
/// `condition` locked (or, by tests, after `finish`); the connection is used on the checkpointing thread only.
final class WALCheckpointer: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let condition = NSCondition()
    private var wanted = false
    private var stopped = false
    private var ended = false
    /// Checkpoints that ran, and the last one's failure (a busy checkpointer elsewhere, an I/O error): reported,
    /// never thrown (the next checkpoint, or the writer's own, copies what this one did not).
    private(set) var runs = 0
    private(set) var lastFailure: String?

    init(path: String) throws {
        var config = GRDB.Configuration()
        config.busyMode = .immediateError
        queue = try DatabaseQueue(path: path, configuration: config)
        let thread = Thread { [self] in loop() }
        thread.name = "store checkpoint"
        thread.start()
    }

    /// A checkpoint is wanted (after the one under way, if any).
    func request() {
        condition.lock()
        wanted = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the checkpoint under way and any wanted, then ends the thread.
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !ended { condition.wait() }
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while true {
            while !wanted && !stopped { condition.wait() }
            guard wanted else { break }
            wanted = false
            condition.unlock()
            var failure: String?
            do {
                try queue.inDatabase { db in _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
            } catch {
                failure = "\(error)"
            }
            ImportTrace.mark("WAL checkpointed" + (failure.map { ": \($0)" } ?? ""))
            condition.lock()
            runs += 1
            if let failure { lastFailure = failure }
            condition.broadcast()
        }
        ended = true
        condition.broadcast()
        condition.unlock()
    }
}
