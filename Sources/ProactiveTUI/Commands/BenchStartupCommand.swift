import Bench
import ArgumentParser
import CommandSupport
import DashboardModel
import Foundation

/// The hidden child of `bench`: a fresh process that does what the dashboard does before its first frame
/// (open the store read-only, load the in-memory index, compute the default filters, render the screen), then
/// prints one JSON line with its timings and resident memory.
struct BenchStartupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-startup",
        abstract: "Benchmark helper: time the dashboard's first frame in a fresh process.",
        shouldDisplay: false)

    @Option(help: "The store.") var db: String
    @Option(parsing: .unconditional, help: "Screen width (20 to 1000; default 200).", transform: FlagBounds.width.parse) var width: Int = 200
    @Option(parsing: .unconditional, help: "Screen height (10 to 500; default 60).", transform: FlagBounds.height.parse) var height: Int = 60

    func run() throws {
        let watch = Stopwatch()
        let store = try DeliveryStore.openForReading(path: db)
        let index = AggregateIndex(store: store)
        try index.refresh()
        let loadMs = watch.milliseconds
        // The store's last change stands for "now", so the default 30 days hold data even for an old store.
        let data = MetricsEngine.compute(index: index, filters: .defaults(), now: index.changedAt ?? Date())
        let computeMs = watch.milliseconds - loadMs
        let lines = TextSnapshot.render(data: data, width: width, height: height, unicode: true)
        let totalMs = watch.milliseconds
        let frameAt = MonotonicClock.nanoseconds
        let cpuMs = CPUClock.processMilliseconds
        // The block rows are built on another thread after the load; the dashboard holds them from then on, so its
        // memory is read once they are done.
        let blockRows = index.waitForBlockRows()
        let blockRowsReadyMs = Double(MonotonicClock.nanoseconds - frameAt) / 1_000_000
        let memory = ProcessMemory.read()
        let json = JSONValue.object([
            ("firstFrameMs", .double(totalMs)), ("loadMs", .double(loadMs)), ("computeMs", .double(computeMs)),
            ("renderMs", .double(totalMs - loadMs - computeMs)), ("lines", .int(lines.count)), ("processCPUMs", .double(cpuMs)),
            // The monotonic clock when the first frame was done: the parent subtracts its launch time from it.
            ("frameMonotonicNs", .int(Int(truncatingIfNeeded: frameAt))),
            ("deliveriesShown", .int(data.totalDeliveries)), ("slotRows", .int(index.rowCountTotal)),
            ("vmHWMKiB", memory.map { .int($0.peakKiB) } ?? .null),
            ("vmRSSKiB", memory.map { .int($0.currentKiB) } ?? .null),
            ("rssAnonKiB", memory?.anonymousKiB.map { .int($0) } ?? .null),
            ("rssFileKiB", memory?.fileKiB.map { .int($0) } ?? .null),
            ("indexBytes", .int(index.approximateBytes)),
            ("blockRows", .bool(blockRows)), ("blockRowsAfterFirstFrameMs", .double(blockRowsReadyMs)),
        ])
        Console.json(json, pretty: false)
    }
}
