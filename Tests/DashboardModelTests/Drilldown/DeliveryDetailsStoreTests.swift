import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// The list's columns (issue 12): read from every input form, replaced by a newer version only, carried by the
/// sync's pages, and empty in a store written before them (migration `v7-delivery-details`).
@Suite struct DeliveryDetailsStoreTests {
    static let now = MX.instant(MX.defaultNow)

    static func rows(_ s: MXStore, _ filters: DashboardFilters = MX.filters()) throws -> [DeliveryRow] {
        try DeliveryQuery(filters: filters, now: now).page(index: try s.index(), store: s.store, limit: 1000).rows
    }

    static func importText(_ s: MXStore, _ name: String, _ text: String) -> ImportSummary? {
        let path = s.folder.path + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let outcome = FileImporter.importFile(path, into: s.store, now: now)
        #expect(outcome.error == nil, "\(outcome.error ?? "")")
        return outcome.summary
    }

    static let header = "msdyn_delivery_id,createdon,modifiedon,msdyn_status,msdyn_to_address,msdyn_from_address,"
        + "msdyn_result_date,msdyn_start_date,msdyn_end_date,msdyn_window_start_date,msdyn_window_end_date,"
        + "msdyn_disposition_codes,msdyn_contact_id,msdyn_seq_no,msdyn_conversation_id\n"

    @Test func aCSVImportKeepsEveryListColumn() throws {
        let s = try MXStore()
        let conversation = "0b7f3c2e-1d4a-4f6b-9e8d-7c6b5a493827"
        _ = Self.importText(s, "a.csv", Self.header
            + "d-1,2026-11-05T10:00:00Z,2026-11-05T10:05:00Z,Complete,+14255550123,+14255559999,2026-11-05T10:04:00Z,"
            + "2026-11-05T10:01:00Z,2026-11-05T10:03:00Z,2026-11-05T09:00:00Z,2026-11-05T17:00:00Z,"
            + "\"\"\"PromiseToPay\"\",\"\"SpokeToAgent\"\"\",c-77,12,\(conversation)\n"
            + "d-2,2026-11-05T11:00:00Z,,Pending,,,,,,,,,,,\n")
        let rows = try Self.rows(s)
        #expect(rows.map(\.deliveryId) == ["d-1", "d-2"])
        let d = rows[0].details
        #expect(d.toAddress == "+14255550123")
        #expect(d.fromAddress == "+14255559999")
        #expect(d.resultDate == MX.utc("2026-11-05T10:04:00Z"))
        #expect(d.startDate == MX.utc("2026-11-05T10:01:00Z"))
        #expect(d.endDate == MX.utc("2026-11-05T10:03:00Z"))
        #expect(d.windowStartDate == MX.utc("2026-11-05T09:00:00Z"))
        #expect(d.windowEndDate == MX.utc("2026-11-05T17:00:00Z"))
        #expect(d.dispositionCodes == "\"PromiseToPay\",\"SpokeToAgent\"")
        #expect(d.contactId == "c-77")
        #expect(d.seqNo == 12)
        #expect(rows[0].conversationId == conversation)
        #expect(rows[1].details == DeliveryDetails.none)
        #expect(rows[1].conversationId == "")
    }

    @Test func aNewerVersionReplacesTheColumnsAndAnOlderOneDoesNot() throws {
        let s = try MXStore()
        _ = Self.importText(s, "v2.json", """
            [{"msdyn_delivery_id": "d-1", "createdon": "2026-11-05T10:00:00Z", "modifiedon": "2026-11-05T10:10:00Z",
              "msdyn_status": "InProcess", "msdyn_to_address": "+4420 7946 0001", "msdyn_seq_no": 3,
              "msdyn_disposition_codes": "\\"Callback\\""}]
            """)
        // Older: ignored, columns and all.
        _ = Self.importText(s, "v1.jsonl", """
            {"msdyn_delivery_id": "d-1", "createdon": "2026-11-05T10:00:00Z", "modifiedon": "2026-11-05T10:01:00Z", "msdyn_status": "Pending", "msdyn_to_address": "old", "msdyn_seq_no": "1"}
            """)
        var row = try #require(try Self.rows(s).first)
        #expect(row.status == "InProcess")
        #expect(row.details.toAddress == "+4420 7946 0001")
        #expect(row.details.dispositionCodes == "\"Callback\"")
        #expect(row.details.seqNo == 3)
        // Newer: replaces them all, an absent column included (it reads empty now).
        _ = Self.importText(s, "v3.jsonl", """
            {"msdyn_delivery_id": "d-1", "createdon": "2026-11-05T10:00:00Z", "modifiedon": "2026-11-05T10:20:00Z", "msdyn_status": "Complete", "msdyn_result": "CallEnded", "msdyn_to_address": "+4420 7946 0002", "msdyn_result_date": "2026-11-05T10:19:00+01:00"}
            """)
        row = try #require(try Self.rows(s).first)
        #expect(row.status == "Complete")
        #expect(row.details.toAddress == "+4420 7946 0002")
        #expect(row.details.resultDate == MX.utc("2026-11-05T09:19:00Z"))
        #expect(row.details.dispositionCodes == "")
        #expect(row.details.seqNo == nil)
    }

    @Test func anUnreadableListColumnNamesTheColumn() throws {
        let s = try MXStore()
        for (column, value) in [("msdyn_result_date", "\"yesterday\""), ("msdyn_seq_no", "\"twelve\"")] {
            let path = s.folder.path + "/bad.jsonl"
            FileManager.default.createFile(atPath: path, contents: Data("""
                {"msdyn_delivery_id": "d-1", "createdon": "2026-11-05T10:00:00Z", "msdyn_status": "Pending", "\(column)": \(value)}
                """.utf8))
            let outcome = FileImporter.importFile(path, into: s.store, now: Self.now)
            let message = String(describing: try #require(outcome.error))
            #expect(message.contains(column), "\(message)")
        }
        #expect(try Self.rows(s).isEmpty)
    }

    @Test func theSyncsPagesCarryTheColumns() throws {
        let s = try MXStore()
        var entry = SyncPages.delivery(row: SyncPages.guid(1, prefix: 0xa0), id: "dlv-1", created: "2026-11-05T10:00:00Z",
                                       status: "Complete", modified: "2026-11-05T10:30:00Z", result: "CallEnded")
        entry["msdyn_to_address"] = "+15555550100"
        entry["msdyn_disposition_codes"] = "\"PromiseToPay\""
        entry["msdyn_seq_no"] = "7"
        entry["msdyn_window_end_date"] = "2026-11-05T18:00:00Z"
        _ = try s.store.applySyncPage(SyncPages.page(.deliveries, [entry]), table: .deliveries, source: "page 1",
                                      cursor: .delta(deltaLink: SyncPages.org + "x?$deltatoken=1"), now: Self.now)
        let row = try #require(try Self.rows(s).first)
        #expect(row.deliveryId == "dlv-1")
        #expect(row.rowId == SyncPages.guid(1, prefix: 0xa0))
        #expect(row.details.toAddress == "+15555550100")
        #expect(row.details.dispositionCodes == "\"PromiseToPay\"")
        #expect(row.details.seqNo == 7)
        #expect(row.details.windowEndDate == MX.utc("2026-11-05T18:00:00Z"))
    }

    @Test func anOlderStoreIsUpgradedInPlaceAndItsRowsReadEmpty() throws {
        // A store as the previous version left it: schema up to v6, one delivery with its slot count.
        let created = MX.utc("2026-11-05T10:00:00Z")
        let path = try OlderStore.make("v6-store", upTo: "v6-sync") { db in
            try db.execute(sql: """
                INSERT INTO combos(id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction)
                VALUES (1, 'Voice', 'q', 'c', 'Complete', 'CallEnded', 'Preview', '', 0);
                INSERT INTO deliveries(id, delivery_id, created, modified, combo) VALUES (42, 'old-1', ?, ?, 1);
                INSERT INTO slot_counts(slot, combo, n, generation) VALUES (?, 1, 1, 1);
                UPDATE meta SET value = 1 WHERE key = 'generation';
                """, arguments: [created, created, TimeSlots.slot(of: created)])
        }
        let store = try DeliveryStore.openForWriting(path: path)
        let applied = try store.read { db in try Schema.migrator.appliedIdentifiers(db) }
        #expect(applied.contains("v7-delivery-details"))
        let index = AggregateIndex(store: store)
        try index.refresh()
        let query = DeliveryQuery(filters: MX.filters(), now: Self.now)
        let rows = try query.page(index: index, store: store, limit: 10).rows
        #expect(rows.map(\.deliveryId) == ["old-1"])
        #expect(rows.first?.details == DeliveryDetails.none)
        #expect(rows.first?.conversationId == "")
        #expect(try query.count(index: index, store: store) == MetricsEngine.compute(index: index, filters: MX.filters(), now: Self.now).totalDeliveries)
        // The upgraded store takes new rows with their columns.
        _ = try store.write(now: Self.now) { w in
            try w.upsert(Delivery(deliveryId: "new-1", createdOn: created + 60, status: "Pending",
                                  details: DeliveryDetails(toAddress: "+1 555 0101", seqNo: 2)))
        }
        try index.refresh()
        let after = try query.page(index: index, store: store, limit: 10).rows
        #expect(after.map(\.deliveryId) == ["old-1", "new-1"])
        #expect(after.last?.details.toAddress == "+1 555 0101")
        #expect(after.last?.details.seqNo == 2)
    }
}
