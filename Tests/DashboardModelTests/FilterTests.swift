import Foundation
import Testing
@testable import DashboardModel

/// A small center for the filter and facet tests. All on 2026-11-05 (UTC).
///
/// | id | status   | result      | dial        | cfg | queue | channel | conversation      | type           |
/// | f1 | Complete | CallEnded   | Progressive | C1  | Q1    | Voice   | cv-out (Outgoing) | AI agent       |
/// | f2 | Complete | NoAnswer    | Preview     | C1  | Q2    | Voice   | cv-in (Incoming)  | Representative |
/// | f3 | Pending  | (empty)     | (empty)     | C2  | Q1    | Voice   | none              | (empty)        |
/// | f4 | Expired  | Expired     | Progressive | C2  | Q2    | SMS     | none              | AI agent       |
/// | f5 | Complete | MessageSent | (empty)     | C2  | Q1    | SMS     | cv-unk (no dir.)  | (empty)        |
/// | f6 | Complete | CallEnded   | Predictive  | C1  | Q1    | Voice   | cv-in (Incoming)  | Representative |
enum FilterFixture {
    static let configurations = [
        Configuration(id: "C1", name: "Payment Reminder", status: "Active", priority: "Normal"),
        Configuration(id: "C2", name: "Fraud Callback", status: "Active", priority: "High"),
    ]
    static let queues = [Queue(id: "Q1", name: "Collections"), Queue(id: "Q2", name: "Fraud Desk")]
    static let conversations = [
        Conversation(id: "cv-out", isOutbound: true),
        Conversation(id: "cv-in", isOutbound: false),
        Conversation(id: "cv-unk", isOutbound: nil),
    ]
    static let deliveries = [
        MX.d("f1", "2026-11-05T01:00:00Z", "Complete", result: "CallEnded", dial: "Progressive", config: "C1",
             queue: "Q1", conversation: "cv-out", type: "AI agent"),
        MX.d("f2", "2026-11-05T02:00:00Z", "Complete", result: "NoAnswer", dial: "Preview", config: "C1",
             queue: "Q2", conversation: "cv-in", type: "Representative"),
        MX.d("f3", "2026-11-05T03:00:00Z", "Pending", config: "C2", queue: "Q1"),
        MX.d("f4", "2026-11-05T04:00:00Z", "Expired", result: "Expired", dial: "Progressive", config: "C2",
             queue: "Q2", channel: "SMS", type: "AI agent"),
        MX.d("f5", "2026-11-05T05:00:00Z", "Complete", result: "MessageSent", config: "C2", queue: "Q1",
             channel: "SMS", conversation: "cv-unk"),
        MX.d("f6", "2026-11-05T06:00:00Z", "Complete", result: "CallEnded", dial: "Predictive", config: "C1",
             queue: "Q1", conversation: "cv-in", type: "Representative"),
    ]

    static func store() throws -> MXStore {
        let s = try MXStore()
        try s.write(deliveries: deliveries, configurations: configurations, queues: queues, conversations: conversations)
        return s
    }
}

@Suite struct FilterTests {
    let s: MXStore
    let index: AggregateIndex
    init() throws {
        s = try FilterFixture.store()
        index = try s.index()
    }

    func total(_ selections: [FilterDimension: Set<String>]) -> Int {
        MetricsEngine.compute(index: index, filters: MX.filters(.all, selections), now: MX.instant(MX.defaultNow)).totalDeliveries
    }

    @Test func noFilter() { #expect(total([:]) == 6) }

    @Test func directionOnlyTouchesLinkedConversations() {
        // Outgoing removes the Incoming f2, f6; f3, f4 (no conversation) and f5 (no direction) stay.
        #expect(total([.direction: ["Outgoing"]]) == 4)
        // Incoming removes the Outgoing f1 only.
        #expect(total([.direction: ["Incoming"]]) == 5)
        #expect(total([.direction: ["Outgoing", "Incoming"]]) == 6)
        #expect(total([.direction: ["outgoing"]]) == 4)
    }

    @Test func queueByIdOrByNameAnyCase() {
        // Q1 = Collections: f1 f3 f5 f6.
        #expect(total([.queue: ["Q1"]]) == 4)
        #expect(total([.queue: ["Collections"]]) == 4)
        #expect(total([.queue: ["collections"]]) == 4)
        #expect(total([.queue: ["COLLECTIONS"]]) == 4)
        #expect(total([.queue: ["q1"]]) == 4)
        #expect(total([.queue: ["Fraud Desk"]]) == 2)   // f2 f4
        #expect(total([.queue: ["fraud desk"]]) == 2)
        #expect(total([.queue: ["Q1", "Fraud Desk"]]) == 6)  // OR within a filter
        #expect(total([.queue: ["Nowhere"]]) == 0)
    }

    @Test func configurationByIdOrByName() {
        // C2 = Fraud Callback: f3 f4 f5. C1 = Payment Reminder: f1 f2 f6.
        #expect(total([.configuration: ["Fraud Callback"]]) == 3)
        #expect(total([.configuration: ["fraud callback"]]) == 3)
        #expect(total([.configuration: ["C1"]]) == 3)
        #expect(total([.configuration: ["C1", "Fraud Callback"]]) == 6)
    }

    @Test func andAcrossFilters() {
        // Q1 and Complete: f1 f5 f6. + Voice: f1 f6. + Outgoing: f1 (f6 is Incoming).
        #expect(total([.queue: ["Q1"], .status: ["Complete"]]) == 3)
        #expect(total([.queue: ["Q1"], .status: ["Complete"], .channel: ["Voice"]]) == 2)
        #expect(total([.queue: ["Q1"], .status: ["Complete"], .channel: ["Voice"], .direction: ["Outgoing"]]) == 1)
        // Disjoint: SMS and Predictive -> none.
        #expect(total([.channel: ["SMS"], .dialMode: ["Predictive"]]) == 0)
    }

    @Test func statusResultDialModeValues() {
        #expect(total([.status: ["Pending", "Expired"]]) == 2)  // f3 f4
        #expect(total([.status: ["complete"]]) == 4)            // f1 f2 f5 f6
        #expect(total([.status: ["IN_PROCESS", "inprocess"]]) == 0)
        // The result filter applies to every delivery, processed or not: Expired is f4.
        #expect(total([.result: ["Expired"]]) == 1)
        #expect(total([.result: ["(Blank)"]]) == 1)             // f3
        #expect(total([.result: ["callended"]]) == 2)           // f1 f6
        #expect(total([.dialMode: ["(Blank)"]]) == 2)           // f3 f5
        #expect(total([.dialMode: ["progressive"]]) == 2)       // f1 f4
        #expect(total([.channel: ["sms"]]) == 2)                // f4 f5
    }

    @Test func engagementTypeUnspecified() {
        #expect(total([.conversationType: ["Unspecified"]]) == 2)  // f3 f5
        #expect(total([.conversationType: ["unspecified"]]) == 2)
        #expect(total([.conversationType: ["AI agent"]]) == 2)     // f1 f4
        #expect(total([.conversationType: ["ai agent"]]) == 2)
        #expect(total([.conversationType: ["Unspecified", "Representative"]]) == 4)  // f2 f3 f5 f6
    }

    @Test func filteredNumbersBeyondTotal() {
        let data = MetricsEngine.compute(index: index, filters: MX.filters(.all, [.queue: ["Collections"], .direction: ["Outgoing"]]),
                                         now: MX.instant(MX.defaultNow))
        // Q1 and not Incoming: f1 (Complete CallEnded Progressive C1), f3 (Pending C2), f5 (Complete MessageSent C2).
        #expect(data.totalDeliveries == 3 && data.processed == 2)
        #expect(data.mxStatus == ["Complete": 2, "Pending": 1])
        #expect(data.mxResult == ["CallEnded": 1, "MessageSent": 1])
        #expect(data.mxDialMode == ["Progressive": 1, "(Blank)": 1])
        #expect(data.mxConfigs == ["Fraud Callback|Active|High|2/1", "Payment Reminder|Active|Normal|1/1"])
        #expect(data.mxQueues == ["Collections 3/2"])
        #expect(data.mxDates == ["2026-11-05 3/2"])
    }

    @Test func clearingAFilter() {
        var filters = MX.filters(.all, [.queue: ["Q1"]])
        #expect(MetricsEngine.compute(index: index, filters: filters).totalDeliveries == 4)
        filters.clear(.queue)
        #expect(filters.selections.isEmpty)
        #expect(MetricsEngine.compute(index: index, filters: filters).totalDeliveries == 6)
        filters.toggle(.status, "Pending")
        #expect(MetricsEngine.compute(index: index, filters: filters).totalDeliveries == 1)
        filters.toggle(.status, "Pending")
        #expect(filters.selected(.status).isEmpty && filters.selections[.status] == nil)
        #expect(MetricsEngine.compute(index: index, filters: filters).totalDeliveries == 6)
        filters.set(.channel, ["SMS"])
        filters.set(.channel, [])
        #expect(filters.selections[.channel] == nil)
        filters.set(.direction, ["Outgoing"])
        filters.set(.queue, ["Q2"])
        #expect(MetricsEngine.compute(index: index, filters: filters).totalDeliveries == 1)  // f4 (f2 is Incoming)
        filters.clearAll()
        #expect(MetricsEngine.compute(index: index, filters: filters).totalDeliveries == 6)
        // An empty set given at init is "all" too.
        #expect(MX.filters(.all, [.queue: []]).selections.isEmpty)
    }

    @Test func defaultsAreLast30DaysAndOutgoing() throws {
        let d = DashboardFilters.defaults(timeZone: "UTC")
        #expect(d.range == .lastDays(30))
        #expect(d.selections == [.direction: ["Outgoing"]])
        #expect(DashboardFilters(timeZone: "UTC") == d)
        // Fixture (2026-11-05) plus deliveries around the 30-day edge; now 2026-11-10 12:00Z: 10-12 ... 11-10.
        try s.write(deliveries: [
            MX.d("g1", "2026-10-11T23:59:59Z"),                                   // out (31 days ago)
            MX.d("g2", "2026-10-12T00:00:00Z"),                                   // in
            MX.d("g3", "2026-11-10T23:59:59Z", conversation: "cv-in"),            // in range, but Incoming
            MX.d("g4", "2026-11-11T00:00:00Z"),                                   // out (tomorrow)
        ])
        let data = try s.compute(d)
        // In range: f1..f6, g2, g3. Outgoing removes f2, f6, g3 -> f1 f3 f4 f5 g2.
        #expect(data.totalDeliveries == 5)
        #expect(data.from == MX.day("2026-10-12") && data.to == MX.day("2026-11-10"))
        #expect(data.mxDates == ["2026-10-12 1/0", "2026-11-05 4/2"])
    }

    @Test func timeZoneFallsBackToUTCForUnknownName() {
        // (Foundation on Linux names its UTC zone "GMT".)
        #expect(MX.filters(tz: "Not/AZone").zone.secondsFromGMT(for: MX.instant("2026-07-01T00:00:00Z")) == 0)
        #expect(MX.filters(tz: "Asia/Kathmandu").zone.secondsFromGMT(for: Date()) == 5 * 3600 + 45 * 60)
    }
}
