import Foundation

/// Turns delivery versions into `StagedDelivery` values: hashes the ids and numbers each distinct combination of
/// filterable values (direction aside) in order of first sight. Doing this apart from the writer lets a file import
/// stage records on the reading thread while the writer's thread does only SQLite's work.
///
/// One stager serves one `StoreWriter`; it is used by one thread at a time (the writer's, or an import's reader
/// while the writer only applies batches).
final class DeliveryStager {
    /// The filterable values of a delivery other than its direction.
    struct Base: Hashable {
        var channel: String
        var queueId: String
        var configId: String
        var status: String
        var result: String
        var dialMode: String
        var engagementType: String

        // A cheap hash: the length and the first and last bytes of each value. Values of one column repeat as the
        // same few strings, so this spreads them well, and equality settles the rare tie.
        func hash(into hasher: inout Hasher) {
            var h = Self.digest(channel)
            h = (h &* 0x9E37_79B9_7F4A_7C15) ^ Self.digest(queueId)
            h = (h &* 0x9E37_79B9_7F4A_7C15) ^ Self.digest(configId)
            h = (h &* 0x9E37_79B9_7F4A_7C15) ^ Self.digest(status)
            h = (h &* 0x9E37_79B9_7F4A_7C15) ^ Self.digest(result)
            h = (h &* 0x9E37_79B9_7F4A_7C15) ^ Self.digest(dialMode)
            h = (h &* 0x9E37_79B9_7F4A_7C15) ^ Self.digest(engagementType)
            hasher.combine(h)
        }

        @inline(__always) private static func digest(_ text: String) -> UInt64 {
            var copy = text  // withUTF8 makes it contiguous if it is not: equal values always digest alike
            return copy.withUTF8 { bytes -> UInt64 in
                let n = bytes.count
                var d = UInt64(n)
                for i in 0..<min(n, 8) { d = d &* 31 &+ UInt64(bytes[i]) }
                for i in max(n - 8, 0)..<n { d = d &* 31 &+ UInt64(bytes[i]) }
                return d
            }
        }

        func comboKey(_ direction: Direction) -> ComboKey {
            ComboKey(channel: channel, queueId: queueId, configId: configId, status: status, result: result,
                     dialMode: dialMode, engagementType: engagementType, direction: direction)
        }
    }

    /// Batches start small, so the writer starts soon, and grow: the larger a sorted batch, the closer together
    /// its keys fall in the B-tree.
    static let firstBatchSize = 16_384, maxBatchSize = 262_144
    private(set) var batchSize = DeliveryStager.firstBatchSize
    /// Near the end of a file, batches shrink again (`noteRead`): the writer applies the last batch after the
    /// reading ends, alone, so a small last batch shortens the import by nearly a full batch's writing time.
    private var tailLimit = Int.max
    private var stagedTotal = 0
    /// At most this many versions a batch (the sync's batches, which span its pages, keep memory bounded). A batch
    /// with a limit spans the files (pages) read into it: the end of one is not the end of the batch, so `noteRead`
    /// does not shrink it.
    var batchLimit = Int.max
    /// Whether the pending batch should be handed over now.
    var isBatchFull: Bool {
        batch.deliveries.count >= min(batchSize, tailLimit, batchLimit) || batch.text.count >= Self.maxArenaBytes
    }
    /// The batch's byte arena is addressed by Int32 offsets: it is handed over past 1 GiB (a row adds at most
    /// about 20 KiB: ids of at most `RecordFields.maxIdBytes`, detail texts of at most `maxDetailBytes`).
    static let maxArenaBytes = 1 << 30

    /// Told by a file's reader how far it has read: the deliveries left are estimated from those staged so far,
    /// and a batch then holds at most half of them (never fewer than `firstBatchSize`).
    func noteRead(_ done: Int, of total: Int) {
        guard batchLimit == Int.max, done > 0, total > done, stagedTotal > 0 else { return }
        let remaining = Double(stagedTotal) * Double(total - done) / Double(done)
        tailLimit = max(Self.firstBatchSize, Int(remaining / 2))
    }

    private var numbers: [Base: Int32] = [:]
    /// Keys staged so far, while the store is known to have held no delivery when the transaction began: then a
    /// key is taken exactly when it was staged before, and the writer need not ask SQLite. Dropped past a limit
    /// (bounded memory); batches say whether they were tracked.
    private var seenKeys: KeySet?
    static let seenKeyLimit = 8_000_000

    /// Called by the writer before anything is staged, when the store holds no delivery.
    func trackRepeatedKeys() {
        seenKeys = KeySet()
        batch.repeatsTracked = true
    }
    private var batch = StagedBatch()
    /// The byte arena reserved per delivery a batch may hold: what the last batch used, and a sixteenth more. An arena
    /// that outgrows its reserve is copied whole into a new one twice the size (and its fresh pages faulted in).
    private var textBytesPerDelivery = 256

    /// Forgets the keys staged so far (their memory goes): later batches are not tracked.
    func stopTrackingRepeatedKeys() {
        seenKeys = nil
        batch.repeatsTracked = false
    }


    /// Stages one version; true when the batch is full (take it).
    @discardableResult
    func stage(_ delivery: Delivery) -> Bool {
        var id = delivery.deliveryId, conversation = delivery.conversationId, rowId = delivery.rowId
        return id.withUTF8 { id in
            conversation.withUTF8 { conversation in
                rowId.withUTF8 { rowId in
                    stage(id: id, conversation: conversation, rowId: rowId, created: delivery.createdOn,
                          stamp: delivery.versionStamp, base: Base(delivery), details: DetailValues(delivery.details))
                }
            }
        }
    }

    /// Stages one version given as the UTF-8 of its (normalised) ids; an empty conversation means none, an empty
    /// row id (or one equal to the delivery id) means the row id is the delivery id or unknown.
    @discardableResult
    func stage(id: UnsafeBufferPointer<UInt8>, conversation: UnsafeBufferPointer<UInt8>,
               rowId: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0), created: Int64,
               stamp: Int64, base: Base, details: DetailValues = DetailValues()) -> Bool {
        if batch.deliveries.isEmpty {
            batch.deliveries.reserveCapacity(min(batchSize, batchLimit))
            batch.text.reserveCapacity(min(batchSize, batchLimit) * textBytesPerDelivery)
        }
        let idStart = Int32(batch.text.count)
        batch.text.append(contentsOf: id)
        var packedIdStart: Int32 = -1
        if let guid = GUIDBytes.pack(id) {
            packedIdStart = Int32(batch.text.count)
            GUIDBytes.append(guid, to: &batch.text)
        }
        let conversationStart = Int32(batch.text.count)
        batch.text.append(contentsOf: conversation)
        var rowIdStart: Int32 = 0, rowIdCount: Int32 = 0, packedRowIdStart: Int32 = -1
        if rowId.count > 0, !Self.same(rowId, id) {
            rowIdStart = Int32(batch.text.count)
            rowIdCount = Int32(rowId.count)
            batch.text.append(contentsOf: rowId)
            if let guid = GUIDBytes.pack(rowId) {
                packedRowIdStart = Int32(batch.text.count)
                GUIDBytes.append(guid, to: &batch.text)
            }
        }
        let detailsStart = StagedDetails.append(details, conversation: conversation, to: &batch.text)
        let key = StableHash.of(id.baseAddress, id.count)
        var seen = false
        if seenKeys != nil {
            seen = seenKeys!.contains(key)
            if !seen { seenKeys!.insert(key) }
            if seenKeys!.count > Self.seenKeyLimit { stopTrackingRepeatedKeys() }
        }
        batch.deliveries.append(StagedDelivery(
            key: key, created: created, stamp: stamp,
            conversationKey: conversation.isEmpty ? 0 : StableHash.of(conversation.baseAddress, conversation.count),
            base: number(base), idStart: idStart, idCount: Int32(id.count),
            conversationStart: conversationStart, conversationCount: Int32(conversation.count),
            keySeenBefore: seen, packedIdStart: packedIdStart, rowIdStart: rowIdStart, rowIdCount: rowIdCount,
            packedRowIdStart: packedRowIdStart, detailsStart: detailsStart))
        stagedTotal += 1
        return isBatchFull
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    /// Whether a version is staged and not yet taken.
    var hasStaged: Bool { !batch.deliveries.isEmpty }

    /// The staged versions and new combinations since the last call.
    func take() -> StagedBatch {
        var taken = batch
        if !taken.deliveries.isEmpty {
            batchSize = min(batchSize * 2, Self.maxBatchSize)
            let used = taken.text.count / taken.deliveries.count
            textBytesPerDelivery = min(max(used + used / 16, 64), 1_024)
        }
        // Sorted here, on the staging thread, so the writer walks the B-tree in key order: pairs of key and position
        // (no jump back into the staged values per comparison), then the versions themselves put in that order.
        var pairs = taken.deliveries.enumerated().map { (key: $0.element.key, position: Int32($0.offset)) }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        taken.stagedTimes = taken.deliveries.map { ($0.created, $0.stamp) }
        taken.deliveries = taken.deliveries.withUnsafeBufferPointer { staged in pairs.map { staged[Int($0.position)] } }
        taken.stagingPositions = pairs.map(\.position)
        batch = StagedBatch(repeatsTracked: seenKeys != nil, firstNewBase: Int32(numbers.count))
        return taken
    }

    private func number(_ base: Base) -> Int32 {
        if let n = numbers[base] { return n }
        let n = Int32(numbers.count)
        numbers[base] = n
        batch.newBases.append(base)
        // Each distinct value meets the known lists once per combination, not once per delivery.
        if !DeliveryStatus(base.status).isKnown { batch.unseenValues.insert("status " + TextSafety.quoted(base.status)) }
        if !base.result.isEmpty, !DeliveryResult(base.result).isKnown {
            batch.unseenValues.insert("result " + TextSafety.quoted(base.result))
        }
        if !base.dialMode.isEmpty, !DialMode(base.dialMode).isKnown {
            batch.unseenValues.insert("dial mode " + TextSafety.quoted(base.dialMode))
        }
        return n
    }
}

extension DeliveryStager.Base {
    init(_ d: Delivery) {
        self.init(channel: d.channel, queueId: d.queueId, configId: d.configId, status: d.status, result: d.result,
                  dialMode: d.dialMode, engagementType: d.engagementType)
    }
}
