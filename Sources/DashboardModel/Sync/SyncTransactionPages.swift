import Foundation

/// The pages of one sync transaction, read on one reading thread from the first page to the last while the
/// writer's thread applies what the reading hands over (`PipelinedWrite`): a page is parsed and staged while the
/// batch before it goes into the B-tree, so neither thread waits on the other at a page's end. The steps a page
/// takes on the writer (its sync context, and after the last page of a full read the deletion of the rows the
/// read did not see) go through the same channel, in order, between the batches and records.
///
/// Each page is applied as `DeliveryStore.applySyncPage` describes: its conversations (read by id) first, then its
/// rows; the deliveries of the transaction's pages are staged together and applied in sorted batches of up to
/// `StoreWriter.syncBatchLimit` (deliveries staged in another context, another table or full read, go first in
/// theirs).
///
/// Not `Sendable`: the reading thread owns `state`, the counts and `streamEnded` until `PipelinedWrite.run` returns;
/// the writer's thread owns `unseen` and `writerSource`; both are read on the writer's thread after `run` returns.
final class SyncTransactionPages {
    let table: SyncTable
    /// The table's state, moved on by each page's cursor (reading thread).
    private(set) var state: SyncTableState
    /// Entries (rows and deletions) of the table's pages, and of the conversations that came with them.
    private(set) var entries = 0
    private(set) var conversationEntries = 0
    private(set) var conversationPages = 0
    /// A page ended a full read.
    private(set) var endedFullRead = false
    /// `next` had no page within its wait: the stream of pages paused or ended.
    private(set) var streamEnded = false
    /// Rows the end of a full read deleted (writer's thread).
    private(set) var unseen = 0
    /// The page whose rows the writer applies now (writer's thread), for its errors.
    private var writerSource = ""

    init(table: SyncTable, state: SyncTableState) {
        self.table = table
        self.state = state
    }

    /// Reads `first` and the pages `next` gives while the transaction may take more (`policy`, from `started`),
    /// applying them through `writer`; `next` is told the transaction's age and `lastEndSeconds` (the end of the
    /// transaction before, if any). Throws the first page that cannot be read (`ImportError`), a cursor that
    /// carries a credential (`StoreError`), or the writer's failure; the caller rolls the transaction back then.
    func run(first: SyncPage, writer: StoreWriter, policy: SyncCommitPolicy, started: Date, lastEndSeconds: Double?,
             next: @escaping (SyncPageRequest) throws -> SyncPage?) throws {
        writer.stager.batchLimit = StoreWriter.syncBatchLimit
        // `next` is called on the reading thread, which has ended when `run` returns (it waits for it).
        // One batch waits while the writer applies another (the writer is the slower side: a second waiting batch
        // only held about 20 MB more).
        try PipelinedWrite.run(writer, keepingStaged: true, recordsWait: false, batchesAhead: 1, produce: { sink in
            var stagedContext: SyncWriteContext?
            var page: SyncPage? = first
            while var current = page.take() {
                try self.read(current, sink: sink, writer: writer, stagedContext: &stagedContext)
                // Read and staged: its bytes can take the next page that arrives.
                PageBuffers.shared.give(&current.bytes)
                if current.conversations != nil { PageBuffers.shared.give(&current.conversations!.bytes) }
                let age = Date().timeIntervalSince(started)
                if self.entries >= policy.maxEntries || age >= policy.maxSeconds {
                    page = nil
                } else {
                    page = try next(SyncPageRequest(transactionAge: age, lastEndSeconds: lastEndSeconds))
                    if page == nil { self.streamEnded = true }
                }
            }
        }, describeWriterError: { error in
            if error is ImportError { return error }
            return ImportError(file: self.writerSource, reason: "the store refused the page's records: \(error)")
        })
    }

    /// One page on the reading thread: its conversations, its context, its rows, and the end of a full read.
    private func read(_ page: SyncPage, sink: PipelinedWrite.Sink, writer: StoreWriter,
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
                writer.sync = SyncWriteContext(table: .conversations, fullReadMark: nil)
                self.writerSource = source
            }
            try reader.read(staging: nil) { record, _ in
                self.conversationEntries += 1
                if let record, case .conversation = record { try sink.emit(record) }
            }
            conversationPages += companions.pages
        }
        let reader = try Self.webAPIPageReader(page.bytes, source: page.source)
        let plan = SyncPagePlan(stored: state.cursor, new: page.cursor, table: table, epoch: state.epoch)
        state.epoch = plan.epoch
        let context = SyncWriteContext(table: table, fullReadMark: plan.mark)
        if sink.stager.hasStaged, let staged = stagedContext, staged != context {
            try sink.onWriter { writer.sync = staged }
            try sink.handOverStaged()
        }
        stagedContext = context
        let source = page.source
        try sink.onWriter {
            writer.sync = context
            self.writerSource = source
        }
        try reader.read(staging: sink.stager) { record, _ in
            self.entries += 1
            if let record { try sink.emit(record) } else { try sink.didStage() }
        }
        if plan.endsFullRead, let mark = plan.mark {
            // Every row of the read applied first, then those it did not see go.
            try sink.handOverStaged()
            let table = self.table
            try sink.onWriter { self.unseen += try writer.deleteUnseen(table, mark: mark) }
            endedFullRead = true
        }
        if let cursor = page.cursor { state.cursor = cursor }
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
