import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// The index interns each combination's values from the statement's bytes (a byte-keyed cache in front of the
/// String dictionary): every combination must still read back the values the `combos` table holds, with
/// `(Blank)` and `Unspecified` for empty ones, and each dimension must hold each value once.
@Suite struct AggregateIndexInternTests {
    @Test func slotOfIsThePlaceInAllCases() {
        for (place, dimension) in FilterDimension.allCases.enumerated() {
            #expect(AggregateIndex.slotOf(dimension) == place, "\(dimension)")
        }
    }

    /// 3,000 combinations: more distinct queues than the cache has buckets (so values lose their bucket and come
    /// back through the dictionary), ids longer than the cache's keys, empty values, non-ASCII text, and a second
    /// write whose new combinations reuse values interned by the first refresh.
    @Test func everyCombinationReadsBackItsStoredValues() throws {
        let fixture = try MXStore()
        let long = String(repeating: "q", count: 90)
        let statuses = ["Pending", "Complete", "", "Complete", "Failed"]
        func delivery(_ i: Int) -> Delivery {
            MX.d("d\(i)", "2026-11-0\(1 + i % 9)T10:00:00Z", statuses[i % statuses.count],
                 result: i % 7 == 0 ? "" : "r\(i % 11)", dial: i % 3 == 0 ? "" : "Predictive",
                 config: i % 13 == 0 ? "" : "cfg-é-\(i % 50)", queue: i % 17 == 0 ? long + "\(i % 4)" : "queue-\(i)",
                 channel: ["Voice", "", "SMS"][i % 3], type: i % 5 == 0 ? "" : "type\(i % 4)")
        }
        try fixture.write(deliveries: (0..<2_000).map(delivery))
        let index = try fixture.index()
        try expectMatchesTable(index, fixture.store)
        try fixture.write(now: "2026-11-10T13:00:00Z", deliveries: (2_000..<3_000).map(delivery))
        try index.refresh()
        try expectMatchesTable(index, fixture.store)
        #expect(index.comboCount >= 3_000 - 2_000 / 17)
    }

    private func expectMatchesTable(_ index: AggregateIndex, _ store: DeliveryStore) throws {
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, channel, queue_id, config_id, status, result, dial_mode, engagement_type, direction FROM combos
                """)
        }
        #expect(rows.count == index.comboCount)
        func shown(_ value: String?, _ empty: String) -> String { (value ?? "").isEmpty ? empty : value! }
        for row in rows {
            let id: Int = row["id"]
            guard let combo = index.combos[id] else { Issue.record("combination \(id) missing"); continue }
            func value(_ d: FilterDimension) -> String { index.value(d, combo.dims[AggregateIndex.slotOf(d)]) }
            #expect(value(.channel) == shown(row["channel"], "(Blank)"))
            #expect(value(.queue) == shown(row["queue_id"], ""))
            #expect(value(.configuration) == shown(row["config_id"], ""))
            #expect(value(.status) == shown(row["status"], "(Blank)"))
            #expect(value(.result) == shown(row["result"], "(Blank)"))
            #expect(value(.dialMode) == shown(row["dial_mode"], "(Blank)"))
            #expect(value(.conversationType) == shown(row["engagement_type"], "Unspecified"))
            #expect(combo.isProcessed == ((row["status"] as String?) == DeliveryStatus.complete.label))
            #expect(combo.statusIndex == combo.dims[AggregateIndex.slotOf(.status)])
            #expect(combo.resultIndex == combo.dims[AggregateIndex.slotOf(.result)])
            #expect(combo.dialModeIndex == combo.dims[AggregateIndex.slotOf(.dialMode)])
        }
        for d in FilterDimension.allCases {
            let values = index.allValues(d)
            #expect(Set(values).count == values.count, "\(d) holds a value twice")
        }
    }
}
