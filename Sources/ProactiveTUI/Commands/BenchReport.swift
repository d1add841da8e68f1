import Bench
import DashboardModel
import Foundation

/// Everything `bench` measured, as a table for people and a JSON object for scripts.
struct BenchReport {
    struct BaselineSample {
        var position: Int
        var ms: Double
        var differences: [String]
    }

    var machine: MachineInfo
    var storePath: String
    var build: BenchStoreBuilder.Outcome?
    var census: StoreCensus
    var importResult: ImportBenchmark.Result?
    var indexLoadMs = 0.0
    var indexRows = 0
    /// Whether the index built its block rows, and how long after the load they were ready.
    var blockRows = false
    var blockRowsWaitMs = 0.0
    var now = Date()
    var frames: [BenchFrameTimer.Sample] = []
    var warmFrames: [BenchFrameTimer.Sample] = []
    /// The same states without the previous period and the compliance figure (as before issue 13).
    var framesWithoutPeriodFigures: [BenchFrameTimer.Sample] = []
    var baselineIndexSeconds: Double?
    var baselineIndexExisted = false
    var baselinePlan: [String] = []
    var baseline: [BaselineSample] = []
    var startup: [BenchStartupProbe.Run] = []
    var list: [ListBenchmark.Sample] = []
    var exports: [ExportBenchmark.Result] = []

    static let frameMedianTarget = 16.0, frameP95Target = 33.0, importTarget = 200_000.0
    static let startupTargetMs = 300.0, memoryTargetMiB = 100.0

    init(machine: MachineInfo, storePath: String, build: BenchStoreBuilder.Outcome?, census: StoreCensus) {
        self.machine = machine
        self.storePath = storePath
        self.build = build
        self.census = census
    }

    /// The order in which states get a baseline: every sixth first (so any prefix mixes every kind), then the rest.
    static func baselineOrder(_ count: Int) -> [Int] {
        let first = Array(stride(from: 0, to: count, by: 6))
        return first + (0..<count).filter { $0 % 6 != 0 }
    }

    var mismatches: Int { baseline.filter { !$0.differences.isEmpty }.count }
    var frameStats: DurationStats { DurationStats(frames.map(\.totalMs)) }
    var warmStats: DurationStats { DurationStats(warmFrames.map(\.totalMs)) }
    var withoutPeriodStats: DurationStats { DurationStats(framesWithoutPeriodFigures.map(\.totalMs)) }
    var withoutPeriodCPUStats: DurationStats { DurationStats(framesWithoutPeriodFigures.map(\.cpuMs)) }
    var warmCPUStats: DurationStats { DurationStats(warmFrames.map(\.cpuMs)) }
    var computeStats: DurationStats { DurationStats(frames.map(\.computeMs)) }
    var renderStats: DurationStats { DurationStats(frames.map(\.renderMs)) }
    var cpuStats: DurationStats { DurationStats(frames.map(\.cpuMs)) }
    var computeOnBaselineStates: DurationStats { DurationStats(baseline.map { frames[$0.position].computeMs }) }
    var startupCPU: DurationStats { DurationStats(startup.map(\.cpuMs)) }
    var baselineStats: DurationStats { DurationStats(baseline.map(\.ms)) }
    /// The fast path over exactly the states the baseline answered.
    var fastOnBaselineStates: DurationStats { DurationStats(baseline.map { frames[$0.position].totalMs }) }
    var ratio: Double {
        let fast = fastOnBaselineStates.median
        return fast > 0 ? baselineStats.median / fast : .infinity
    }
    var startupWall: DurationStats { DurationStats(startup.map(\.wallMs)) }
    var startupToFirstFrame: DurationStats { DurationStats(startup.map(\.launchToFirstFrameMs)) }
    var startupInProcess: DurationStats { DurationStats(startup.map(\.firstFrameMs)) }
    var startupPeakMiB: Double { Double(startup.compactMap(\.peakKiB).max() ?? 0) / 1024 }
    var startupRssMiB: Double { Double(startup.compactMap(\.rssKiB).max() ?? 0) / 1024 }
    var startupAnonMiB: Double { Double(startup.compactMap(\.anonKiB).max() ?? 0) / 1024 }
    var startupFileMiB: Double { Double(startup.compactMap(\.fileKiB).max() ?? 0) / 1024 }
    var startupIndexMiB: Double { Double(startup.compactMap(\.indexBytes).max() ?? 0) / 1_048_576 }

    private func verdict(_ ok: Bool) -> String { ok ? "met" : "MISSED" }

    // MARK: Table

    var table: [String] {
        var out: [String] = []
        func row(_ name: String, _ value: String, _ target: String = "") { out.append(Self.line(name, value, target)) }
        func ms(_ v: Double) -> String { String(format: "%.2f ms", v) }
        let count = Self.count
        out.append("proactive-tui bench — \(machine.cores) cores, \(machine.cpuModel), " +
                   String(format: "%.1f GiB", Double(machine.memoryBytes) / 1_073_741_824))
        out.append("store \(storePath): \(count(census.deliveries)) deliveries, \(count(census.slotCountRows)) slot_counts rows, " +
                   "\(count(census.combos)) combos, \(count(census.conversations)) conversations")
        row("store size", String(format: "%.1f MB (%.1f bytes/delivery%@)", Double(census.bytesWithoutBenchIndex) / 1e6,
                                  census.bytesPerDelivery, census.bytesByObject.isEmpty ? "" : ", without the baseline index"))
        if let build {
            row("store build (demo generator, one transaction)", String(format: "%.1f s, %.0f deliveries/s",
                                                                          build.seconds, build.deliveriesPerSecond))
        }
        if let r = importResult { out += Self.importTable(r) }
        row("index load (\(count(indexRows)) slot rows)", ms(indexLoadMs))
        row("  block rows ready after", blockRows ? ms(blockRowsWaitMs) : "none")
        let f = frameStats
        row("filter change → frame, \(f.count) states", "median \(ms(f.median)), p95 \(ms(f.p95)), max \(ms(f.max))",
            "median ≤ 16: \(verdict(f.median <= Self.frameMedianTarget)), p95 ≤ 33: \(verdict(f.p95 <= Self.frameP95Target))")
        row("  of which compute", "median \(ms(computeStats.median)), p95 \(ms(computeStats.p95)), max \(ms(computeStats.max))")
        row("  of which layout + render (120x35)", "median \(ms(renderStats.median)), p95 \(ms(renderStats.p95)), max \(ms(renderStats.max))")
        row("  CPU time, both threads (compute + render)", "median \(ms(cpuStats.median)), p95 \(ms(cpuStats.p95)), max \(ms(cpuStats.max))")
        row("  second pass (same states again)", "median \(ms(warmStats.median)), p95 \(ms(warmStats.p95)), max \(ms(warmStats.max))")
        if !framesWithoutPeriodFigures.isEmpty {
            let w = withoutPeriodStats
            let (c, cw) = (warmCPUStats, withoutPeriodCPUStats)
            row("  same, no previous period/compliance",
                "median \(ms(w.median)), p95 \(ms(w.p95)), max \(ms(w.max))")
            row("  CPU time, with / without them", "median \(ms(c.median)) / \(ms(cw.median)), " +
                "p95 \(ms(c.p95)) / \(ms(cw.p95)), max \(ms(c.max)) / \(ms(cw.max))")
        }
        let b = baselineStats
        let indexNote = baselineIndexExisted ? "index on deliveries(created) present"
            : String(format: "created index %@ on deliveries(created) in %.1f s", BaselineQuery.indexName, baselineIndexSeconds ?? 0)
        row("SQL baseline, \(b.count) of \(frames.count) states", "median \(ms(b.median)), p95 \(ms(b.p95)), max \(ms(b.max))", indexNote)
        row("  fast path on the same states", "median \(ms(fastOnBaselineStates.median)), p95 \(ms(fastOnBaselineStates.p95))")
        row("  ratio baseline / fast (medians)", String(format: "%.0f× (baseline / compute only: %.0f×)", ratio,
                                                          baselineStats.median / max(computeOnBaselineStates.median, 0.001)))
        row("  totals, per status, per day, per result/dial mode/config/queue",
            mismatches == 0 ? "equal in all \(baseline.count) states" : "MISMATCH in \(mismatches) states")
        out += listTable
        out += exportTable
        if !startup.isEmpty {
            row("dashboard start, fresh process (200x60)", "launch→exit median \(ms(startupWall.median)), max \(ms(startupWall.max)); " +
                "in-process median \(ms(startupInProcess.median)), CPU median \(ms(startupCPU.median))", "< 300 ms: " + verdict(startupWall.median < Self.startupTargetMs))
            row("  launch → first frame done", "median \(ms(startupToFirstFrame.median)), max \(ms(startupToFirstFrame.max))",
                "≤ 50 ms at 1M, ≤ 80 ms at 10M (issue 16)")
            if let first = startup.first {
                row("  load / compute / render (first run)", "\(ms(first.loadMs)) / \(ms(first.computeMs)) / \(ms(first.renderMs))")
            }
            row("  resident memory", String(format: "VmHWM %.1f MiB, VmRSS %.1f MiB", startupPeakMiB, startupRssMiB),
                "< 100 MB: " + verdict(startupPeakMiB * 1_048_576 < Self.memoryTargetMiB * 1_000_000) + "; < 70 MiB at 10M (issue 16)")
            row("    of which", String(format: "anonymous %.1f MiB (the index's arrays %.1f MiB), files %.1f MiB (program, libraries)",
                                      startupAnonMiB, startupIndexMiB, startupFileMiB))
        }
        return out
    }

    /// One line of the table: the figure's name in a column, its value, and the target with its verdict.
    static func line(_ name: String, _ value: String, _ target: String) -> String {
        name.padding(toLength: 44, withPad: " ", startingAt: 0) + " " + value + (target.isEmpty ? "" : "   [" + target + "]")
    }

    private static func count(_ v: Int) -> String { v.formatted(.number.grouping(.automatic)) }

    /// The import benchmark's lines of the table.
    static func importTable(_ r: ImportBenchmark.Result) -> [String] {
        var out: [String] = []
        func row(_ name: String, _ value: String, _ target: String = "") { out.append(line(name, value, target)) }
        row("CSV import (\(count(r.deliveries)) deliveries, \(r.csvBytes / 1_000_000) MB)",
            String(format: "%.2f s, %.0f deliveries/s", r.importSeconds, r.deliveriesPerSecond),
            "≥ 200000/s: " + (r.deliveriesPerSecond >= importTarget ? "met" : "MISSED"))
        row("  CPU time of the import", String(format: "%.2f s, %.0f deliveries per CPU-second", r.importCPUSeconds,
                                                Double(r.deliveries) / max(r.importCPUSeconds, 0.001)))
        row("  with WAL checkpoint", String(format: "%.2f s, %.0f deliveries/s", r.importAndCheckpointSeconds,
                                             r.deliveriesPerSecondWithCheckpoint))
        row("  imported store size", String(format: "%.1f bytes/delivery (%d slot_counts rows)",
                                             r.census.bytesPerDelivery, r.census.slotCountRows))
        if let cli = r.sqliteCLISeconds {
            row("  reference: sqlite3 .import, bare table", String(format: "%.2f s, %.0f rows/s (import takes %.2f× its time)",
                                                                          cli, Double(r.deliveries) / cli, r.importSeconds / cli))
        }
        return out
    }

    /// The JSON of `bench --import-only`.
    static func importOnlyJSON(machine: MachineInfo, _ r: ImportBenchmark.Result) -> JSONValue {
        .object([("machine", machineJSON(machine)), ("csvImport", importJSON(r))])
    }

    // MARK: JSON

    private typealias Pairs = [(String, JSONValue)]

    private func stats(_ s: DurationStats) -> JSONValue {
        let pairs: Pairs = [("count", .int(s.count)), ("medianMs", .double(s.median)), ("p95Ms", .double(s.p95)),
                            ("maxMs", .double(s.max)), ("meanMs", .double(s.mean))]
        return .object(pairs)
    }

    private static func machineJSON(_ machine: MachineInfo) -> JSONValue {
        let pairs: Pairs = [("cores", .int(machine.cores)), ("cpuModel", .string(machine.cpuModel)),
                            ("memoryBytes", .int(Int(machine.memoryBytes))), ("os", .string(machine.operatingSystem))]
        return .object(pairs)
    }

    private var storeJSON: JSONValue {
        let objects: Pairs = census.bytesByObject.sorted { $0.key < $1.key }.map { entry -> (String, JSONValue) in
            (entry.key, JSONValue.int(Int(entry.value)))
        }
        var pairs: Pairs = [("path", .string(storePath)), ("deliveries", .int(census.deliveries))]
        pairs.append(("slotCountRows", .int(census.slotCountRows)))
        pairs.append(("combos", .int(census.combos)))
        pairs.append(("conversations", .int(census.conversations)))
        pairs.append(("bytesOnDisk", .int(Int(census.bytesOnDisk))))
        pairs.append(("bytesWithoutBaselineIndex", .int(Int(census.bytesWithoutBenchIndex))))
        pairs.append(("bytesPerDelivery", .double(census.bytesPerDelivery)))
        pairs.append(("bytesByObject", .object(objects)))
        pairs.append(("dataEnd", .string(ISOTime.format(now))))
        return .object(pairs)
    }

    private static func importJSON(_ r: ImportBenchmark.Result) -> JSONValue {
        var pairs: Pairs = [("deliveries", .int(r.deliveries)), ("csvBytes", .int(r.csvBytes))]
        pairs.append(("seconds", .double(r.importSeconds)))
        pairs.append(("deliveriesPerSecond", .double(r.deliveriesPerSecond)))
        pairs.append(("secondsWithCheckpoint", .double(r.importAndCheckpointSeconds)))
        pairs.append(("cpuSeconds", .double(r.importCPUSeconds)))
        pairs.append(("deliveriesPerSecondWithCheckpoint", .double(r.deliveriesPerSecondWithCheckpoint)))
        pairs.append(("storeBytes", .int(Int(r.census.bytesOnDisk))))
        pairs.append(("bytesPerDelivery", .double(r.census.bytesPerDelivery)))
        pairs.append(("slotCountRows", .int(r.census.slotCountRows)))
        pairs.append(("combos", .int(r.census.combos)))
        pairs.append(("sqliteCLIImportSeconds", r.sqliteCLISeconds.map { JSONValue.double($0) } ?? .null))
        pairs.append(("targetDeliveriesPerSecond", .int(Int(Self.importTarget))))
        pairs.append(("met", .bool(r.deliveriesPerSecond >= Self.importTarget)))
        return .object(pairs)
    }

    private var framesJSON: JSONValue {
        let f = frameStats
        let perState: [JSONValue] = frames.enumerated().map { (i, s) -> JSONValue in
            let pairs: Pairs = [("i", .int(i)), ("name", .string(s.state.name)), ("computeMs", .double(s.computeMs)),
                                ("renderMs", .double(s.renderMs)), ("deliveries", .int(s.totals.total))]
            return .object(pairs)
        }
        var pairs: Pairs = [("states", .int(frames.count)), ("width", .int(120)), ("height", .int(35))]
        pairs.append(("total", stats(f)))
        pairs.append(("compute", stats(computeStats)))
        pairs.append(("render", stats(renderStats)))
        pairs.append(("secondPass", stats(warmStats)))
        if !framesWithoutPeriodFigures.isEmpty {
            pairs.append(("withoutPeriodFigures", stats(withoutPeriodStats)))
            pairs.append(("secondPassCPU", stats(warmCPUStats)))
            pairs.append(("withoutPeriodFiguresCPU", stats(withoutPeriodCPUStats)))
        }
        pairs.append(("cpu", stats(cpuStats)))
        pairs.append(("met", .bool(f.median <= Self.frameMedianTarget && f.p95 <= Self.frameP95Target)))
        pairs.append(("perState", .array(perState)))
        return .object(pairs)
    }

    private var baselineJSON: JSONValue {
        let perState: [JSONValue] = baseline.map { sample -> JSONValue in
            let pairs: Pairs = [("i", .int(sample.position)), ("ms", .double(sample.ms)),
                                ("equal", .bool(sample.differences.isEmpty))]
            return .object(pairs)
        }
        var pairs: Pairs = [("states", .int(baseline.count)), ("of", .int(frames.count))]
        pairs.append(("createdIndex", baselineIndexExisted ? .null : .string(BaselineQuery.indexName)))
        pairs.append(("createdIndexSeconds", baselineIndexSeconds.map { JSONValue.double($0) } ?? .null))
        pairs.append(("plan", .array(baselinePlan.map { JSONValue.string($0) })))
        pairs.append(("sql", stats(baselineStats)))
        pairs.append(("fastOnSameStates", stats(fastOnBaselineStates)))
        pairs.append(("ratioOfMedians", .double(ratio)))
        pairs.append(("computeOnSameStates", stats(computeOnBaselineStates)))
        pairs.append(("mismatches", .int(mismatches)))
        pairs.append(("perState", .array(perState)))
        return .object(pairs)
    }

    private var startupJSON: JSONValue {
        var pairs: Pairs = [("runs", .int(startup.count)), ("width", .int(200)), ("height", .int(60))]
        pairs.append(("launchToExit", stats(startupWall)))
        pairs.append(("launchToFirstFrame", stats(startupToFirstFrame)))
        pairs.append(("inProcessFirstFrame", stats(startupInProcess)))
        pairs.append(("processCPU", stats(startupCPU)))
        pairs.append(("loadMs", .array(startup.map { JSONValue.double($0.loadMs) })))
        pairs.append(("computeMs", .array(startup.map { JSONValue.double($0.computeMs) })))
        pairs.append(("renderMs", .array(startup.map { JSONValue.double($0.renderMs) })))
        pairs.append(("vmHWMMiB", .double(startupPeakMiB)))
        pairs.append(("vmRSSMiB", .double(startupRssMiB)))
        pairs.append(("rssAnonMiB", .double(startupAnonMiB)))
        pairs.append(("rssFileMiB", .double(startupFileMiB)))
        pairs.append(("indexMiB", .double(startupIndexMiB)))
        pairs.append(("blockRowsAfterFirstFrameMs", .array(startup.map { $0.blockRowsAfterFirstFrameMs.map(JSONValue.double) ?? .null })))
        let met = startupWall.median < Self.startupTargetMs && startupPeakMiB * 1_048_576 < Self.memoryTargetMiB * 1_000_000
        pairs.append(("met", .bool(met)))
        return .object(pairs)
    }

    var json: JSONValue {
        var pairs: Pairs = [("machine", Self.machineJSON(machine)), ("store", storeJSON)]
        if let build {
            let b: Pairs = [("seconds", .double(build.seconds)), ("deliveriesPerSecond", .double(build.deliveriesPerSecond))]
            pairs.append(("build", .object(b)))
        } else {
            pairs.append(("build", .null))
        }
        if let importResult { pairs.append(("csvImport", Self.importJSON(importResult))) }
        let load: Pairs = [("ms", .double(indexLoadMs)), ("slotRows", .int(indexRows)), ("blockRows", .bool(blockRows)),
                           ("blockRowsWaitMs", .double(blockRowsWaitMs))]
        pairs.append(("indexLoad", .object(load)))
        pairs.append(("filterChangeToFrame", framesJSON))
        pairs.append(("baseline", baselineJSON))
        if !list.isEmpty { pairs.append(("listFirstPage", listJSON)) }
        if !exports.isEmpty { pairs.append(("export", exportJSON)) }
        if !startup.isEmpty { pairs.append(("startup", startupJSON)) }
        return .object(pairs)
    }
}
