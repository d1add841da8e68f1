/// A delivery version made ready for the store: its keys computed and its filterable values reduced to the number
/// of their combination without direction (the store knows the direction only when it applies the version).
/// The ids' text lives in the batch's `text` buffer, so a staged version is plain data: no allocation, no reference
/// counting, when it is made, sorted or applied.
struct StagedDelivery {
    /// `StableHash` of the delivery id: the row's key unless another id took it first.
    var key: Int64
    var created: Int64
    /// `modifiedon`, else `createdon`: the later version wins.
    var stamp: Int64
    /// `StableHash` of the conversation id; meaningful only when `hasConversation`.
    var conversationKey: Int64
    /// Number of the combination without direction (see `DeliveryStager.Base`).
    var base: Int32
    /// The delivery id and the conversation id: byte ranges of the batch's `text`.
    var idStart: Int32
    var idCount: Int32
    var conversationStart: Int32
    var conversationCount: Int32
    /// The stager saw this key earlier in the transaction (only meaningful when the batch's `repeatsTracked`).
    var keySeenBefore: Bool
    /// Where the delivery id's 16 packed bytes are in `text` when it is a GUID (`GUIDBytes`), else -1.
    var packedIdStart: Int32
    /// The row id (`msdyn_proactive_deliveryid`) when it differs from the delivery id: a byte range of `text`
    /// (count 0: none), with its 16 packed bytes at `packedRowIdStart` when it is a GUID (else -1).
    var rowIdStart: Int32 = 0
    var rowIdCount: Int32 = 0
    var packedRowIdStart: Int32 = -1
    /// Where the list columns' block (`StagedDetails`) starts in `text`.
    var detailsStart: Int32 = 0

    var hasConversation: Bool { conversationCount > 0 }
    var hasRowId: Bool { rowIdCount > 0 }
}

/// Staged versions handed from the stager to the writer, with the combinations numbered since the previous batch.
struct StagedBatch {
    /// The versions sorted by key (equal keys in staging order), as the writer applies them: it then reads them
    /// front to back, and the work of the jumps stays on the staging thread.
    var deliveries: [StagedDelivery] = []
    /// Where each of `deliveries` was staged (0 = first): the writer counts in staging order, in which neighbours
    /// mostly share their slot.
    var stagingPositions: [Int32] = []
    /// Creation time and stamp of each version in staging order.
    var stagedTimes: [(created: Int64, stamp: Int64)] = []
    /// UTF-8 of the ids the versions point into.
    var text: [UInt8] = []
    /// The stager tracked repeated keys (`keySeenBefore`): it does when the store held no delivery at the start.
    var repeatsTracked = false
    /// Values of the combinations numbered `firstNewBase`, `firstNewBase + 1`, ...
    var firstNewBase: Int32 = 0
    var newBases: [DeliveryStager.Base] = []
    /// Statuses, results and dial modes the program does not know, as `ImportSummary.unseenValues` words them.
    var unseenValues: Set<String> = []

    var isEmpty: Bool { deliveries.isEmpty && newBases.isEmpty && unseenValues.isEmpty }
}

/// A batch's id text, read by the writer while it applies the batch.
struct StagedText {
    let base: UnsafePointer<UInt8>

    func deliveryId(_ d: StagedDelivery) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + Int(d.idStart), count: Int(d.idCount))
    }

    /// The 16 bytes of a GUID delivery id, nil for an id kept as text.
    func packedId(_ d: StagedDelivery) -> UnsafeBufferPointer<UInt8>? {
        d.packedIdStart < 0 ? nil : UnsafeBufferPointer(start: base + Int(d.packedIdStart), count: 16)
    }

    func rowId(_ d: StagedDelivery) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + Int(d.rowIdStart), count: Int(d.rowIdCount))
    }

    /// The 16 bytes of a GUID row id, nil for a row id kept as text (or none).
    func packedRowId(_ d: StagedDelivery) -> UnsafeBufferPointer<UInt8>? {
        d.packedRowIdStart < 0 ? nil : UnsafeBufferPointer(start: base + Int(d.packedRowIdStart), count: 16)
    }

    func details(_ d: StagedDelivery) -> UnsafePointer<UInt8> { base + Int(d.detailsStart) }

    func conversationId(_ d: StagedDelivery) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + Int(d.conversationStart), count: Int(d.conversationCount))
    }
}
