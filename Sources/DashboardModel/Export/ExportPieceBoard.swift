import Foundation

/// Where the export's workers meet: the pieces are handed out in order, each finished piece is written to the sink
/// in order (by whichever worker finds it next in line, one writer at a time), and a worker waits before taking a
/// piece more than `ahead` pieces past the last one written, so at most that many pieces are held in memory.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is locked.
final class ExportPieceBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private let pieces: Int
    private let workers: Int
    private let ahead: Int
    private var nextToTake = 0
    private var nextToWrite = 0
    private var writing = false
    private var finished: [Int: (buffer: ExportBuffer, rows: Int)] = [:]
    private var generations: [Int64] = []
    private var failure: (any Error)?
    private var rowsWritten = 0
    private var agreement: Bool?

    init(pieces: Int, workers: Int, ahead: Int) {
        self.pieces = pieces
        self.workers = workers
        self.ahead = max(ahead, workers)
    }

    var error: (any Error)? { condition.withLock { failure } }
    var rows: Int { condition.withLock { rowsWritten } }

    /// Each worker names the store's generation its read sees and waits for the others: true when every worker
    /// sees the same one (the reads then see one state of the store), false when they differ or a worker failed.
    func agree(on generation: Int64) -> Bool {
        condition.withLock {
            generations.append(generation)
            condition.broadcast()
            while generations.count < workers && failure == nil { condition.wait() }
            let same = failure == nil && Set(generations).count == 1
            agreement = same
            return same
        }
    }

    /// Whether the workers' reads agreed on one state of the store.
    var agreed: Bool { condition.withLock { agreement ?? false } }

    /// The next piece to read, or nil when none is left (or a worker failed).
    func take() -> Int? {
        condition.withLock {
            while failure == nil && nextToTake < pieces && nextToTake - nextToWrite >= ahead { condition.wait() }
            guard failure == nil, nextToTake < pieces else { return nil }
            nextToTake += 1
            return nextToTake - 1
        }
    }

    /// Hands a finished piece over; writes it, and the pieces after it that are ready, when it is next in line.
    func finish(_ piece: Int, _ buffer: ExportBuffer, rows: Int, write: (UnsafeRawBufferPointer) throws -> Void) throws {
        condition.lock()
        finished[piece] = (buffer, rows)
        while failure == nil, !writing, let next = finished.removeValue(forKey: nextToWrite) {
            writing = true
            condition.unlock()
            do {
                try write(next.buffer.bytes)
            } catch {
                fail(error)
                throw error
            }
            condition.lock()
            writing = false
            rowsWritten += next.rows
            nextToWrite += 1
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Stops every worker at its next call; the first error is kept.
    func fail(_ error: any Error) {
        condition.withLock {
            if failure == nil { failure = error }
            writing = false
            condition.broadcast()
        }
    }
}
