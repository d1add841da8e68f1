import Foundation

/// The pages of one `DeliveryStore.applySyncPages` call, read on one reading thread from the first page to the last
/// while the writer's thread applies what the reading hands over (`PipelinedWrite`): a page is parsed and staged
/// while the batch before it goes into the B-tree, so neither thread waits on the other at a page's end. The reading
/// cuts the pages into transactions (`SyncCommitPolicy`) and asks the writer's side for each end
/// (`SyncTransactionWriter.end`) in the same stream, then goes on with the next transaction's pages while that end
/// runs: it stages at most one batch ahead of it (`PipelinedWrite.Sink.onWriterHoldingBatches`). The steps a page
/// takes on the writer (its sync context, and after the last page of a full read the deletion of the rows the
/// read did not see) go through the same channel, in order, between the batches and records.
///
/// Each page is applied as `DeliveryStore.applySyncPage` describes: its conversations (read by id) first, then its
/// rows; the deliveries of a transaction's pages are staged together and applied in sorted batches of up to
/// `StoreWriter.syncBatchLimit` (deliveries staged in another context, another table or full read, go first in
/// theirs), and every transaction's are handed over before its end.
///
/// Not `Sendable`: the reading thread owns `cursor`, `epoch` and `tally` until `PipelinedWrite.run` returns; the
/// writer's thread owns `writerSource`.
final class SyncTransactionPages {
    let table: SyncTable
    /// The table's cursor and full-read number, moved on by each page (reading thread).
    private var cursor: SyncCursor?
    private var epoch: Int64
    /// What the reading counted of the transaction under way (reading thread).
    private var tally = SyncTransactionTally()
    /// The page whose rows the writer applies now (writer's thread), for its errors.
    private var writerSource = ""

    init(table: SyncTable, state: SyncTableState) {
        self.table = table
        cursor = state.cursor
        epoch = state.epoch
    }

    /// Reads `first` and the pages `next` gives until `next` gives none, applying them through `side` in
    /// transactions of at most `policy`'s entries and age (from the first page's read); `next` is told the
    /// transaction's age (nil when the page would begin the next one) and the last end that has completed. Throws
    /// the first page that cannot be read (`ImportError`), a cursor that carries a credential (`StoreError`), or the
    /// writer's failure; the caller rolls the open transaction back then.
    func run(first: SyncPage, side: SyncTransactionWriter, policy: SyncCommitPolicy,
             next: @escaping (SyncPageRequest) throws -> SyncPage?) throws {
        side.stager.batchLimit = StoreWriter.syncBatchLimit
        // `next` is called on the reading thread, which has ended when `run` returns (it waits for it).
        // One batch waits while the writer applies another (the writer is the slower side: a second waiting batch
        // only held about 20 MB more).
        try PipelinedWrite.run(stager: side.stager, writer: { try side.begin() }, keepingStaged: true, recordsWait: false,
                               batchesAhead: 1, produce: { sink in
            var stagedContext: SyncWriteContext?
            var page: SyncPage? = first
            var started = Date()
            while var current = page.take() {
                try self.read(current, sink: sink, side: side, stagedContext: &stagedContext)
                // Read and staged: its bytes can take the next page that arrives.
                PageBuffers.shared.give(&current.bytes)
                if current.conversations != nil { PageBuffers.shared.give(&current.conversations!.bytes) }
                let age = Date().timeIntervalSince(started)
                if self.tally.entries >= policy.maxEntries || age >= policy.maxSeconds {
                    try self.endTransaction(sink: sink, side: side)
                    started = Date()
                    page = try next(SyncPageRequest(transactionAge: nil, lastEndSeconds: side.lastEndSeconds))
                } else {
                    page = try next(SyncPageRequest(transactionAge: age, lastEndSeconds: side.lastEndSeconds))
                    // The stream paused or ended.
                    if page == nil { try self.endTransaction(sink: sink, side: side) }
                }
            }
        }, describeWriterError: { error in
            if let failure = error as? SyncStoreFailure { return failure.error }
            if error is ImportError { return error }
            return ImportError(file: self.writerSource, reason: "the store refused the page's records: \(error)")
        })
    }

    /// Everything staged for the transaction goes, then its end; the reading goes on meanwhile.
    private func endTransaction(sink: PipelinedWrite.Sink, side: SyncTransactionWriter) throws {
        var tally = self.tally
        tally.cursor = cursor
        tally.epoch = epoch
        self.tally = SyncTransactionTally()
        try sink.handOverStaged()
        // The next transaction's store holds deliveries: its batches are probed, as any transaction's into such a
        // store (keeping the keys across ends would spare the probes but hold about 20 MB more at the peak).
        sink.stager.stopTrackingRepeatedKeys()
        try sink.onWriterHoldingBatches { try side.end(tally) }
    }

    /// One page on the reading thread: its conversations, its context, its rows, and the end of a full read.
    private func read(_ page: SyncPage, sink: PipelinedWrite.Sink, side: SyncTransactionWriter,
                      stagedContext: inout SyncWriteContext?) throws {
        if let link = page.cursor?.link, let problem = SyncSecrets.credentialProblem(inLink: link) {
            throw StoreError("the \(table.rawValue) cursor from \(SyncSecrets.redact(page.source)) was not stored: \(problem)")
        }
        if let companions = page.conversations {
            // Only its conversations: the answer to a query of conversations by id holds nothing else; the
            // deliveries of the transaction's earlier pages stay staged meanwhile (a deletion or a delivery here
            // would have to come after them).
            let reader = try Self.webAPIPageReader(companions.bytes, source: companions.source)
            let source = companions.source
            try sink.onWriter {
                try side.begin().sync = SyncWriteContext(table: .conversations, fullReadMark: nil)
                self.writerSource = source
            }
            try reader.read(staging: nil) { record, _ in
                self.tally.conversationEntries += 1
                if let record, case .conversation = record { try sink.emit(record) }
            }
            tally.conversationPages += companions.pages
        }
        let reader = try Self.webAPIPageReader(page.bytes, source: page.source)
        let plan = SyncPagePlan(stored: cursor, new: page.cursor, table: table, epoch: epoch)
        epoch = plan.epoch
        let context = SyncWriteContext(table: table, fullReadMark: plan.mark)
        if sink.stager.hasStaged, let staged = stagedContext, staged != context {
            try sink.onWriter { try side.begin().sync = staged }
            try sink.handOverStaged()
        }
        stagedContext = context
        let source = page.source
        try sink.onWriter {
            try side.begin().sync = context
            self.writerSource = source
        }
        try reader.read(staging: sink.stager) { record, _ in
            self.tally.entries += 1
            if let record { try sink.emit(record) } else { try sink.didStage() }
        }
        if plan.endsFullRead, let mark = plan.mark {
            // Every row of the read applied first, then those it did not see go.
            try sink.handOverStaged()
            let table = self.table
            try sink.onWriter { side.unseen += try side.begin().deleteUnseen(table, mark: mark) }
            tally.endedFullRead = true
        }
        if let cursor = page.cursor { self.cursor = cursor }
    }

    /// The import's reader over a Web API page (or pages one after another); anything else is refused.
    static func webAPIPageReader(_ bytes: [UInt8], source: String) throws -> RecordFileReader {
        let reader = try RecordFileReader(name: source, bytes: bytes)
        guard reader.format == .jsonPages else {
            throw ImportError(file: source, line: 1, reason: "not a Web API page (expected a JSON object with a \"value\" array)")
        }
        return reader
    }
}
