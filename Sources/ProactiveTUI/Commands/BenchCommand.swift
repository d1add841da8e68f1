import Bench
import ArgumentParser
import CommandSupport
import DashboardModel
import Foundation

/// `proactive-tui bench`: the rerunnable benchmark of issue 5. Builds (once) a demo store of the given size,
/// then measures CSV import, filter change to finished frame over a fixed sequence of filter states, the same
/// states answered by plain SQL over the delivery rows (checked equal), and the dashboard's start in a fresh
/// process. Progress goes to standard error; the table (or with --json, the JSON object) to standard output.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the store and the dashboard at contact-center scale (figures as a table or JSON).",
        discussion: """
            The store is built from the demo generator when it does not exist, and kept for the next run \
            (delete it to rebuild). The baseline gives the store an index on deliveries(created) if it has none.
            """)

    @Option(help: ArgumentHelp("The benchmark store (built when missing).", valueName: "path"))
    var db: String = "./bench-store.sqlite"
    @Option(parsing: .unconditional, help: "Deliveries in the store when it is built (1 to 100000000; default 10000000).", transform: FlagBounds.benchDeliveries.parse)
    var deliveries: Int = 10_000_000
    @Option(parsing: .unconditional, help: "Days of history in the store when it is built (1 to 3650; default 365).", transform: FlagBounds.benchDays.parse)
    var days: Int = 365
    @Option(parsing: .unconditional, help: "Seed of the demo generator for the store (the CSV uses seed + 1; default 42).", transform: FlagBounds.seed.parse)
    var seed: UInt64 = 42
    @Option(parsing: .unconditional, help: "Deliveries in the CSV of the import benchmark (0 skips it; at most 100000000; default 1000000).", transform: FlagBounds.csvDeliveries.parse)
    var csvDeliveries: Int = 1_000_000
    @Option(help: ArgumentHelp("The CSV of the import benchmark: written when missing, then kept and reused (default: a temporary file).", valueName: "path"))
    var csv: String?
    @Flag(help: "Measure the CSV import only (no store is built or read).") var importOnly = false
    @Option(parsing: .unconditional, help: "Filter states in the sequence (60 to 100000; default 72).", transform: FlagBounds.states.parse)
    var states: Int = 72
    @Option(parsing: .unconditional, help: "At most this many states for the SQL baseline (1 to 100000; default: all).", transform: FlagBounds.baselineStates.parse)
    var baselineStates: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("After the first 10 baseline states, stop adding more once this many seconds are spent (0 to 86400; default 900).", valueName: "seconds"),
            transform: FlagBounds.baselineBudget.parse)
    var baselineBudget: Double = 900
    @Option(parsing: .unconditional, help: "Fresh-process runs of the dashboard start (0 skips it; at most 100; default 3).", transform: FlagBounds.startupRuns.parse)
    var startupRuns: Int = 3
    @Option(help: "Filter states for the list's first page (each with every kind of selection; 0 skips it; default: all states).")
    var listStates: Int?
    @Option(help: "Runs of the CSV export of the whole store (each with the default workers, then one; 0 skips it; default 1).")
    var exportRuns: Int = 1
    @Flag(help: "Print the figures as one JSON object (the table goes to standard error).") var json = false

    func validate() throws {
        guard deliveries >= 1, days >= 1 else { throw ValidationError("--deliveries and --days must be 1 or more") }
        guard states >= 60 else { throw ValidationError("--states must be 60 or more") }
        guard csvDeliveries >= 0, startupRuns >= 0, exportRuns >= 0, (listStates ?? 0) >= 0 else {
            throw ValidationError("counts must be 0 or more")
        }
    }

    func run() throws {
        let log = { (line: String) in Console.errorLine("bench: " + line) }
        if importOnly { return try runImportOnly(log: log) }

        var build: BenchStoreBuilder.Outcome?
        if !FileManager.default.fileExists(atPath: db) {
            log("building \(db): \(deliveries) deliveries over \(days) days (seed \(seed))...")
            let outcome = try BenchStoreBuilder.build(path: db, deliveries: deliveries, days: days, seed: seed, now: Date(),
                                                      progress: { log("  \($0) deliveries applied") })
            log(String(format: "built in %.1f s (%.0f deliveries/s)", outcome.seconds, outcome.deliveriesPerSecond))
            build = outcome
        } else {
            log("using the existing store \(db) (delete it to rebuild)")
        }
        let store = try DeliveryStore.openForWriting(path: db, bulk: true)
        var report = BenchReport(machine: MachineInfo.current(), storePath: db, build: build,
                                 census: try StoreCensus.take(store))

        if csvDeliveries > 0 {
            log(importLine)
            let folder = FileManager.default.temporaryDirectory.path
            report.importResult = try ImportBenchmark.run(deliveries: csvDeliveries, days: days, seed: seed &+ 1,
                                                          now: Date(), folder: folder, keptCSV: csv)
        }

        log("loading the in-memory index...")
        let index = AggregateIndex(store: store)
        report.indexLoadMs = try Stopwatch.time { try index.refresh() }.1
        report.indexRows = index.rowCountTotal
        // The block rows are built on another thread after the load (the dashboard's first frame does not wait
        // for them; a supervisor's first filter change comes long after they are done): timed from the load's end.
        (report.blockRows, report.blockRowsWaitMs) = Stopwatch.time { index.waitForBlockRows() }
        let now = index.changedAt ?? Date()
        report.now = now
        let sequence = BenchStateSequence.make(known: index.knownFilterValues, now: now, days: days, count: states)

        log("filter change to finished frame: \(sequence.count) states...")
        let timer = BenchFrameTimer(index: index, now: now, width: 120, height: 35)
        report.frames = timer.run(sequence)
        // The second pass, interleaved with the same state without the previous period and compliance.
        (report.warmFrames, report.framesWithoutPeriodFigures) = timer.runInterleaved(sequence)

        log("baseline: plain SQL over the delivery rows...")
        report.baselineIndexSeconds = try BaselineQuery.ensureCreatedIndex(on: store)
        report.baselineIndexExisted = report.baselineIndexSeconds == nil
        let baseline = BaselineQuery(store: store)
        report.baselinePlan = try baseline.plan(filters: sequence[1].filters, now: now)
        let limit = min(baselineStates ?? sequence.count, sequence.count)
        let started = Stopwatch()
        for position in BenchReport.baselineOrder(sequence.count) {
            if report.baseline.count >= limit { break }
            if report.baseline.count >= 10 && started.seconds > baselineBudget { break }
            let frame = report.frames[position]
            let (totals, ms) = try Stopwatch.time { try baseline.answer(filters: frame.state.filters, now: now) }
            let differences = frame.totals.differences(from: totals)
            report.baseline.append(.init(position: position, ms: ms, differences: differences))
            if !differences.isEmpty {
                log("MISMATCH in state \(position) (\(frame.state.name)):")
                for line in differences { log("  " + line) }
            }
        }

        let listCount = min(listStates ?? sequence.count, sequence.count)
        if listCount > 0 {
            log("list: first page and count, \(listCount) states x every kind of selection...")
            report.list = try ListBenchmark.run(index: index, store: store, states: Array(sequence.prefix(listCount)), now: now)
        }
        for run in 0..<exportRuns {
            log("export: every delivery as CSV (run \(run + 1) of \(exportRuns), default workers, then one)...")
            report.exports.append(try ExportBenchmark.run(index: index, store: store, now: now))
            report.exports.append(try ExportBenchmark.run(index: index, store: store, now: now, workers: 1))
        }

        if startupRuns > 0 {
            log("dashboard start in a fresh process (\(startupRuns) runs)...")
            for _ in 0..<startupRuns { report.startup.append(try BenchStartupProbe.run(db: db)) }
        }

        if json {
            Console.json(report.json)
            for line in report.table { Console.errorLine(line) }
        } else {
            for line in report.table { Console.line(line) }
        }
        if report.mismatches > 0 {
            Console.error("MISMATCH: the fast path and the SQL baseline disagree in \(report.mismatches) of \(report.baseline.count) states")
            throw ExitCode(1)
        }
    }

    private var importLine: String {
        "import: \(csv.map { "CSV \($0)" } ?? "writing \(csvDeliveries) deliveries as CSV"), importing into a fresh store..."
    }

    private func runImportOnly(log: (String) -> Void) throws {
        guard csvDeliveries > 0 else { throw ValidationError("--import-only needs --csv-deliveries of 1 or more") }
        log(importLine)
        let result = try ImportBenchmark.run(deliveries: csvDeliveries, days: days, seed: seed &+ 1, now: Date(),
                                             folder: FileManager.default.temporaryDirectory.path, keptCSV: csv)
        let table = BenchReport.importTable(result)
        if json {
            Console.json(BenchReport.importOnlyJSON(machine: MachineInfo.current(), result))
            for line in table { Console.errorLine(line) }
        } else {
            for line in table { Console.line(line) }
        }
    }
}
