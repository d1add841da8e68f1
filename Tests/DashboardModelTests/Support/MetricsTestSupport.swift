import Foundation
import Testing
@testable import DashboardModel

/// A tiny DSL for the store / metrics tests: instants from ISO strings, deliveries in one line, a throw-away
/// store in a temp folder, and flat views of `DashboardData` that read well in `#expect`.
/// Everything lives under `MX` so that it cannot clash with other test helpers of this target.
enum MX {
    /// Seconds since 1970 of an ISO-8601 instant such as `"2026-11-01T04:59:00Z"` (parsed by Foundation,
    /// not by the code under test).
    static func utc(_ text: String) -> Int64 {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad instant in a test: \(text)") }
        return Int64(date.timeIntervalSince1970)
    }

    static func instant(_ text: String) -> Date { Date(timeIntervalSince1970: TimeInterval(utc(text))) }

    static func day(_ text: String) -> LocalDate {
        guard let day = LocalDate(iso: text) else { fatalError("bad day in a test: \(text)") }
        return day
    }

    /// One delivery version. `created` / `modified` are ISO instants.
    static func d(_ id: String, _ created: String, _ status: String = "Pending", result: String = "",
                  dial: String = "", config: String = "", queue: String = "", channel: String = "Voice",
                  conversation: String = "", type: String = "", modified: String? = nil) -> Delivery {
        Delivery(deliveryId: id, createdOn: utc(created), modifiedOn: modified.map(utc), status: status,
                 result: result, dialMode: dial, configId: config, queueId: queue, channel: channel,
                 conversationId: conversation, engagementType: type)
    }

    /// Filters with nothing selected unless said (note: `DashboardFilters()` itself defaults direction to
    /// Outgoing; these helpers do not).
    static func filters(_ range: DateRange = .all, tz: String = "UTC",
                        _ selections: [FilterDimension: Set<String>] = [:]) -> DashboardFilters {
        DashboardFilters(range: range, timeZone: tz, selections: selections)
    }

    static let defaultNow = "2026-11-10T12:00:00Z"
}

/// A store in its own temp folder, removed when the value goes away.
final class MXStore {
    let folder: URL
    let store: DeliveryStore

    /// - Parameters:
    ///   - preferRAM: put the store on /dev/shm when there is one (for the many stores of the property test: no
    ///     disk syncs).
    ///   - snapshotRewriteThreshold: a write changing more slot rows than this rewrites the aggregate snapshot.
    init(preferRAM: Bool = false, snapshotRewriteThreshold: Int = AggregateSnapshotWriter.defaultRewriteThreshold) throws {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let base = preferRAM && FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        folder = base.appendingPathComponent("proactive-metrics-tests-\(UUID().uuidString)", isDirectory: true)
        store = try DeliveryStore.openForWriting(path: folder.appendingPathComponent("store.sqlite").path,
                                                 snapshotRewriteThreshold: snapshotRewriteThreshold)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes records in one transaction (configurations, queues, conversations, then deliveries, unless the
    /// caller uses the closure form of `store.write`).
    @discardableResult
    func write(now: String = MX.defaultNow, deliveries: [Delivery] = [], configurations: [Configuration] = [],
               queues: [Queue] = [], conversations: [Conversation] = []) throws -> ImportSummary {
        try store.write(now: MX.instant(now)) { w in
            for c in configurations { try w.upsert(c) }
            for q in queues { try w.upsert(q) }
            for c in conversations { try w.upsert(c) }
            for d in deliveries { try w.upsert(d) }
        }
    }

    /// A fresh index, loaded.
    func index() throws -> AggregateIndex {
        let index = AggregateIndex(store: store)
        try index.refresh()
        return index
    }

    /// The dashboard from a fresh index.
    func compute(_ filters: DashboardFilters = MX.filters(), now: String = MX.defaultNow) throws -> DashboardData {
        MetricsEngine.compute(index: try index(), filters: filters, now: MX.instant(now))
    }
}

extension DashboardData {
    var mxStatus: [String: Int] { Dictionary(uniqueKeysWithValues: deliveriesByStatus.map { ($0.label, $0.count) }) }
    var mxResult: [String: Int] { Dictionary(uniqueKeysWithValues: processedByResult.map { ($0.label, $0.count) }) }
    var mxDialMode: [String: Int] { Dictionary(uniqueKeysWithValues: processedByDialMode.map { ($0.label, $0.count) }) }
    var mxStatusOrder: [String] { deliveriesByStatus.map(\.label) }
    /// `"2026-11-01 3/2"`: date, total, processed.
    var mxDates: [String] { byDate.map { "\($0.date.iso) \($0.total)/\($0.processed)" } }
    /// `"2026-11-01 Complete=2 Pending=1"`, statuses in legend order.
    var mxStatusDates: [String] {
        statusByDate.map { day in ([day.date.iso] + day.counts.map { "\($0.label)=\($0.count)" }).joined(separator: " ") }
    }
    /// `"Payment Reminder|Active|Normal|4/2"`.
    var mxConfigs: [String] {
        byConfiguration.map { "\($0.name)|\($0.status ?? "nil")|\($0.priority ?? "nil")|\($0.total)/\($0.processed)" }
    }
    /// `"Collections 4/2"`.
    var mxQueues: [String] { byQueue.map { "\($0.name) \($0.total)/\($0.processed)" } }
    /// Facet counts of one dimension by stored value.
    func mxFacet(_ dimension: FilterDimension) -> [String: Int] {
        Dictionary((facets[dimension] ?? []).map { ($0.value, $0.count) }, uniquingKeysWith: +)
    }
    func mxSelected(_ dimension: FilterDimension) -> Set<String> {
        Set((facets[dimension] ?? []).filter(\.selected).map(\.value))
    }
}
