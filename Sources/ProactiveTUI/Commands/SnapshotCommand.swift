import ArgumentParser
import CommandSupport
import DashboardModel

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

    var request: SnapshotRequest {
        SnapshotRequest(store: store, filterOptions: filterOptions, viewOptions: viewOptions, compliance: compliance,
                        format: format, table: table, width: width, height: height, ascii: ascii)
    }

    func validate() throws {
        if let problem = request.formatProblem { throw ValidationError(problem) }
    }

    func run() throws { try request.run() }
}
extension DashboardTableCSV.Table: ExpressibleByArgument {}
