import Foundation
import Testing
@testable import DashboardModel

/// `snapshot --format json`'s `previous` and `compliance` objects, as text, on `ComplianceFiguresTests`' store.
@Suite struct ComplianceJSONTests {
    @Test func previousAndComplianceObjects() throws {
        let s = try ComplianceFiguresTests.store()
        let filters = MX.filters(.between(MX.day("2026-11-14"), MX.day("2026-11-20")), tz: ComplianceFiguresTests.zone)
        let json = SnapshotJSON.value(of: try s.compute(filters, now: ComplianceFiguresTests.now)).serialized()
        // Previous: 11-07 .. 11-13, everything created 11-10 12:00Z: Alpha 77, Beta 42 (one Pending, one Expired),
        // Delta 201, Gamma 5, Epsilon 3 Pending.
        #expect(json.contains(#""previous":{"from":"2026-11-07","to":"2026-11-13","totals":{"deliveries":328,"processed":323},"deliveriesByStatus":{"Pending":4,"Complete":323,"Expired":1}}"#))
        #expect(json.contains(#""compliance":{"rule":"us-30d","from":"2026-10-22","to":"2026-11-20","limit":0.0300,"byConfiguration":["#
            + #"{"id":"cfg-b","name":"Beta","liveAnswered":42,"abandoned":2,"rate":0.0476,"abandonsToLimit":0},"#
            + #"{"id":"cfg-a","name":"Alpha","liveAnswered":100,"abandoned":3,"rate":0.0300,"abandonsToLimit":0},"#
            + #"{"id":"cfg-d","name":"Delta","liveAnswered":201,"abandoned":1,"rate":0.0050,"abandonsToLimit":5},"#
            + #"{"id":"cfg-g","name":"Gamma","liveAnswered":0,"abandoned":0,"rate":null,"abandonsToLimit":0}]}"#))
        // After the contract's keys, before `live`.
        let keys = ["\"byDate\"", "\"previous\"", "\"compliance\"", "\"live\""].map { json.range(of: $0)?.lowerBound }
        #expect(keys.allSatisfy { $0 != nil })
        #expect(keys.compactMap { $0 } == keys.compactMap { $0 }.sorted())
    }

    @Test func allDatesHasNoPrevious() throws {
        let s = try ComplianceFiguresTests.store()
        let data = MetricsEngine.compute(index: try s.index(), filters: MX.filters(.all, tz: "UTC"),
                                         now: MX.instant(ComplianceFiguresTests.now), abandonRule: .uk24h)
        let json = SnapshotJSON.value(of: data).serialized()
        #expect(!json.contains("\"previous\""))
        #expect(json.contains(#""compliance":{"rule":"uk-24h","from":"2026-11-20","to":"2026-11-20","limit":0.0300,"byConfiguration":["#))
    }
}
