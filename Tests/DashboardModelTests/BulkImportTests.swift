import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// Imports large enough to cross the staging batches (16k, then 32k, ... versions) and the 64-row insert chunks,
/// with the same ids coming back in later batches: the store must hold exactly the newest version of each id, with
/// exact slot counts, whether it started empty (keys known free from memory) or not (keys probed in SQLite).
@Suite struct BulkImportTests {
    static let ids = 20_000
    static let rows = 60_000
    static let statuses = ["Pending", "Complete", "InProcess", "Expired"]

    /// Row `i` of the file: id `d(i % ids)`, unique modification stamps in scrambled order (the newest version of
    /// an id is not always its last line), and a creation time that differs between versions.
    struct Row {
        var id: String
        var created: Int64
        var modified: Int64
        var status: String
    }

    static func row(_ i: Int) -> Row {
        let base: Int64 = 1_790_000_000
        let modified = base + Int64((i * 7_919) % 1_000_003) + 3_600
        let created = modified - Int64(60 * (1 + i % 97))
        return Row(id: "d\(i % ids)", created: created, modified: modified, status: statuses[(i / 7) % statuses.count])
    }

    static func csv(_ range: Range<Int>) -> String {
        var text = "msdyn_delivery_id,createdon,modifiedon,msdyn_status,msdyn_proactive_engagement_config_id\n"
        for i in range {
            let r = row(i)
            text += "\(r.id),\(ISOTime.format(Date(timeIntervalSince1970: TimeInterval(r.created)))),"
            text += "\(ISOTime.format(Date(timeIntervalSince1970: TimeInterval(r.modified)))),\(r.status),C\(i % 5)\n"
        }
        return text
    }

    /// The newest version of each id, computed plainly.
    static var winners: [String: Row] {
        var best: [String: Row] = [:]
        for i in 0..<rows {
            let r = row(i)
            if let current = best[r.id], current.modified >= r.modified { continue }
            best[r.id] = r
        }
        return best
    }

    static func write(_ text: String, name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func check(_ store: DeliveryStore) throws {
        let expected = winners
        let stored = try store.read { db in
            try Row_.fetchAll(db, sql: "SELECT delivery_id, created, modified FROM deliveries")
        }
        #expect(stored.count == ids)
        var mismatches = 0
        for s in stored {
            guard let w = expected[s.id], w.created == s.created, w.modified == s.modified else { mismatches += 1; continue }
        }
        #expect(mismatches == 0)
        // Slot counts: per 15-minute slot of the winners' creation, and per status.
        var slots: [Int64: Int64] = [:]
        var statuses: [String: Int64] = [:]
        for w in expected.values {
            slots[TimeSlots.slot(of: w.created), default: 0] += 1
            statuses[w.status, default: 0] += 1
        }
        let (storedSlots, storedStatuses) = try store.read { db -> ([Int64: Int64], [String: Int64]) in
            var bySlot: [Int64: Int64] = [:]
            for row in try GRDB.Row.fetchAll(db, sql: "SELECT slot, SUM(n) AS n FROM slot_counts GROUP BY slot HAVING SUM(n) != 0") {
                bySlot[row["slot"]] = row["n"]
            }
            var byStatus: [String: Int64] = [:]
            for row in try GRDB.Row.fetchAll(db, sql: """
                SELECT c.status, SUM(s.n) AS n FROM slot_counts s JOIN combos c ON c.id = s.combo GROUP BY c.status
                HAVING SUM(s.n) != 0
                """) {
                byStatus[row["status"]] = row["n"]
            }
            return (bySlot, byStatus)
        }
        #expect(storedSlots == slots)
        #expect(storedStatuses == statuses)
        #expect(try store.read { db in try Int64.fetchOne(db, sql: "SELECT MIN(n) FROM slot_counts") ?? 0 } >= 0)
    }

    private struct Row_: FetchableRecord {
        var id: String
        var created: Int64
        var modified: Int64
        init(row: GRDB.Row) {
            id = row["delivery_id"]
            created = row["created"]
            modified = row["modified"]
        }
    }

    @Test func intoAnEmptyStoreTheNewestVersionOfEachIdWins() throws {
        let s = try MXStore(preferRAM: true)
        let path = try Self.write(Self.csv(0..<Self.rows), name: "all.csv", in: s.folder)
        let outcome = FileImporter.importFile(path, into: s.store)
        let summary = try #require(outcome.summary, "\(outcome.error ?? "")")
        #expect(summary.deliveries.inserted == Self.ids)
        #expect(summary.deliveries.total == Self.rows)
        try Self.check(s.store)
        // The dashboard starts from the snapshot the import made from its own counts: the same numbers.
        let index = try s.index()
        #expect(index.snapshotGeneration != nil)
        let data = MetricsEngine.compute(index: index, filters: MX.filters())
        #expect(data.totalDeliveries == Self.ids)
        var statuses: [String: Int] = [:]
        for w in Self.winners.values { statuses[w.status, default: 0] += 1 }
        #expect(data.mxFacet(.status).filter { $0.value > 0 } == statuses)
        // The same file again changes nothing.
        let again = try #require(FileImporter.importFile(path, into: s.store).summary)
        #expect(again.deliveries.inserted == 0 && again.deliveries.updated == 0 && again.deliveries.skipped == Self.rows)
        try Self.check(s.store)
    }

    @Test func intoAStoreThatHoldsSomeOfTheIdsTheResultIsTheSame() throws {
        let s = try MXStore(preferRAM: true)
        // A first file with the first 30,000 lines; then the whole file (half of it seen before, in other batches).
        let first = try Self.write(Self.csv(0..<30_000), name: "first.csv", in: s.folder)
        let all = try Self.write(Self.csv(0..<Self.rows), name: "all.csv", in: s.folder)
        #expect(FileImporter.importFile(first, into: s.store).error == nil)
        let outcome = FileImporter.importFile(all, into: s.store)
        let summary = try #require(outcome.summary, "\(outcome.error ?? "")")
        #expect(summary.deliveries.total == Self.rows)
        try Self.check(s.store)
    }

    @Test func aBadLineAfterSeveralBatchesLeavesTheStoreAsItWas() throws {
        let s = try MXStore(preferRAM: true)
        let good = try Self.write(Self.csv(0..<1_000), name: "good.csv", in: s.folder)
        #expect(FileImporter.importFile(good, into: s.store).error == nil)
        var text = Self.csv(0..<Self.rows)
        text += "dX,2026-13-01T00:00:00Z,,Pending,C1\n"
        let bad = try Self.write(text, name: "bad.csv", in: s.folder)
        let outcome = FileImporter.importFile(bad, into: s.store)
        let error = try #require(outcome.error)
        #expect(error.contains("bad.csv:\(Self.rows + 2)"))
        #expect(error.contains("createdon"))
        #expect(try s.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deliveries") } == 1_000)
    }

    @Test func relinksFollowTheConversationAfterADeliveryChangedConversation() throws {
        let s = try MXStore()
        let index = try s.index()
        let outgoing = MX.filters(.all, [.direction: ["Outgoing"]])
        let incoming = MX.filters(.all, [.direction: ["Incoming"]])
        try s.write(deliveries: [
            MX.d("a", "2026-11-05T10:00:00Z", conversation: "cv1", modified: "2026-11-05T10:00:00Z"),
            MX.d("b", "2026-11-05T11:00:00Z", conversation: "cv1", modified: "2026-11-05T11:00:00Z"),
        ])
        let linked = try s.write(conversations: [Conversation(id: "cv1", isOutbound: true)])
        #expect(linked.relinkedDeliveries == 2)
        // b moves to another conversation (not known yet); then cv1 turns inbound: only a follows it.
        try s.write(deliveries: [MX.d("b", "2026-11-05T11:00:00Z", conversation: "cv2", modified: "2026-11-05T12:00:00Z")])
        let flip = try s.write(conversations: [Conversation(id: "cv1", isOutbound: false)])
        #expect(flip.relinkedDeliveries == 1)
        try index.refresh()
        #expect(MetricsEngine.compute(index: index, filters: MX.filters()).mxFacet(.direction) == ["Incoming": 1, "Outgoing": 0])
        // b has no known direction: it passes both direction filters; a only the incoming one.
        #expect(MetricsEngine.compute(index: index, filters: incoming).totalDeliveries == 2)
        #expect(MetricsEngine.compute(index: index, filters: outgoing).totalDeliveries == 1)
    }

    @Test func conversationsInTheSameFileAsTheirDeliveriesGiveThemTheirDirection() throws {
        let s = try MXStore(preferRAM: true)
        // Deliveries first, their conversations at the end of the same JSON Lines file.
        var lines: [String] = []
        for i in 0..<5_000 {
            lines.append(#"{"msdyn_delivery_id":"e\#(i)","createdon":"2026-11-05T10:00:00Z","msdyn_status":"Pending","msdyn_conversation_id":"cv\#(i % 50)"}"#)
        }
        for c in 0..<50 {
            lines.append(#"{"msdyn_ocliveworkitemid":"cv\#(c)","msdyn_isoutbound":\#(c % 2 == 0 ? "true" : "false")}"#)
        }
        let path = try Self.write(lines.joined(separator: "\n") + "\n", name: "mixed.jsonl", in: s.folder)
        let outcome = FileImporter.importFile(path, into: s.store)
        let summary = try #require(outcome.summary, "\(outcome.error ?? "")")
        #expect(summary.deliveries.inserted == 5_000 && summary.conversations.inserted == 50)
        // Whether a delivery was written before its conversation (then relinked) or after it is the importer's
        // business; every delivery ends with its conversation's direction.
        let data = MetricsEngine.compute(index: try s.index(), filters: MX.filters())
        #expect(data.mxFacet(.direction) == ["Incoming": 2_500, "Outgoing": 2_500])
    }

    /// Conversations before and after their deliveries in one file, a delivery moved to another conversation and
    /// back, and a conversation whose direction flips within the file: every delivery ends with the direction its
    /// conversation has at the end, whether it was written before the conversation (moved when the file ends) or after.
    @Test func directionsAreRightWhereverConversationsSitInTheFile() throws {
        let s = try MXStore(preferRAM: true)
        var lines: [String] = []
        func conversation(_ c: Int, outbound: Bool) {
            lines.append(#"{"msdyn_ocliveworkitemid":"cv\#(c)","msdyn_isoutbound":\#(outbound)}"#)
        }
        func delivery(_ i: Int, _ c: Int, minute: Int = 0) {
            lines.append(#"{"msdyn_delivery_id":"f\#(i)","createdon":"2026-11-05T10:00:00Z","modifiedon":"2026-11-05T10:\#(String(format: "%02d", minute)):00Z","msdyn_status":"Pending","msdyn_conversation_id":"cv\#(c)"}"#)
        }
        for c in 0..<20 { conversation(c, outbound: true) }  // cv0...cv19 known first
        // Half to known conversations, half to cv20...cv39, not known yet; more than the first batch (16k), so that
        // most are written before the conversations that follow them.
        for i in 0..<20_000 { delivery(i, i % 40) }
        for c in 20..<40 { conversation(c, outbound: false) }
        delivery(1, 25, minute: 5)  // f1 moves from cv1 to cv25 ...
        delivery(1, 1, minute: 6)  // ... and back
        conversation(3, outbound: false)  // cv3 flips after its deliveries were written
        let path = try Self.write(lines.joined(separator: "\n") + "\n", name: "order.jsonl", in: s.folder)
        let outcome = FileImporter.importFile(path, into: s.store)
        #expect(outcome.error == nil, "\(outcome.error ?? "")")
        // The deliveries of cv3 and of cv20...cv39 in the first batch moved when the file ended.
        #expect((outcome.summary?.relinkedDeliveries ?? 0) >= 16_384 / 40 * 21)
        // cv0...cv19 outgoing except cv3 (500 deliveries each): 9,500 outgoing; cv3 and cv20...cv39: 10,500 incoming.
        let data = MetricsEngine.compute(index: try s.index(), filters: MX.filters())
        #expect(data.mxFacet(.direction) == ["Incoming": 10_500, "Outgoing": 9_500])
        #expect(data.totalDeliveries == 20_000)
    }
}
