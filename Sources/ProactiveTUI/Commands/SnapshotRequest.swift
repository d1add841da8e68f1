import CommandSupport
import DashboardModel
import Foundation
import TerminalUI

/// What `snapshot` was asked for, whichever parser read the command line: the argument parser
/// (`SnapshotCommand`) or the short path for plain command lines (`SnapshotFastPath`). Running it is the command.
struct SnapshotRequest {
    var store: StoreOptions
    var filterOptions: FilterOptions
    var viewOptions: ViewOptions
    var compliance: ComplianceOptions
    var format: SnapshotCommand.Format
    var table: DashboardTableCSV.Table?
    var width: Int
    var height: Int
    var ascii: Bool

    /// Why `--format` and `--table` do not go together, or nil when they do (`SnapshotCommand.validate`).
    var formatProblem: String? {
        if format == .csv, table == nil { return "--format csv needs --table (configuration, queue, date or status)" }
        if format != .csv, table != nil { return "--table goes with --format csv" }
        return nil
    }

    func run() throws {
        let settings = try viewOptions.load()
        let filterFlags = try viewOptions.effectiveFilters(filterOptions, settings: settings)
        try filterFlags.precheck()
        let now = Date()
        let abandonRule = compliance.rule(fallback: settings.abandonRule)
        // JSON and CSV show no sidebar and read only their days: the index keeps the slot rows of the range, the
        // previous period and the compliance window, and the recent completions of the last hour
        // (`AggregateIndex.Purpose.snapshot`). The text screen's sidebar counts every value: the whole index.
        let purpose: AggregateIndex.Purpose
        if format == .text {
            purpose = .dashboard
        } else {
            let scope = try filterFlags.dateScope()
            purpose = .snapshot(now: now, windows: SlotWindows.read(range: scope.range, zone: scope.zone, now: now,
                                                                    abandonRule: abandonRule))
        }
        let session = try DashboardSession.open(path: store.path, purpose: purpose)
        let filters = try filterFlags.filters(for: session.index)
        let data = MetricsEngine.compute(index: session.index, filters: filters, now: now, abandonRule: abandonRule,
                                         facets: format == .text)
        switch format {
        case .json:
            Console.json(SnapshotJSON.value(of: data))
        case .text:
            let lines = TextSnapshot.render(data: data, width: width, height: height, unicode: !ascii,
                                           thresholds: settings.thresholds, viewName: viewOptions.view)
            for line in lines { Console.line(line) }
        case .csv:
            // Data, as `export` writes it: cleaned of control characters only when standard output is a terminal.
            var clean: ((String) -> String)?
            if Terminal.stdoutIsTerminal { clean = { SafeText.sanitize($0, ascii: false) } }
            let bytes = DashboardTableCSV.render(data, table: table ?? .configuration, clean: clean)
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, StandardStream.output) }
        }
    }
}
