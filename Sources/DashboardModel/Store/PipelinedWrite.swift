import Foundation

/// Feeds a `StoreWriter` from a producer of records running on a second thread: the producer reads (parses a file,
/// or generates demo data) and stages deliveries (`DeliveryStager`: ids hashed, combinations numbered) while the
/// calling thread, inside the write transaction, only applies staged batches to SQLite. On a machine with two cores
/// this takes the reading off the writer's path.
///
/// The writer's stager belongs to the producer's thread until the producer ends; the writer applies only what the
/// channel hands over. Other records (configurations, queues, conversations) are gathered a few at a time and
/// handed over before the batch of deliveries that follows them. Which versions win, and the counts, do not depend
/// on that order (see `StoreWriter`).
enum PipelinedWrite {
    fileprivate enum Item {
        case deliveries(StagedBatch)
        case records([ImportRecord])
        /// A step the producer asks the writer to take here, after everything handed over before it.
        case onWriter(HandedOver<() throws -> Void>)
        case failed(Error)
        case finished
    }

    /// What the producer hands its records to, on its own thread.
    final class Sink {
        /// Deliveries may be staged into it directly (then call `didStage`).
        let stager: DeliveryStager
        fileprivate let channel: RecordChannel<Item>
        private var others: [ImportRecord] = []

        fileprivate init(stager: DeliveryStager, channel: RecordChannel<Item>) {
            self.stager = stager
            self.channel = channel
        }

        func emit(_ record: ImportRecord) throws {
            if case .delivery(let delivery) = record {
                if stager.stage(delivery) { try handOverBatch() }
            } else if case .deletion = record {
                // A deletion follows the versions read before it (it may delete one of them): those go first.
                if stager.hasStaged { try handOverBatch() }
                others.append(record)
            } else {
                others.append(record)
                if others.count >= 1024 { try handOverOthers() }
            }
        }

        /// After a delivery was staged into `stager`: hands over the batch when it is full.
        func didStage() throws {
            if stager.isBatchFull { try handOverBatch() }
        }

        /// Runs `step` on the writer's thread once everything handed over before it is applied (the other records
        /// read so far go first; the deliveries staged and not handed over stay staged). The step belongs to the
        /// writer's thread from here on: it may use the writer, never the stager.
        func onWriter(_ step: @escaping () throws -> Void) throws {
            try handOverOthers()
            try channel.put(.onWriter(HandedOver(step)), counts: false)
        }

        /// `onWriter`, and until `step` has run no batch is handed over (the reading stages at most one more
        /// meanwhile; other records and steps still go): a sync's transaction ends in `step` while the reading goes
        /// on into the next one.
        func onWriterHoldingBatches(_ step: @escaping () throws -> Void) throws {
            try handOverOthers()
            channel.hold()
            let channel = self.channel
            try channel.put(.onWriter(HandedOver({
                defer { channel.release() }
                try step()
            })), counts: false)
        }

        /// Hands over every delivery staged so far (a batch, full or not) and the other records before it.
        func handOverStaged() throws {
            if stager.hasStaged { try handOverBatch() } else { try handOverOthers() }
        }

        /// The other records read so far go first, so that a conversation read before or among a batch's
        /// deliveries is stored when they are applied (they take its direction, no relink needed).
        private func handOverBatch() throws {
            try handOverOthers()
            try channel.put(.deliveries(stager.take()))
        }

        private func handOverOthers() throws {
            guard !others.isEmpty else { return }
            try channel.put(.records(others), counts: recordsCount)
            others.removeAll(keepingCapacity: true)
        }

        /// Whether groups of other records count against the channel's capacity (`run(recordsWait:)`).
        fileprivate var recordsCount = true

        /// Whether the deliveries staged when the producer ends stay in the stager (`run(keepingStaged:)`).
        fileprivate var keepsStaged = false

        fileprivate func end() throws {
            if keepsStaged { try handOverOthers() } else { try handOverBatch() }
            try channel.put(.finished)
        }
    }

    /// Runs `produce` on a second thread, handing records to the sink, and applies them to `writer` on this
    /// thread. Rethrows the producer's error, or the writer's (passed through `describeWriterError`). Returns when
    /// the producer's thread has ended.
    /// - Parameter keepingStaged: the deliveries staged and not yet handed over when the producer ends stay in the
    ///   writer's stager (applied by a later batch, or `StoreWriter.flushStaged`), so that the sync's pages of one
    ///   transaction go into the B-tree in larger sorted batches.
    /// - Parameter recordsWait: groups of other records count with the batches of deliveries against the channel's
    ///   capacity (`batchesAhead`); false: only the batches do (the sync's pages bring a few thousand conversations
    ///   each, the reading must not stop behind them while a batch is applied).
    /// - Parameter batchesAhead: items that count (above) handed over and not yet applied at most; the reading thread
    ///   waits beyond.
    static func run(_ writer: StoreWriter, keepingStaged: Bool = false, recordsWait: Bool = true, batchesAhead: Int = 2,
                    produce: @escaping (Sink) throws -> Void,
                    describeWriterError: (Error) -> Error = { $0 }) throws {
        writer.stagerLent = true
        defer { writer.stagerLent = false }
        try run(stager: writer.stager, writer: { writer }, keepingStaged: keepingStaged, recordsWait: recordsWait,
                batchesAhead: batchesAhead, produce: produce, describeWriterError: describeWriterError)
    }

    /// `run(_:...)` with the writer that applies each batch and record asked of `writer` (on this thread) when it
    /// comes: several writers, one transaction each, may take their turns while the producer stages into `stager`
    /// (which every one of them must share, and lend: `StoreWriter.stagerLent`).
    static func run(stager: DeliveryStager, writer: @escaping () throws -> StoreWriter, keepingStaged: Bool,
                    recordsWait: Bool, batchesAhead: Int, produce: @escaping (Sink) throws -> Void,
                    describeWriterError: (Error) -> Error) throws {
        let channel = RecordChannel<Item>(capacity: max(1, batchesAhead))
        let producerEnded = DispatchSemaphore(value: 0)
        let sink = Sink(stager: stager, channel: channel)
        sink.keepsStaged = keepingStaged
        sink.recordsCount = recordsWait
        // The producer closure and the sink (with the writer's stager, lent) belong to the reading thread from here
        // on; this thread uses only the channel (`Sendable`) until `producerEnded` says the reader is done.
        let reader = HandedOver((produce: produce, sink: sink))
        let thread = Thread {
            defer { producerEnded.signal() }
            let (produce, sink) = reader.value
            do {
                try produce(sink)
                ImportTrace.mark("reading done")
                try sink.end()
            } catch is RecordChannel<Item>.Cancelled {
                // The writer failed and said so; nothing more to hand over.
            } catch {
                try? channel.put(.failed(error))
            }
        }
        thread.name = "proactive-tui reader"
        thread.stackSize = 8 << 20
        thread.start()
        do {
            loop: while true {
                switch channel.take() {
                case .deliveries(let batch):
                    ImportTrace.mark("batch of \(batch.deliveries.count) taken")
                    do { try writer().apply(batch) } catch { throw describeWriterError(error) }
                    ImportTrace.mark("batch applied")
                case .records(let records):
                    do {
                        let writer = try writer()
                        for record in records { try writer.apply(record) }
                    } catch { throw describeWriterError(error) }
                case .onWriter(let step):
                    do { try step.value() } catch { throw describeWriterError(error) }
                case .failed(let error):
                    throw error
                case .finished:
                    break loop
                }
            }
        } catch {
            channel.cancel()
            producerEnded.wait()
            throw error
        }
        producerEnded.wait()
    }
}
