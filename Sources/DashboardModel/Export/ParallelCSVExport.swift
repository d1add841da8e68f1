import Foundation

/// The CSV export on several threads: the selection is cut into pieces of created time (`pieceCuts`), each worker
/// reads pieces on its own connection and formats them into its own buffer, and the pieces go to the sink in
/// order (`ExportPieceBoard`). The bytes are exactly the sequential export's.
///
/// Why: reading a row along the index on `created` is a random visit of the table (rows are stored by key, a hash),
/// bound by memory latency, not by a lock; two connections do two such visits at once.
///
/// One state of the store: each worker's read is its own transaction, so before reading a row every worker names the
/// store's generation (bumped by every write that changes a delivery, in the same transaction) and they go on only
/// when all name the same one; otherwise `run` returns nil having written nothing, and the caller exports on one
/// read.
struct ParallelCSVExport {
    var exporter: DeliveryExporter
    var plan: DeliveryQuery.Plan
    var cuts: [Int64]
    var workers: Int

    /// The sink, called by one worker at a time: `ExportPieceBoard.finish` lets only the worker that holds the
    /// writing turn (taken and given back under the board's lock) write, so the calls never overlap and each sees
    /// the one before it. Hence `@unchecked Sendable`.
    private struct SinkHandle: @unchecked Sendable { let sink: ByteSink }

    func run(index: AggregateIndex, store: DeliveryStore, to sink: ByteSink) throws -> Int? {
        let pieceCount = cuts.count + 1
        let board = ExportPieceBoard(pieces: pieceCount, workers: workers, ahead: 2 * workers)
        let handle = SinkHandle(sink: sink)
        let (exporter, plan, cuts, catalog) = (exporter, plan, cuts, index.catalog)
        let estimate = 1 << 20
        WorkerThreads.run(workers) { _ in
            do {
                try store.read { db in
                    guard board.agree(on: try StoredInteger.generation(db)) else { return }
                    let reader = try DeliveryQuery.prepareRows(db, catalog: catalog)
                    let writer = CSVRowWriter(exporter: exporter, reader: reader)
                    while let piece = board.take() {
                        let buffer = ExportBuffer(capacity: estimate)
                        var rows = 0
                        let part = plan.narrowed(from: piece == 0 ? nil : cuts[piece - 1],
                                                 before: piece == cuts.count ? nil : cuts[piece])
                        try DeliveryQuery.forEachRow(db, plan: part) { statement in
                            try writer.append(statement, to: buffer)
                            rows += 1
                        }
                        try board.finish(piece, buffer, rows: rows) { try handle.sink.write(raw: $0) }
                    }
                }
            } catch {
                board.fail(error)
            }
        }
        if let error = board.error { throw error }
        return board.agreed ? board.rows : nil
    }
}
