import Dispatch
import Synchronization

/// Builds the block rows of a set of slot rows on another thread, so that the dashboard's first frame does not wait
/// for them (`AggregateIndex` starts one at the first refresh after a load and takes the result when it is done). The slot rows are
/// shared with the index, not copied: the index waits for the build (`wait`) before it changes its rows, and the
/// build lets go of them before it says it is done, so the index's next change copies nothing.
final class BlockRowsBuild: Sendable {
    private enum State {
        case building(SlotRows?)
        /// nil when the block rows could not be built (a sum beyond an Int32).
        case done(BlockRows?)
    }

    private let state: Mutex<State>
    private let finished = DispatchSemaphore(value: 0)
    let comboCount: Int

    init(rows: SlotRows, comboCount: Int) {
        state = Mutex(.building(rows))
        self.comboCount = comboCount
    }

    func start() {
        DispatchQueue.global(qos: .userInitiated).async { [self] in run() }
    }

    /// Builds on the calling thread unless another thread has begun (what the background thread runs). Returns
    /// whether it built.
    @discardableResult
    private func run() -> Bool {
        var rows: SlotRows? = state.withLock { state in
            guard case .building(let rows) = state else { return nil }
            state = .building(nil)
            return rows
        }
        guard rows != nil else { return false }
        let built = rows.map { BlockRows.build(from: $0, comboCount: comboCount) } ?? nil
        rows = nil  // the index's rows are no longer shared
        state.withLock { $0 = .done(built) }
        finished.signal()
        return true
    }

    /// The result if the build is done (nil inside when the rows could not be summed per block); nil while it runs.
    var result: BlockRows?? {
        state.withLock { state in
            if case .done(let rows) = state { return .some(rows) }
            return nil
        }
    }

    /// Waits for the build to end and returns its result.
    /// (Not begun yet: built here, rather than waiting for the thread.)
    func wait() -> BlockRows? {
        if let done = result { return done }
        run()
        finished.wait()
        finished.signal()  // a later wait returns at once
        return result ?? nil
    }
}
