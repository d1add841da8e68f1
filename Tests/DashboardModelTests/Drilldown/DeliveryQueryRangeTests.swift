import Foundation
import Testing
@testable import DashboardModel

/// The created bounds the query adds from the index's counts: a modified-time selection (processed in the last hour)
/// finds rows created hours, days, weeks or months before (each lookback window is checked against the index's
/// count, and the widest falls back to no bound), and an all-dates selection starts at the first slot holding one
/// of its rows; neither loses a row.
@Suite struct DeliveryQueryRangeTests {
    static let now = MX.instant(MX.defaultNow)

    @Test func theLastHourFindsRowsCreatedLongBefore() throws {
        let end = MX.utc(MX.defaultNow)
        // Completed in the last hour, created 1 hour, 3 days, 20 days and 90 days before now (90: past every window).
        let hoursBefore: [Int64] = [1, 3 * 24, 20 * 24, 90 * 24]
        var deliveries: [Delivery] = []
        for (k, hours) in hoursBefore.enumerated() {
            let created: Int64 = end - hours * 3600
            let modified: Int64 = end - 600 - Int64(k)
            deliveries.append(Delivery(deliveryId: "done-\(k)", createdOn: created, modifiedOn: modified,
                                       status: "Complete", result: "CallEnded"))
        }
        // Noise: pending and old completions over 100 days.
        for k in 0..<400 {
            let created = end - Int64(k) * 21_600 - 7200
            deliveries.append(Delivery(deliveryId: "other-\(k)", createdOn: created, modifiedOn: created + 60,
                                       status: k % 2 == 0 ? "Complete" : "Pending", result: k % 2 == 0 ? "NoAnswer" : ""))
        }
        let s = try MXStore()
        try s.write(deliveries: deliveries)
        let index = try s.index()
        let query = DeliveryQuery(filters: MX.filters(), selection: .processedLastHour, now: Self.now)
        #expect(try query.count(index: index, store: s.store) == 4)
        // In created order: the one created 90 days before first (found with no created bound at all).
        #expect(try query.page(index: index, store: s.store, limit: 10).rows.map(\.deliveryId)
                == ["done-3", "done-2", "done-1", "done-0"])
        // The export of the same selection.
        let export = Collect()
        var exporter = DeliveryExporter(options: ExportOptions(columns: [.deliveryId]))
        exporter.workers = 1
        #expect(try exporter.export(query, index: index, store: s.store, to: export) == 4)
        #expect(String(decoding: export.bytes, as: UTF8.self) == "msdyn_delivery_id\r\ndone-3\r\ndone-2\r\ndone-1\r\ndone-0\r\n")
    }

    final class Collect: ByteSink {
        var bytes: [UInt8] = []
        func write(_ more: [UInt8]) throws { bytes += more }
    }

    @Test func allDatesStartAtTheFirstCountedSlotAndLoseNothing() throws {
        let end = MX.utc(MX.defaultNow)
        var deliveries: [Delivery] = []
        for k in 0..<300 {
            let created = end - Int64(k) * 3600 - 100
            deliveries.append(Delivery(deliveryId: "d-\(k)", createdOn: created, status: k < 7 ? "Pending" : "Expired"))
        }
        let s = try MXStore()
        try s.write(deliveries: deliveries)
        let index = try s.index()
        let query = DeliveryQuery(filters: MX.filters(), selection: .pending, now: Self.now)
        let plan = query.plan(index)
        // The bound is the slot of the oldest pending delivery (created 6 hours and 100 s before now).
        let oldest = end - 6 * 3600 - 100
        #expect(plan.createdFrom == TimeSlots.slot(of: oldest) * TimeSlots.slotSeconds)
        let rows = try query.page(index: index, store: s.store, limit: 100).rows
        #expect(rows.map(\.deliveryId) == (0..<7).reversed().map { "d-\($0)" })
        #expect(try query.count(index: index, store: s.store) == 7)
    }
}
