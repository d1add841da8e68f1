import DashboardModel
/// The figures the benchmark checks between the fast path and the plain-SQL baseline, keyed by stored values:
/// totals, per status, per day and status, processed per result and dial mode, per configuration and queue.
public struct BenchTotals: Equatable, Sendable {
    public var total = 0
    public var processed = 0
    public var byStatus: [String: Int] = [:]
    /// ISO date → status → count; only days with deliveries.
    public var statusByDay: [String: [String: Int]] = [:]
    public var processedByResult: [String: Int] = [:]
    public var processedByDialMode: [String: Int] = [:]
    /// Configuration id → (total, processed).
    public var byConfiguration: [String: [Int]] = [:]
    /// Queue id → (total, processed).
    public var byQueue: [String: [Int]] = [:]

    public init() {}

    /// The same figures read from what the dashboard shows.
    public init(_ data: DashboardData) {
        total = data.totalDeliveries
        processed = data.processed
        for entry in data.deliveriesByStatus { byStatus[entry.label] = entry.count }
        for day in data.statusByDate {
            statusByDay[day.date.iso] = Dictionary(uniqueKeysWithValues: day.counts.map { ($0.label, $0.count) })
        }
        for entry in data.processedByResult { processedByResult[entry.label] = entry.count }
        for entry in data.processedByDialMode { processedByDialMode[entry.label] = entry.count }
        for row in data.byConfiguration { byConfiguration[row.id] = [row.total, row.processed] }
        for row in data.byQueue { byQueue[row.id] = [row.total, row.processed] }
    }

    /// Adds `n` deliveries of one combination on one day (the baseline's accumulation).
    mutating func add(day: String, status: String, result: String, dialMode: String, configId: String,
                      queueId: String, processed isProcessed: Bool, n: Int) {
        total += n
        byStatus[status, default: 0] += n
        statusByDay[day, default: [:]][status, default: 0] += n
        let p = isProcessed ? n : 0
        if isProcessed {
            processed += n
            processedByResult[result, default: 0] += n
            processedByDialMode[dialMode, default: 0] += n
        }
        byConfiguration[configId, default: [0, 0]][0] += n
        byConfiguration[configId, default: [0, 0]][1] += p
        byQueue[queueId, default: [0, 0]][0] += n
        byQueue[queueId, default: [0, 0]][1] += p
    }

    /// Human-readable differences (at most `limit`), empty when equal.
    public func differences(from other: BenchTotals, limit: Int = 6) -> [String] {
        var out: [String] = []
        func note(_ what: String, _ a: Any, _ b: Any) { if out.count < limit { out.append("\(what): engine \(a), baseline \(b)") } }
        if total != other.total { note("total", total, other.total) }
        if processed != other.processed { note("processed", processed, other.processed) }
        func compare<V: Equatable>(_ name: String, _ a: [String: V], _ b: [String: V]) {
            for key in Set(a.keys).union(b.keys).sorted() where a[key] != b[key] {
                note("\(name)[\(key)]", a[key].map { "\($0)" } ?? "nil", b[key].map { "\($0)" } ?? "nil")
            }
        }
        compare("byStatus", byStatus, other.byStatus)
        compare("statusByDay", statusByDay, other.statusByDay)
        compare("processedByResult", processedByResult, other.processedByResult)
        compare("processedByDialMode", processedByDialMode, other.processedByDialMode)
        compare("byConfiguration", byConfiguration, other.byConfiguration)
        compare("byQueue", byQueue, other.byQueue)
        return out
    }
}
