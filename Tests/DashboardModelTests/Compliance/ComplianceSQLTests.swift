import Foundation
import GRDB
import Testing
@testable import DashboardModel

/// The compliance figure and the previous period from the slot counts equal plain SQL over the delivery rows
/// (`deliveries` joined to `combos`, day starts from Foundation's `Calendar`), on a random store over two months
/// around New York's clock change, in several zones, ranges and filters.
@Suite struct ComplianceSQLTests {
    static let results = ["LiveAnswer", "CallEnded", "Abandoned", "CSRCancelled", "NoAnswer", "CallFailed", ""]
    static let statuses = ["Complete", "Complete", "Complete", "Pending", "Expired"]
    static let now = "2026-11-25T15:00:00Z"

    static func store() throws -> MXStore {
        let s = try MXStore(preferRAM: true)
        var rng = SplitMix64(seed: 0xC0_2026)
        let start = MX.utc("2026-09-20T00:00:00Z"), end = MX.utc("2026-11-26T00:00:00Z")
        var deliveries: [Delivery] = []
        for i in 0..<4000 {
            let created = start + Int64.random(in: 0..<(end - start), using: &rng)
            let config = "cfg-\(Int.random(in: 0..<6, using: &rng))"
            deliveries.append(Delivery(
                deliveryId: "r\(i)", createdOn: created, modifiedOn: nil,
                status: statuses.randomElement(using: &rng)!, result: results.randomElement(using: &rng)!,
                dialMode: "Predictive", configId: config, queueId: "q\(Int.random(in: 0..<3, using: &rng))",
                channel: Bool.random(using: &rng) ? "Voice" : "SMS", conversationId: "", engagementType: ""))
        }
        try s.write(now: now, deliveries: deliveries, configurations: (0..<5).map { Configuration(id: "cfg-\($0)", name: "Config \($0)") })
        return s
    }

    /// Start of a local day by Foundation (not `LocalDate.startInstant`).
    static func start(_ day: LocalDate, _ zone: String) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        return Int64(calendar.startOfDay(for: date).timeIntervalSince1970)
    }

    /// Per configuration id: (processed, live-answered, abandoned) of processed deliveries in [from, to] local days,
    /// with the queue and channel filters given.
    static func sql(_ s: MXStore, from: LocalDate, to: LocalDate, zone: String, queues: [String], channels: [String])
        throws -> [String: (Int, Int, Int)] {
        var conditions = ["c.status = 'Complete'", "d.created >= ?", "d.created < ?"]
        var arguments: [DatabaseValueConvertible] = [start(from, zone), start(to.adding(days: 1), zone)]
        if !queues.isEmpty {
            conditions.append("c.queue_id IN (\(queues.map { _ in "?" }.joined(separator: ",")))")
            arguments += queues
        }
        if !channels.isEmpty {
            conditions.append("c.channel IN (\(channels.map { _ in "?" }.joined(separator: ",")))")
            arguments += channels
        }
        let rows = try s.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.config_id, count(*),
                       sum(c.result IN ('CallEnded', 'LiveAnswer', 'Abandoned', 'CSRCancelled')),
                       sum(c.result = 'Abandoned')
                FROM deliveries AS d JOIN combos AS c ON c.id = d.combo
                WHERE \(conditions.joined(separator: " AND ")) GROUP BY c.config_id
                """, arguments: StatementArguments(arguments))
        }
        var out: [String: (Int, Int, Int)] = [:]
        for row in rows { out[row[0]] = (row[1], row[2], row[3]) }
        return out
    }

    static let cases: [(DateRange, String, [String], [String], AbandonRule)] = [
        (.lastDays(30), "America/New_York", [], [], .us30d),
        (.lastDays(7), "America/New_York", ["q1"], [], .us30d),
        (.between(MX.day("2026-10-20"), MX.day("2026-11-03")), "America/New_York", [], ["Voice"], .us30d),
        (.between(MX.day("2026-10-20"), MX.day("2026-11-01")), "America/New_York", [], [], .uk24h),
        (.lastDays(90), "Asia/Kathmandu", ["q0", "q2"], [], .us30d),
        (.all, "Australia/Lord_Howe", [], ["SMS"], .us30d),
        (.lastDays(3), "UTC", [], [], .uk24h),
    ]

    @Test func complianceEqualsSQL() throws {
        let s = try Self.store()
        let index = try s.index()
        let now = MX.instant(Self.now)
        for (range, zone, queues, channels, rule) in Self.cases {
            var selections: [FilterDimension: Set<String>] = [:]
            if !queues.isEmpty { selections[.queue] = Set(queues) }
            if !channels.isEmpty { selections[.channel] = Set(channels) }
            // Status and result filters do not narrow the compliance figure.
            selections[.status] = ["Pending"]
            selections[.result] = ["NoAnswer"]
            let data = MetricsEngine.compute(index: index, filters: MX.filters(range, tz: zone, selections), now: now, abandonRule: rule)
            let c = try #require(data.compliance)
            let today = LocalDate.containing(epochSeconds: MX.utc(Self.now), in: TimeZone(identifier: zone)!)
            let last = range.bounds(today: today).to ?? today
            #expect(c.to == last)
            #expect(c.from == last.adding(days: -(rule.days - 1)))
            let expected = try Self.sql(s, from: c.from, to: c.to, zone: zone, queues: queues, channels: channels)
            let got = Dictionary(uniqueKeysWithValues: c.rows.map { ($0.id, ($0.liveAnswered, $0.abandoned)) })
            #expect(got.count == expected.count, "\(range) \(zone)")
            for (id, figures) in expected {
                #expect(got[id]?.0 == figures.1 && got[id]?.1 == figures.2, "\(id) \(range) \(zone) \(rule)")
            }
            // Worst first.
            let rates = c.rows.compactMap(\.rate)
            #expect(rates == rates.sorted(by: >))
            #expect(c.rows.count > 0)
        }
    }

    @Test func previousPeriodEqualsSQL() throws {
        let s = try Self.store()
        let index = try s.index()
        let now = MX.instant(Self.now)
        for (range, zone, queues, channels, _) in Self.cases {
            var selections: [FilterDimension: Set<String>] = [:]
            if !queues.isEmpty { selections[.queue] = Set(queues) }
            if !channels.isEmpty { selections[.channel] = Set(channels) }
            let filters = MX.filters(range, tz: zone, selections)
            let data = MetricsEngine.compute(index: index, filters: filters, now: now)
            guard let from = data.from, let to = data.to else {
                #expect(data.previous == nil)
                continue
            }
            let previous = try #require(data.previous)
            let days = to.dayNumber - from.dayNumber + 1
            #expect(previous.from == from.adding(days: -days))
            #expect(previous.to == from.adding(days: -1))
            // The previous period's figures are the dashboard's figures for those days.
            let direct = MetricsEngine.compute(index: index, filters: MX.filters(.between(previous.from, previous.to), tz: zone, selections), now: now)
            #expect(previous.totalDeliveries == direct.totalDeliveries)
            #expect(previous.processed == direct.processed)
            #expect(previous.deliveriesByStatus == direct.deliveriesByStatus)
            #expect(previous.byConfiguration == Dictionary(uniqueKeysWithValues: direct.byConfiguration.map {
                ($0.id, PeriodCounts(total: $0.total, processed: $0.processed)) }))
            #expect(previous.byQueue == Dictionary(uniqueKeysWithValues: direct.byQueue.map {
                ($0.id, PeriodCounts(total: $0.total, processed: $0.processed)) }))
            #expect(previous.abandonedRate == direct.live?.abandonedRate)
            // And plain SQL's processed count.
            let sql = try Self.sql(s, from: previous.from, to: previous.to, zone: zone, queues: queues, channels: channels)
            #expect(previous.processed == sql.values.reduce(0) { $0 + $1.0 }, "\(range) \(zone)")
        }
    }

    /// The previous period and the window summed from the slot rows on one thread, on two (large stores) and from
    /// the block rows give the same figures.
    @Test func twoThreadsGiveTheSameFigures() throws {
        let s = try Self.store()
        let index = AggregateIndex(store: s.store)
        index.usesBlockRows = false
        try index.refresh()
        let blocks = try s.index()
        #expect(blocks.readyBlockRows() != nil)
        let zone = TimeZone(identifier: "America/New_York")!
        for (first, last) in [("2026-09-20", "2026-11-25"), ("2026-10-31", "2026-11-02")] {
            let one = SlotRangeTotals.comboTotals(index: index, zone: zone, first: MX.day(first), last: MX.day(last))
            let two = SlotRangeTotals.comboTotals(index: index, zone: zone, first: MX.day(first), last: MX.day(last), parallelFrom: 2)
            #expect(one == two)
            #expect(SlotRangeTotals.comboTotals(index: blocks, zone: zone, first: MX.day(first), last: MX.day(last)) == one)
            #expect(one.reduce(0, +) > 0)
        }
    }
}
