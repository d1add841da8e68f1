import Foundation
import Testing
@testable import DashboardModel

/// Every number of the dashboard on a small data set whose expected values are worked out by hand.
@Suite struct MetricsTotalsTests {
    static let configurations = [
        Configuration(id: "C1", name: "Payment Reminder", status: "Active", priority: "Normal"),
        Configuration(id: "C2", name: "Fraud Callback", status: "Inactive", priority: "Critical"),
    ]
    static let queues = [Queue(id: "Q1", name: "Collections"), Queue(id: "Q2", name: "Fraud Desk")]

    /// | id | created (UTC)    | status    | result    | dial mode   | config | queue |
    /// | a1 | 11-01 08:00      | Complete  | CallEnded | Progressive | C1     | Q1    |
    /// | a2 | 11-01 09:00      | Complete  | NoAnswer  | Progressive | C1     | Q1    |
    /// | a3 | 11-01 10:00      | Pending   |           |             | C1     | Q2    |
    /// | a4 | 11-02 08:00      | Complete  | (empty)   | (empty)     | C2     | Q2    |
    /// | a5 | 11-02 09:00      | Expired   | Expired   | Preview     | C2     | Q2    |
    /// | a6 | 11-02 10:00      | Complete  | CallEnded | Copilot     | C9 (?) | Q9 (?)|
    /// | a7 | 11-04 11:00      | InProcess |           |             | C1     | Q1    |
    /// | a8 | 11-04 12:00      | Error     | Error     | Progressive | C2     | Q1    |
    static let deliveries = [
        MX.d("a1", "2026-11-01T08:00:00Z", "Complete", result: "CallEnded", dial: "Progressive", config: "C1", queue: "Q1"),
        MX.d("a2", "2026-11-01T09:00:00Z", "Complete", result: "NoAnswer", dial: "Progressive", config: "C1", queue: "Q1"),
        MX.d("a3", "2026-11-01T10:00:00Z", "Pending", config: "C1", queue: "Q2"),
        MX.d("a4", "2026-11-02T08:00:00Z", "Complete", config: "C2", queue: "Q2"),
        MX.d("a5", "2026-11-02T09:00:00Z", "Expired", result: "Expired", dial: "Preview", config: "C2", queue: "Q2"),
        MX.d("a6", "2026-11-02T10:00:00Z", "Complete", result: "CallEnded", dial: "Copilot", config: "C9", queue: "Q9"),
        MX.d("a7", "2026-11-04T11:00:00Z", "InProcess", config: "C1", queue: "Q1"),
        MX.d("a8", "2026-11-04T12:00:00Z", "Error", result: "Error", dial: "Progressive", config: "C2", queue: "Q1"),
    ]

    func makeStore() throws -> MXStore {
        let s = try MXStore()
        try s.write(deliveries: Self.deliveries, configurations: Self.configurations, queues: Self.queues)
        return s
    }

    @Test func totalsAndProcessed() throws {
        let data = try makeStore().compute()
        // 8 deliveries; Complete: a1, a2, a4, a6.
        #expect(data.totalDeliveries == 8)
        #expect(data.processed == 4)
        #expect(data.from == nil && data.to == nil)
    }

    @Test func deliveriesByStatusOverallInLifeCycleOrder() throws {
        let data = try makeStore().compute()
        // Pending a3; InProcess a7; Complete a1 a2 a4 a6; Expired a5; Error a8. No Cancelled -> absent.
        #expect(data.mxStatus == ["Pending": 1, "InProcess": 1, "Complete": 4, "Expired": 1, "Error": 1])
        #expect(data.mxStatusOrder == ["Pending", "InProcess", "Complete", "Expired", "Error"])
    }

    @Test func statusPerDateOnlyDaysWithDeliveries() throws {
        let data = try makeStore().compute()
        // 11-01: a1 a2 Complete, a3 Pending. 11-02: a4 a6 Complete, a5 Expired. 11-03: nothing (absent).
        // 11-04: a7 InProcess, a8 Error.
        #expect(data.mxStatusDates == [
            "2026-11-01 Pending=1 Complete=2",
            "2026-11-02 Complete=2 Expired=1",
            "2026-11-04 InProcess=1 Error=1",
        ])
        #expect(data.mxDates == ["2026-11-01 3/2", "2026-11-02 3/2", "2026-11-04 2/0"])
    }

    @Test func processedByResultAndDialModeWithBlank() throws {
        let data = try makeStore().compute()
        // Processed: a1 CallEnded/Progressive, a2 NoAnswer/Progressive, a4 empty/empty, a6 CallEnded/Copilot.
        // a5's "Expired" result and a8's "Error" are not processed and must not show.
        #expect(data.mxResult == ["CallEnded": 2, "NoAnswer": 1, "(Blank)": 1])
        #expect(data.mxDialMode == ["Progressive": 2, "(Blank)": 1, "Copilot": 1])
        #expect(data.processedByResult.first == CountEntry("CallEnded", 2))
        #expect(data.processedByDialMode.first == CountEntry("Progressive", 2))
    }

    @Test func byConfigurationWithCatalogAndUnknownId() throws {
        let data = try makeStore().compute()
        // C1: a1 a2 a3 a7 -> 4 total, 2 processed. C2: a4 a5 a8 -> 3 total, 1 processed (a4).
        // C9 (not in the catalog): a6 -> 1/1, its id as name, no status or priority.
        #expect(data.mxConfigs == [
            "Payment Reminder|Active|Normal|4/2",
            "Fraud Callback|Inactive|Critical|3/1",
            "C9|nil|nil|1/1",
        ])
        #expect(data.byConfiguration.map(\.id) == ["C1", "C2", "C9"])
    }

    @Test func byQueueWithUnknownId() throws {
        let data = try makeStore().compute()
        // Q1: a1 a2 a7 a8 -> 4/2. Q2: a3 a4 a5 -> 3/1. Q9 (unknown): a6 -> 1/1, named by its id.
        #expect(data.mxQueues == ["Collections 4/2", "Fraud Desk 3/1", "Q9 1/1"])
        #expect(data.byQueue.map(\.id) == ["Q1", "Q2", "Q9"])
    }

    @Test func tablesOrderedByTotalThenName() throws {
        let s = try MXStore()
        // Configurations: "Zeta" (id A) 3 deliveries, "Beta" (id Z) 2, "Alpha" (id Y) 2 -> Zeta, Alpha, Beta.
        // Queues: "Zulu" (id q-a) 1, "Alpha" (id q-z) 1, "Mike" (id q-m) 5 -> Mike, Alpha, Zulu
        // (names decide a tie, not ids).
        var list: [Delivery] = []
        for i in 0..<3 { list.append(MX.d("z\(i)", "2026-11-01T10:0\(i):00Z", config: "A", queue: "q-m")) }
        for i in 0..<2 { list.append(MX.d("b\(i)", "2026-11-01T11:0\(i):00Z", config: "Z", queue: "q-m")) }
        list.append(MX.d("y0", "2026-11-01T12:00:00Z", config: "Y", queue: "q-a"))
        list.append(MX.d("y1", "2026-11-01T12:01:00Z", config: "Y", queue: "q-z"))
        try s.write(deliveries: list,
                    configurations: [Configuration(id: "A", name: "Zeta"), Configuration(id: "Z", name: "Beta"),
                                     Configuration(id: "Y", name: "Alpha")],
                    queues: [Queue(id: "q-a", name: "Zulu"), Queue(id: "q-z", name: "Alpha"), Queue(id: "q-m", name: "Mike")])
        let data = try s.compute()
        #expect(data.byConfiguration.map(\.name) == ["Zeta", "Alpha", "Beta"])
        #expect(data.byQueue.map(\.name) == ["Mike", "Alpha", "Zulu"])
        #expect(data.byQueue.map(\.total) == [5, 1, 1])
    }

    @Test func daysRunInDateOrderEvenWhenWrittenBackwards() throws {
        let s = try MXStore()
        // Written newest first; 11-05 has none and must not show.
        try s.write(deliveries: [
            MX.d("x3", "2026-11-06T01:00:00Z", "Complete"),
            MX.d("x2", "2026-11-04T01:00:00Z"),
            MX.d("x1", "2026-11-04T23:59:59Z", "Complete"),
            MX.d("x0", "2026-11-03T00:00:00Z"),
        ])
        let data = try s.compute()
        #expect(data.mxDates == ["2026-11-03 1/0", "2026-11-04 2/1", "2026-11-06 1/1"])
        #expect(data.statusByDate.map(\.date.iso) == ["2026-11-03", "2026-11-04", "2026-11-06"])
    }

    @Test func unseenStatusCountsAfterTheLifeCycle() throws {
        let s = try MXStore()
        try s.write(deliveries: [
            MX.d("u1", "2026-11-01T01:00:00Z", "OnHold"),
            MX.d("u2", "2026-11-01T02:00:00Z", "Complete", result: "CallEnded"),
            MX.d("u3", "2026-11-01T03:00:00Z", "Cancelled", result: "Cancelled"),
            MX.d("u4", "2026-11-01T04:00:00Z", "AwaitingRetry"),
        ])
        let data = try s.compute()
        // Life cycle first (Complete, Cancelled), then the unknown ones alphabetically.
        #expect(data.mxStatusOrder == ["Complete", "Cancelled", "AwaitingRetry", "OnHold"])
        #expect(data.totalDeliveries == 4 && data.processed == 1)
    }

    @Test func emptyStoreGivesZeros() throws {
        let data = try MXStore().compute(MX.filters(.lastDays(30)))
        #expect(data.totalDeliveries == 0 && data.processed == 0)
        #expect(data.deliveriesByStatus.isEmpty && data.statusByDate.isEmpty && data.byDate.isEmpty)
        #expect(data.byConfiguration.isEmpty && data.byQueue.isEmpty)
        #expect(data.processedByResult.isEmpty && data.processedByDialMode.isEmpty)
        // Last 30 days including today 2026-11-10: 10-12 ... 11-10.
        #expect(data.from == MX.day("2026-10-12") && data.to == MX.day("2026-11-10"))
    }

    @Test func sumsAreConsistent() throws {
        let data = try makeStore().compute()
        #expect(data.deliveriesByStatus.reduce(0) { $0 + $1.count } == data.totalDeliveries)
        #expect(data.byDate.reduce(0) { $0 + $1.total } == data.totalDeliveries)
        #expect(data.byConfiguration.reduce(0) { $0 + $1.processed } == data.processed)
        #expect(data.byQueue.reduce(0) { $0 + $1.total } == data.totalDeliveries)
        #expect(data.processedByResult.reduce(0) { $0 + $1.count } == data.processed)
    }
}
