import Foundation
import Testing
@testable import DashboardModel

@Suite struct StoreUpsertTests {
    /// Three versions of one delivery: Pending 10:00, InProcess 10:05, Complete/CallEnded 10:10.
    static let v1 = MX.d("d1", "2026-11-05T10:00:00Z", "Pending", config: "C1", queue: "Q1", modified: "2026-11-05T10:00:00Z")
    static let v2 = MX.d("d1", "2026-11-05T10:00:00Z", "InProcess", config: "C1", queue: "Q1", conversation: "cv1",
                         modified: "2026-11-05T10:05:00Z")
    static let v3 = MX.d("d1", "2026-11-05T10:00:00Z", "Complete", result: "CallEnded", dial: "Progressive",
                         config: "C1", queue: "Q1", conversation: "cv1", modified: "2026-11-05T10:10:00Z")
    static let other = MX.d("d2", "2026-11-05T11:00:00Z", "Pending", config: "C1", queue: "Q1")

    /// The expected numbers once v3 wins: 2 deliveries (d1 Complete, d2 Pending), 1 processed.
    func expectFinal(_ data: DashboardData, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(data.totalDeliveries == 2, sourceLocation: sourceLocation)
        #expect(data.processed == 1, sourceLocation: sourceLocation)
        #expect(data.mxStatus == ["Complete": 1, "Pending": 1], sourceLocation: sourceLocation)
        #expect(data.mxResult == ["CallEnded": 1], sourceLocation: sourceLocation)
        #expect(data.mxDialMode == ["Progressive": 1], sourceLocation: sourceLocation)
        #expect(data.mxDates == ["2026-11-05 2/1"], sourceLocation: sourceLocation)
        #expect(data.mxConfigs == ["C1|nil|nil|2/1"], sourceLocation: sourceLocation)
        #expect(data.mxQueues == ["Q1 2/1"], sourceLocation: sourceLocation)
    }

    @Test func newestFirstThenOlderAreSkipped() throws {
        let s = try MXStore()
        let first = try s.write(deliveries: [Self.v3, Self.other])
        #expect(first.deliveries.inserted == 2)
        let second = try s.write(deliveries: [Self.v1, Self.v2])
        #expect(second.deliveries.inserted == 0 && second.deliveries.updated == 0 && second.deliveries.skipped == 2)
        expectFinal(try s.compute())
    }

    @Test func oldestFirstThenNewerUpdate() throws {
        let s = try MXStore()
        try s.write(deliveries: [Self.v1, Self.other])
        let a = try s.write(deliveries: [Self.v2])
        #expect(a.deliveries.updated == 1)
        let b = try s.write(deliveries: [Self.v3])
        #expect(b.deliveries.updated == 1)
        expectFinal(try s.compute())
    }

    @Test func mixedOrderInOneWrite() throws {
        let s = try MXStore()
        let summary = try s.write(deliveries: [Self.v2, Self.other, Self.v1, Self.v3, Self.v1])
        // v2 inserted, other inserted, v1 skipped (older), v3 updated, v1 skipped again.
        #expect(summary.deliveries.inserted == 2)
        #expect(summary.deliveries.updated == 1)
        #expect(summary.deliveries.skipped == 2)
        expectFinal(try s.compute())
    }

    @Test func reapplyingChangesNothing() throws {
        let s = try MXStore()
        let records = [Self.v1, Self.v2, Self.v3, Self.other]
        try s.write(deliveries: records, configurations: [Configuration(id: "C9", name: "Nine")],
                    queues: [Queue(id: "Q9", name: "Nine")], conversations: [Conversation(id: "cv1", isOutbound: true)])
        let generation = try s.store.generation()
        let before = try s.compute()
        let again = try s.write(deliveries: records, configurations: [Configuration(id: "C9", name: "Nine")],
                                queues: [Queue(id: "Q9", name: "Nine")], conversations: [Conversation(id: "cv1", isOutbound: true)])
        #expect(again.deliveries.inserted == 0 && again.deliveries.updated == 0 && again.deliveries.skipped == 4)
        #expect(again.configurations.skipped == 1 && again.queues.skipped == 1 && again.conversations.skipped == 1)
        #expect(again.configurations.inserted + again.configurations.updated == 0)
        #expect(again.relinkedDeliveries == 0)
        #expect(try s.store.generation() == generation)
        #expect(try s.compute() == before)
    }

    @Test func statusChangeMovesTheDeliveryEverywhere() throws {
        let s = try MXStore()
        try s.write(deliveries: [Self.v1], configurations: [Configuration(id: "C1", name: "One")],
                    queues: [Queue(id: "Q1", name: "Queue one")])
        let index = AggregateIndex(store: s.store)
        try index.refresh()
        let filters = MX.filters()
        let before = MetricsEngine.compute(index: index, filters: filters, now: MX.instant(MX.defaultNow))
        #expect(before.mxStatus == ["Pending": 1])
        #expect(before.processed == 0)
        #expect(before.mxStatusDates == ["2026-11-05 Pending=1"])
        #expect(before.mxConfigs == ["One|Active|Normal|1/0"])
        #expect(before.mxQueues == ["Queue one 1/0"])
        #expect(before.live?.pending == 1)

        try s.write(deliveries: [Self.v3])
        #expect(try index.refresh())
        let after = MetricsEngine.compute(index: index, filters: filters, now: MX.instant(MX.defaultNow))
        #expect(after.totalDeliveries == 1 && after.processed == 1)
        #expect(after.mxStatus == ["Complete": 1])
        #expect(after.mxStatusDates == ["2026-11-05 Complete=1"])
        #expect(after.mxDates == ["2026-11-05 1/1"])
        #expect(after.mxResult == ["CallEnded": 1])
        #expect(after.mxDialMode == ["Progressive": 1])
        #expect(after.mxConfigs == ["One|Active|Normal|1/1"])
        #expect(after.mxQueues == ["Queue one 1/1"])
        #expect(after.mxFacet(.status) == ["Pending": 0, "Complete": 1])
        #expect(after.live?.pending == 0)
        // Filtering on the old status finds nothing any more.
        let pending = MetricsEngine.compute(index: index, filters: MX.filters(.all, [.status: ["Pending"]]))
        #expect(pending.totalDeliveries == 0)
    }

    @Test func newerVersionWithAnotherCreatedOnMovesDay() throws {
        let s = try MXStore()
        try s.write(deliveries: [MX.d("m", "2026-11-05T23:59:59Z", modified: "2026-11-06T01:00:00Z")])
        let index = try s.index()
        try s.write(deliveries: [MX.d("m", "2026-11-06T00:00:00Z", modified: "2026-11-06T02:00:00Z")])
        try index.refresh()
        let data = MetricsEngine.compute(index: index, filters: MX.filters(), now: MX.instant(MX.defaultNow))
        #expect(data.mxDates == ["2026-11-06 1/0"])
        #expect(try s.compute() == data)
    }

    @Test func conversationArrivingAfterItsDeliveryRelinks() throws {
        let s = try MXStore()
        try s.write(deliveries: [Self.v2, Self.other])
        let index = try s.index()
        let incoming = MX.filters(.all, [.direction: ["Incoming"]])
        let outgoing = MX.filters(.all, [.direction: ["Outgoing"]])
        // No conversation known yet: d1 has no direction and passes both.
        #expect(MetricsEngine.compute(index: index, filters: incoming).totalDeliveries == 2)
        #expect(MetricsEngine.compute(index: index, filters: outgoing).totalDeliveries == 2)

        let summary = try s.write(conversations: [Conversation(id: "cv1", isOutbound: false)])
        #expect(summary.conversations.inserted == 1)
        #expect(summary.relinkedDeliveries == 1)
        #expect(try index.refresh())
        // Now d1 is Incoming: the Outgoing filter drops it.
        #expect(MetricsEngine.compute(index: index, filters: incoming).totalDeliveries == 2)
        #expect(MetricsEngine.compute(index: index, filters: outgoing).totalDeliveries == 1)
        #expect(MetricsEngine.compute(index: index, filters: MX.filters()).mxFacet(.direction) == ["Incoming": 1, "Outgoing": 0])

        // The conversation turns out outbound: the delivery follows.
        let flip = try s.write(conversations: [Conversation(id: "cv1", isOutbound: true)])
        #expect(flip.conversations.updated == 1 && flip.relinkedDeliveries == 1)
        try index.refresh()
        #expect(MetricsEngine.compute(index: index, filters: incoming).totalDeliveries == 1)
        #expect(MetricsEngine.compute(index: index, filters: outgoing).totalDeliveries == 2)

        // A later delivery version keeps the conversation's direction (looked up at upsert).
        try s.write(deliveries: [Self.v3])
        try index.refresh()
        let done = MetricsEngine.compute(index: index, filters: incoming)
        #expect(done.totalDeliveries == 1 && done.processed == 0)
        #expect(MetricsEngine.compute(index: index, filters: outgoing).processed == 1)
        // Fresh index agrees with the incrementally refreshed one.
        #expect(try s.compute(outgoing, now: MX.defaultNow) == MetricsEngine.compute(index: index, filters: outgoing, now: MX.instant(MX.defaultNow)))
    }

    @Test func conversationAndDeliveryInTheSameWriteEitherOrder() throws {
        let a = try MXStore(), b = try MXStore()
        try a.store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.upsert(Self.v2)
            try w.upsert(Conversation(id: "cv1", isOutbound: false))
        }
        try b.store.write(now: MX.instant(MX.defaultNow)) { w in
            try w.upsert(Conversation(id: "cv1", isOutbound: false))
            try w.upsert(Self.v2)
        }
        let outgoing = MX.filters(.all, [.direction: ["Outgoing"]])
        #expect(try a.compute(outgoing).totalDeliveries == 0)
        #expect(try b.compute(outgoing).totalDeliveries == 0)
    }

    @Test func generationGrowsOnlyOnChange() throws {
        let s = try MXStore()
        #expect(try s.store.generation() == 0)
        try s.write()  // nothing
        #expect(try s.store.generation() == 0)
        try s.write(deliveries: [Self.v1])
        let g1 = try s.store.generation()
        #expect(g1 > 0)
        try s.write(deliveries: [Self.v1])  // identical
        #expect(try s.store.generation() == g1)
        try s.write(deliveries: [Self.v2])  // newer
        let g2 = try s.store.generation()
        #expect(g2 > g1)
        try s.write(deliveries: [Self.v1])  // older
        #expect(try s.store.generation() == g2)
        try s.write(queues: [Queue(id: "Q1", name: "One")])
        let g3 = try s.store.generation()
        #expect(g3 > g2)
        try s.write(queues: [Queue(id: "Q1", name: "One")])
        #expect(try s.store.generation() == g3)
        try s.write(configurations: [Configuration(id: "C1", name: "One")])
        let g4 = try s.store.generation()
        #expect(g4 > g3)
        // A conversation no delivery links to: stored, but no number changes.
        try s.write(conversations: [Conversation(id: "nobody", isOutbound: true)])
        let g5 = try s.store.generation()
        try s.write(conversations: [Conversation(id: "nobody", isOutbound: true)])
        #expect(try s.store.generation() == g5)
        // The index sees no change when the generation did not move.
        let index = try s.index()
        #expect(try index.refresh() == false)
        try s.write(queues: [Queue(id: "Q1", name: "Renamed")])
        #expect(try index.refresh() == true)
        #expect(MetricsEngine.compute(index: index, filters: MX.filters()).mxQueues == ["Renamed 1/0"])
    }

    @Test func catalogUpdateRenamesRows() throws {
        let s = try MXStore()
        try s.write(deliveries: [Self.other], configurations: [Configuration(id: "C1", name: "Old", status: "Active", priority: "High")])
        let index = try s.index()
        #expect(MetricsEngine.compute(index: index, filters: MX.filters()).mxConfigs == ["Old|Active|High|1/0"])
        let summary = try s.write(configurations: [Configuration(id: "C1", name: "New", status: "Inactive", priority: "Critical")])
        #expect(summary.configurations.updated == 1)
        try index.refresh()
        #expect(MetricsEngine.compute(index: index, filters: MX.filters()).mxConfigs == ["New|Inactive|Critical|1/0"])
        // The configuration filter now matches the new name, not the old one.
        #expect(MetricsEngine.compute(index: index, filters: MX.filters(.all, [.configuration: ["new"]])).totalDeliveries == 1)
        #expect(MetricsEngine.compute(index: index, filters: MX.filters(.all, [.configuration: ["Old"]])).totalDeliveries == 0)
    }

    /// Incremental refresh after a second write (new combos, earlier and later slots, updates, relinks) gives
    /// exactly what a fresh index gives, under several filters.
    @Test func incrementalRefreshEqualsFreshIndex() throws {
        let s = try MXStore()
        try s.write(deliveries: [
            MX.d("a", "2026-11-03T10:00:00Z", config: "C1", queue: "Q1", conversation: "cv-a", modified: "2026-11-03T10:00:00Z"),
            MX.d("b", "2026-11-04T10:00:00Z", "InProcess", config: "C2", queue: "Q1", modified: "2026-11-04T10:00:00Z"),
            MX.d("c", "2026-11-05T10:00:00Z", "Complete", result: "CallEnded", dial: "Preview", queue: "Q2"),
        ])
        let index = try s.index()
        _ = MetricsEngine.compute(index: index, filters: MX.filters(tz: "Asia/Kathmandu"))
        try s.write(now: "2026-11-10T12:05:00Z", deliveries: [
            MX.d("a", "2026-11-03T10:00:00Z", "Complete", result: "NoAnswer", dial: "Copilot", config: "C1", queue: "Q1",
                 conversation: "cv-a", modified: "2026-11-10T12:00:00Z"),
            MX.d("b", "2026-11-04T10:00:00Z", "Expired", result: "Expired", config: "C2", queue: "Q1",
                 modified: "2026-11-06T10:00:00Z"),
            MX.d("e", "2026-11-01T09:00:00Z", "Error", result: "Error", queue: "Q3"),      // before every slot
            MX.d("f", "2026-11-04T10:00:00Z", "Pending", config: "C2", queue: "Q1"),       // same slot as b
            MX.d("g", "2026-11-04T10:10:00Z", "Cancelled", queue: "Q1"),                   // between slots
            MX.d("h", "2026-11-09T00:00:00Z", "Complete", result: "CallEnded", channel: "SMS"),  // after every slot
        ], queues: [Queue(id: "Q1", name: "One")], conversations: [Conversation(id: "cv-a", isOutbound: false)])
        #expect(try index.refresh())
        let fresh = try s.index()
        let now = MX.instant("2026-11-10T12:05:00Z")
        let filterSets: [DashboardFilters] = [
            MX.filters(), MX.filters(tz: "Asia/Kathmandu"), MX.filters(tz: "America/New_York"),
            MX.filters(.lastDays(7), tz: "UTC", [.direction: ["Outgoing"]]),
            MX.filters(.all, [.queue: ["One", "Q3"], .status: ["Complete", "Error"]]),
            MX.filters(.between(MX.day("2026-11-04"), MX.day("2026-11-04")), tz: "Asia/Kolkata"),
        ]
        for filters in filterSets {
            let a = MetricsEngine.compute(index: index, filters: filters, now: now)
            let b = MetricsEngine.compute(index: fresh, filters: filters, now: now)
            #expect(a == b, "\(filters)")
        }
        // And the hand-computed totals: a b c e f g h = 7, processed a c h = 3.
        let all = MetricsEngine.compute(index: index, filters: MX.filters(), now: now)
        #expect(all.totalDeliveries == 7 && all.processed == 3)
        #expect(all.mxDates == ["2026-11-01 1/0", "2026-11-03 1/1", "2026-11-04 3/0", "2026-11-05 1/1", "2026-11-09 1/1"])
        #expect(all.live?.throughputPerHour == 1)  // a, completed 12:00, five minutes before now
    }

    @Test func unseenValuesAreNamedInTheSummary() throws {
        let s = try MXStore()
        let summary = try s.write(deliveries: [
            MX.d("u", "2026-11-05T10:00:00Z", "OnHold", result: "Voicemail", dial: "Robo"),
            MX.d("k", "2026-11-05T10:00:00Z", "Complete", result: "CallEnded", dial: "Copilot"),
        ])
        #expect(summary.unseenValues == ["status \"OnHold\"", "result \"Voicemail\"", "dial mode \"Robo\""])
        #expect(try s.compute().mxStatus == ["Complete": 1, "OnHold": 1])
    }
}
