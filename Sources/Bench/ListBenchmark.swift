import Foundation
import DashboardModel

/// The drill-down list's first page at scale: for each filter state of the bench's sequence and each kind of
/// `DeliverySelection`, `DeliveryQuery.page` (the first `pageSize` rows, as the list pane asks when it opens) and
/// its `count`, timed together. Each kind takes the smallest figure the dashboard shows for it in that state (the
/// sparsest selection, the most rows to pass over). Checked: the page holds `min(count, pageSize)` rows.
public enum ListBenchmark {
    public struct Sample: Sendable {
        public var state: String
        public var kind: String
        public var count: Int
        public var rows: Int
        public var pageMs: Double
        public var countMs: Double
        public var totalMs: Double { pageMs + countMs }
        public var consistent: Bool { rows == min(count, ListBenchmark.pageSize) }
    }

    public static let pageSize = 100

    /// The selections of one state: every kind, each at its smallest non-zero figure.
    public static func selections(_ data: DashboardData) -> [(kind: String, selection: DeliverySelection)] {
        func smallest(_ entries: [CountEntry]) -> String? { entries.filter { $0.count > 0 }.min { $0.count < $1.count }?.label }
        var list: [(String, DeliverySelection)] = [("all", .all), ("processed", .processed)]
        if let s = smallest(data.deliveriesByStatus) { list.append(("status", .status(s))) }
        if !data.statusByDate.isEmpty {
            let day = data.statusByDate[data.statusByDate.count / 2]
            if let s = smallest(day.counts) { list.append(("status on a day", .statusOnDay(s, day.date))) }
        }
        if let r = smallest(data.processedByResult) { list.append(("result", .result(r))) }
        if let m = smallest(data.processedByDialMode) { list.append(("dial mode", .dialMode(m))) }
        if let c = data.byConfiguration.filter({ $0.total > 0 }).min(by: { $0.total < $1.total }) {
            list.append(("configuration", .configuration(id: c.id, processedOnly: false)))
        }
        if let q = data.byQueue.filter({ $0.processed > 0 }).min(by: { $0.processed < $1.processed }) {
            list.append(("queue, processed", .queue(id: q.id, processedOnly: true)))
        }
        if !data.byDate.isEmpty { list.append(("day", .day(data.byDate[data.byDate.count / 2].date, processedOnly: false))) }
        list += [("pending", .pending), ("in progress", .inProgress), ("processed last hour", .processedLastHour)]
        return list
    }

    public static func run(index: AggregateIndex, store: DeliveryStore, states: [BenchState], now: Date) throws -> [Sample] {
        var samples: [Sample] = []
        for state in states {
            let data = MetricsEngine.compute(index: index, filters: state.filters, now: now)
            for (kind, selection) in selections(data) {
                let query = DeliveryQuery(filters: state.filters, selection: selection, now: now)
                let (page, pageMs) = try Stopwatch.time { try query.page(index: index, store: store, limit: pageSize) }
                let (count, countMs) = try Stopwatch.time { try query.count(index: index, store: store) }
                samples.append(Sample(state: state.name, kind: kind, count: count, rows: page.rows.count,
                                      pageMs: pageMs, countMs: countMs))
            }
        }
        return samples
    }
}

/// `export` of the bench store's deliveries (all dates, every direction: every row) as CSV into a sink that only
/// counts the bytes: the rows per second of reading and formatting, without the disk.
public enum ExportBenchmark {
    public struct Result: Sendable {
        public var workers: Int
        public var rows: Int
        public var bytes: Int
        public var seconds: Double
        public var cpuSeconds: Double
        public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
    }

    final class CountingSink: ByteSink {
        var bytes = 0
        func write(_ more: [UInt8]) throws { bytes += more.count }
        func write(raw more: UnsafeRawBufferPointer) throws { bytes += more.count }
    }

    public static func run(index: AggregateIndex, store: DeliveryStore, now: Date, workers: Int? = nil) throws -> Result {
        let filters = DashboardFilters(range: .all, timeZone: "UTC", selections: [:])
        var exporter = DeliveryExporter(options: ExportOptions())
        if let workers { exporter.workers = workers }
        let sink = CountingSink()
        let cpu = CPUClock.processMilliseconds
        let (rows, ms) = try Stopwatch.time {
            try exporter.export(DeliveryQuery(filters: filters, now: now), index: index, store: store, to: sink)
        }
        return Result(workers: exporter.workers, rows: rows, bytes: sink.bytes, seconds: ms / 1000,
                      cpuSeconds: (CPUClock.processMilliseconds - cpu) / 1000)
    }
}
