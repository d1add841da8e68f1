import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// The writer's in-memory tables, and the store migration that introduced conversation links.
@Suite struct StoreStructuresTests {
    @Test func slotDeltaTableSumsPerPairThroughGrowthIncludingNegativeSlots() {
        var table = SlotDeltaTable(capacity: 4)
        var plain: [String: Int64] = [:]
        for i in 0..<5_000 {
            let slot = Int64(i % 300) - 150  // slots before 1970 are negative
            let combo = Int64(i % 7)
            let delta: Int64 = i % 3 == 0 ? -1 : 2
            table.add(slot: slot, combo: combo, delta)
            plain["\(slot)/\(combo)", default: 0] += delta
        }
        let entries = table.sortedEntries()
        #expect(entries.count == plain.values.filter { $0 != 0 }.count)
        for e in entries { #expect(plain["\(e.slot)/\(e.combo)"] == e.delta) }
        #expect(entries.map { [$0.slot, $0.combo] } == entries.map { [$0.slot, $0.combo] }.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(table.count == Set(plain.keys).count)

        // Slots past 32 bits (no real timestamp gives one) still sort, by the slower path.
        var wide = SlotDeltaTable(capacity: 4)
        for slot: Int64 in [1 << 40, -(1 << 40), 5, -5, Int64(Int32.max), Int64(Int32.min)] {
            wide.add(slot: slot, combo: 2, 1)
            wide.add(slot: slot, combo: 1, 1)
        }
        let low = Int64(Int32.min), high = Int64(Int32.max), far: Int64 = 1 << 40
        let wideSlots: [Int64] = [-far, -far, low, low, -5, -5, 5, 5, high, high, far, far]
        let wideCombos: [Int64] = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]
        #expect(wide.sortedEntries().map(\.slot) == wideSlots)
        #expect(wide.sortedEntries().map(\.combo) == wideCombos)
        var narrow = SlotDeltaTable(capacity: 4)
        for slot: Int64 in [5, -5, Int64(Int32.max), Int64(Int32.min)] { narrow.add(slot: slot, combo: 3, 2) }
        let narrowSlots: [Int64] = [low, -5, 5, high]
        #expect(narrow.sortedEntries().map(\.slot) == narrowSlots)
        #expect(narrow.sortedEntries().allSatisfy { $0.combo == 3 && $0.delta == 2 })
    }

    /// Batches grow 16k, 32k, ... while a file is read; told how far the reading is, the stager hands over at most
    /// half of the deliveries it expects are left (never under 16k), so the last batch, applied after the reading
    /// ends, is small. The batch it takes is sorted by key, equal keys in staging order.
    @Test func stagerBatchesShrinkNearTheEndOfAFileAndComeOutSortedByKey() {
        let stager = DeliveryStager()
        let base = DeliveryStager.Base(channel: "Voice", queueId: "q", configId: "c", status: "Pending", result: "",
                                       dialMode: "", engagementType: "")
        func stage(_ n: Int, from first: Int) -> Bool {
            var full = false
            for i in first..<(first + n) {
                var id = "d\(i % 40_000)"
                full = id.withUTF8 { id in
                    stager.stage(id: id, conversation: UnsafeBufferPointer(start: nil, count: 0), created: Int64(i),
                                 stamp: Int64(i), base: base)
                }
            }
            return full
        }
        #expect(!stage(16_383, from: 0))
        #expect(stage(1, from: 16_383))  // the first batch is full at 16k
        let first = stager.take()
        #expect(first.deliveries.count == 16_384)
        let keys = first.deliveries.map(\.key)
        #expect(keys == keys.sorted())
        #expect(Set(first.stagingPositions) == Set(0..<16_384))
        for (delivery, position) in zip(first.deliveries, first.stagingPositions) {
            #expect(delivery.created == Int64(position) && first.stagedTimes[Int(position)].created == Int64(position))
        }

        // Far from the end batches keep growing: 16k staged at 10% of the file leaves ~147k, more than 32k.
        stager.noteRead(100, of: 1_000)
        #expect(!stage(20_000, from: 16_384))
        #expect(!stager.isBatchFull)
        // 36,384 staged at 90% of the file: ~4k left, so the floor (16k) already makes a full batch.
        stager.noteRead(900, of: 1_000)
        #expect(stager.isBatchFull)
        let second = stager.take()
        #expect(second.deliveries.count == 20_000)
        // Equal keys (the same id staged twice in a batch) keep their staging order.
        for stamp: Int64 in [5, 3] {
            var id = "same"
            _ = id.withUTF8 { stager.stage(id: $0, conversation: UnsafeBufferPointer(start: nil, count: 0), created: 0,
                                           stamp: stamp, base: base) }
        }
        #expect(stage(16_382, from: 50_000))
        let third = stager.take()
        let twice = third.deliveries.filter { $0.key == StableHash.of("same") }
        #expect(twice.map(\.stamp) == [5, 3])
        let thirdKeys = third.deliveries.map(\.key)
        #expect(thirdKeys == thirdKeys.sorted())
    }

    @Test func keySetRemembersEveryKeyThroughGrowth() {
        var set = KeySet(capacity: 2)
        var rng = SplitMix64(seed: 7)
        var keys: [Int64] = []
        for _ in 0..<20_000 {
            let key = Int64(bitPattern: rng.next())
            keys.append(key)
            set.insert(key)
        }
        set.insert(keys[0])  // a repeat adds nothing
        #expect(set.count == Set(keys).count)
        #expect(keys.allSatisfy { set.contains($0) })
        #expect(!set.contains(0) || keys.contains(0))
        #expect((0..<1_000).filter { _ in set.contains(Int64(bitPattern: rng.next())) }.isEmpty)
    }

    @Test func aVersion2StoreGetsItsConversationLinks() throws {
        let path = try OlderStore.make("proactive-v2", upTo: "v2-aggregate-snapshot") { db in
            try db.execute(sql: """
                INSERT INTO combos(id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction)
                VALUES (1, 'Voice', '', '', 'Pending', '', '', '', 0);
                INSERT INTO slot_counts(slot, combo, n, generation) VALUES (0, 1, 3, 1);
                INSERT INTO deliveries(id, delivery_id, created, modified, combo, conversation) VALUES
                    (10, 'a', 0, 0, 1, ?1), (11, 'b', 0, 0, 1, ?1), (12, 'c', 0, 0, 1, NULL);
                """, arguments: [Self.conversationKey])
        }
        let store = try DeliveryStore.openForWriting(path: path)
        let links = try store.read { db in
            try ConversationLinks.all(db).map { [$0.conversation, $0.delivery] }
        }
        #expect(links == [[Self.conversationKey, 10], [Self.conversationKey, 11]])
        let index = try store.read { db in try db.indexes(on: "deliveries").map(\.name) }
        #expect(!index.contains("deliveries_by_conversation"))
        // The links serve the relink: the conversation arrives and both of its deliveries move.
        let summary = try store.write { w in try w.upsert(Conversation(id: "cv1", isOutbound: true)) }
        #expect(summary.relinkedDeliveries == 2)
        let outgoing = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT SUM(s.n) FROM slot_counts s JOIN combos c ON c.id = s.combo WHERE c.direction = 1")
        }
        #expect(outgoing == 2)
    }

    static let conversationKey = StableHash.of("cv1")
}

/// GUID delivery ids are kept as 16 bytes; ids of other shapes, and rows written as text before, still match.
@Suite struct GUIDStorageTests {
    static let guid = "3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6f"

    @Test func packsOnlyCanonicalLowerCaseGUIDs() {
        func pack(_ text: String) -> (UInt64, UInt64)? {
            var copy = text
            return copy.withUTF8 { GUIDBytes.pack($0) }
        }
        let packed = pack(Self.guid)
        #expect(packed?.0 == 0x3b7d_ae04_8c5f_4f0e && packed?.1 == 0x9d3a_1c2b_3a4d_5e6f)
        #expect(pack("3B7DAE04-8C5F-4F0E-9D3A-1C2B3A4D5E6F") == nil)  // normalised before it gets here
        #expect(pack("3b7dae04x8c5f-4f0e-9d3a-1c2b3a4d5e6f") == nil)
        #expect(pack("d1") == nil)
        #expect(pack("3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6g") == nil)  // 'g' is no hex digit
        #expect(pack("3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6:") == nil)  // the byte after '9'
        #expect(pack("3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6`") == nil)  // the byte before 'a'
        #expect(pack("{3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e}") == nil)
        func needsNormalizing(_ text: String) -> Bool {
            var copy = text
            return copy.withUTF8 { GUIDText.needsNormalizing($0) }
        }
        #expect(!needsNormalizing(Self.guid) && !needsNormalizing("plain-id") && !needsNormalizing(""))
        #expect(needsNormalizing("3B7DAE04-8c5f-4f0e-9d3a-1c2b3a4d5e6f") && needsNormalizing("{" + Self.guid + "}"))
        #expect(needsNormalizing("3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6F") && !needsNormalizing("GHZ@["))
        let extremes = pack("00000000-0000-0000-ffff-ffffffffffff")
        #expect(extremes?.0 == 0 && extremes?.1 == UInt64.max)
        var bytes: [UInt8] = [7]
        GUIDBytes.append(packed!, to: &bytes)
        #expect(bytes == [7, 0x3b, 0x7d, 0xae, 0x04, 0x8c, 0x5f, 0x4f, 0x0e, 0x9d, 0x3a, 0x1c, 0x2b, 0x3a, 0x4d, 0x5e, 0x6f])
    }

    @Test func aGUIDIsStoredAsSixteenBytesAndMatchesItsOtherSpellings() throws {
        let s = try MXStore()
        try s.write(deliveries: [MX.d(Self.guid, "2026-11-05T10:00:00Z", modified: "2026-11-05T10:00:00Z"),
                                 MX.d("plain-id", "2026-11-05T10:00:00Z")])
        let kinds = try s.store.read { db in
            try String.fetchAll(db, sql: "SELECT typeof(delivery_id) FROM deliveries ORDER BY typeof(delivery_id)")
        }
        #expect(kinds == ["blob", "text"])
        let upper = "{" + Self.guid.uppercased() + "}"
        let summary = try #require(FileImporter.importFile(
            try write("msdyn_delivery_id,createdon,modifiedon,msdyn_status\n\(upper),2026-11-05T10:00:00Z,2026-11-05T11:00:00Z,Complete\n",
                      in: s.folder), into: s.store).summary)
        #expect(summary.deliveries.updated == 1 && summary.deliveries.inserted == 0)
        #expect(try s.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deliveries") } == 2)
    }

    @Test func aGUIDStoredAsTextBeforeIsUpdatedNotDuplicated() throws {
        let s = try MXStore()
        try s.write(deliveries: [MX.d("other", "2026-11-05T10:00:00Z")])
        // A row as an earlier version of the program wrote it: the GUID as text, under its hash.
        try s.store.write { w in
            let combo = try w.comboId(ComboKey(channel: "Voice", queueId: "", configId: "", status: "Pending", result: "",
                                               dialMode: "", engagementType: "", direction: .none))
            try w.db.execute(sql: "INSERT INTO deliveries(id, delivery_id, created, modified, combo) VALUES (?, ?, ?, ?, ?)",
                             arguments: [StableHash.of(Self.guid), Self.guid, MX.utc("2026-11-05T10:00:00Z"),
                                         MX.utc("2026-11-05T10:00:00Z"), combo])
            // Its key, as the v10 migration gives such a row (its row numbered by its key).
            try w.db.execute(sql: "INSERT INTO delivery_keys(key, row) VALUES (?, ?)",
                             arguments: [StableHash.of(Self.guid), StableHash.of(Self.guid)])
        }
        let summary = try s.write(deliveries: [MX.d(Self.guid, "2026-11-05T10:00:00Z", "Complete", modified: "2026-11-05T12:00:00Z")])
        #expect(summary.deliveries.updated == 1 && summary.deliveries.inserted == 0)
        #expect(try s.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deliveries") } == 2)
    }

    private func write(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("guid.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// Conversation links kept as buckets of sorted pairs: the last change of a pair in a transaction wins, buckets
/// already stored are merged, and the relink follows them.
@Suite struct ConversationLinksTests {
    typealias Change = ConversationLinks.Change

    static func change(_ conversation: Int64, _ delivery: Int64, _ sequence: Int64, made: Bool) -> Change {
        Change(conversation: conversation, delivery: delivery, order: sequence * 2 + (made ? 1 : 0))
    }

    @Test func theLastChangeOfAPairWinsAndStoredPairsStay() {
        let existing: [ConversationLinks.Pair] = [(1, 10), (1, 11), (2, 20), (5, 50)]
        let changes = ConversationLinks.sorted([
            Self.change(1, 11, 0, made: false),  // dropped
            Self.change(3, 30, 1, made: true),  // new
            Self.change(2, 20, 2, made: false), Self.change(2, 20, 3, made: true),  // dropped, then made again
            Self.change(4, 40, 4, made: true), Self.change(4, 40, 5, made: false),  // made, then dropped
            Self.change(5, 51, 6, made: true), Self.change(5, 51, 7, made: true),  // made twice: once
        ])
        let merged = ConversationLinks.merged(existing: existing, changes[...])
        #expect(merged.map { [$0.conversation, $0.delivery] } == [[1, 10], [2, 20], [3, 30], [5, 50], [5, 51]])
        let bytes = ConversationLinks.encode(merged)
        #expect(bytes.count == 16 * merged.count)
        let decoded = bytes.withUnsafeBytes { ConversationLinks.decode($0) }
        #expect(decoded.map { [$0.conversation, $0.delivery] } == merged.map { [$0.conversation, $0.delivery] })
        #expect(ConversationLinks.bucket(of: -1) == -1 && ConversationLinks.bucket(of: 1 << 48) == 1
                    && ConversationLinks.bucket(of: Int64.max) == 32_767 && ConversationLinks.bucket(of: Int64.min) == -32_768)
    }

    /// The row of the delivery with this id, through its key.
    static func row(of id: String, _ store: DeliveryStore) throws -> Int64 {
        try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT row FROM delivery_keys WHERE key = ?", arguments: [StableHash.of(id)]) ?? -1
        }
    }

    @Test func linksFollowDeliveriesAcrossTransactionsAndWithinOne() throws {
        let s = try MXStore()
        func links() throws -> Set<[Int64]> {
            Set(try s.store.read { db in try ConversationLinks.all(db) }.map { [$0.conversation, $0.delivery] })
        }
        let cv1 = StableHash.of("cv1"), cv2 = StableHash.of("cv2"), cv3 = StableHash.of("cv3")
        try s.write(deliveries: [
            MX.d("a", "2026-11-05T10:00:00Z", conversation: "cv1", modified: "2026-11-05T10:00:00Z"),
            MX.d("b", "2026-11-05T10:00:00Z", conversation: "cv1", modified: "2026-11-05T10:00:00Z"),
            MX.d("c", "2026-11-05T10:00:00Z", conversation: "cv2", modified: "2026-11-05T10:00:00Z"),
            MX.d("n", "2026-11-05T10:00:00Z"),
        ])
        // Links hold the deliveries' rows.
        let a = try Self.row(of: "a", s.store), b = try Self.row(of: "b", s.store), c = try Self.row(of: "c", s.store)
        #expect(try links() == [[cv1, a], [cv1, b], [cv2, c]])
        // In one transaction b goes to cv2 and back to cv1; c moves to cv3.
        try s.write(deliveries: [
            MX.d("b", "2026-11-05T10:00:00Z", conversation: "cv2", modified: "2026-11-05T11:00:00Z"),
            MX.d("b", "2026-11-05T10:00:00Z", conversation: "cv1", modified: "2026-11-05T12:00:00Z"),
            MX.d("c", "2026-11-05T10:00:00Z", conversation: "cv3", modified: "2026-11-05T11:00:00Z"),
        ])
        #expect(try links() == [[cv1, a], [cv1, b], [cv3, c]])
        let outbound = try s.write(conversations: [Conversation(id: "cv1", isOutbound: true)])
        #expect(outbound.relinkedDeliveries == 2)
        let none = try s.write(conversations: [Conversation(id: "cv2", isOutbound: true)])
        #expect(none.relinkedDeliveries == 0)
        let data = try s.compute()
        #expect(data.mxFacet(.direction) == ["Incoming": 0, "Outgoing": 2])
    }

    @Test func manyLinksSpreadOverBucketsAndAreFoundAgain() throws {
        let s = try MXStore(preferRAM: true)
        let deliveries = (0..<3_000).map { i in
            MX.d("m\(i)", "2026-11-05T10:00:00Z", conversation: "cv\(i % 700)", modified: "2026-11-05T10:00:00Z")
        }
        try s.write(deliveries: Array(deliveries[0..<1_000]))  // into an empty store
        try s.write(deliveries: Array(deliveries[1_000...]))  // merged into the stored buckets
        let stored = try s.store.read { db in try ConversationLinks.all(db) }
        #expect(stored.count == 3_000)
        #expect(stored.map { [$0.conversation, $0.delivery] } == stored.map { [$0.conversation, $0.delivery] }.sorted {
            $0.lexicographicallyPrecedes($1)
        })
        let buckets = try s.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM conversation_link_buckets") }
        #expect((600...700).contains(buckets ?? 0))
        let found = try s.store.read { db in try ConversationLinks.deliveries(ofEach: [StableHash.of("cv7")], db) }.map(\.delivery)
        #expect(Set(found) == Set(try [7, 707, 1_407, 2_107, 2_807].map { try Self.row(of: "m\($0)", s.store) }))
        let summary = try s.write(conversations: (0..<700).map { Conversation(id: "cv\($0)", isOutbound: $0 % 2 == 0) })
        #expect(summary.relinkedDeliveries == 3_000)
    }
}
