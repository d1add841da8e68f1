import ArgumentParser
import CommandSupport
import DashboardModel
import Foundation
import TerminalUI

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Compute the dashboard once and print it as JSON, as the screen's text, or one table as CSV.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, csv }

    @OptionGroup var store: StoreOptions
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var compliance: ComplianceOptions
    @Option(help: "json (CONTRACT.md schema), text (the dashboard screen as plain text) or csv (one table, --table).")
    var format: Format = .json
    @Option(help: "The table of --format csv: configuration, queue, date or status.")
    var table: DashboardTableCSV.Table?
    @Option(parsing: .unconditional, help: "Screen width for --format text (20 to 1000; default 120).", transform: FlagBounds.width.parse)
    var width: Int = 120
    @Option(parsing: .unconditional, help: "Screen height for --format text (10 to 500; default 35).", transform: FlagBounds.height.parse)
    var height: Int = 35
    @Flag(help: "ASCII drawing characters for --format text.") var ascii = false

    func validate() throws {
        if format == .csv, table == nil {
            throw ValidationError("--format csv needs --table (configuration, queue, date or status)")
        }
        if format != .csv, table != nil { throw ValidationError("--table goes with --format csv") }
    }

    func run() throws {
        let settings = try viewOptions.load()
        let filterFlags = try viewOptions.effectiveFilters(filterOptions, settings: settings)
        try filterFlags.precheck()
        let session = try DashboardSession.open(path: store.path)
        let filters = try filterFlags.filters(for: session.index)
        let abandonRule = compliance.rule(fallback: settings.abandonRule)
        let data = MetricsEngine.compute(index: session.index, filters: filters, now: Date(), abandonRule: abandonRule)
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
extension DashboardTableCSV.Table: ExpressibleByArgument {}
