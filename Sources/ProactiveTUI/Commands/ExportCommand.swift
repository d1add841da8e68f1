import ArgumentParser
import CommandSupport
import DashboardModel
import Foundation
import TerminalUI

/// `export`: the deliveries behind the dashboard's numbers (the filters' scope), in created order (or the list's
/// `--sort`, narrowed by its `--search`), as CSV or JSON
/// Lines. Data, not terminal lines: the bytes go out as the format defines them (RFC 4180 quoting, JSON escapes),
/// except that on a terminal every value is cleaned as `SafeText` cleans a screen line (control and escape characters
/// read `�`), so an export typed at a prompt cannot drive the terminal. Piped or written to a file (`-o`), values are
/// exact. Messages (the summary, errors) go to standard error through `Console`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the deliveries in the filters' scope, in created order, as CSV or JSON Lines.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var viewOptions: ViewOptions
    @Option(help: "csv (RFC 4180, a header of Dataverse logical names) or jsonl (one object a line).")
    var format: ExportOptions.Format = .csv
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Columns, comma-separated logical names (default all: \(ExportColumn.allCases.map(\.name).joined(separator: ","))).",
        valueName: "a,b,..."), transform: ExportCommand.parseColumns)
    var columns: [ExportColumn] = ExportColumn.allCases
    @Flag(help: "Show to and from addresses as stored (default: masked, •••••••1234).") var showAddresses = false
    @Flag(help: "CSV: no leading ' on cells that begin with =, +, -, @, tab or CR.") var raw = false
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Write to FILE (a temporary file renamed when complete) instead of standard output.", valueName: "FILE"))
    var output: String?
    @Option(help: ArgumentHelp("Order by a column of the dashboard's list (\(DeliverySort.Column.allCases.map(\.rawValue).joined(separator: ", ")); default created).",
                               valueName: "column"))
    var sort: DeliverySort.Column = .created
    @Flag(help: "The order the other way (newest first for created).") var descending = false
    @Option(help: ArgumentHelp("Only deliveries whose id, to-address or disposition codes contain TEXT (ASCII case ignored), as the list's / does.",
                               valueName: "text"))
    var search: String = ""

    static func parseColumns(_ text: String) throws -> [ExportColumn] {
        switch ExportColumn.parseList(text) {
        case .success(let columns) where !columns.isEmpty: return columns
        case .success: throw FlagValueError("--columns takes at least one column")
        case .failure(let unknown):
            throw FlagValueError("--columns: unknown column \(SafeText.value(unknown.name)) (accepted: "
                                 + ExportColumn.allCases.map(\.name).joined(separator: ", ") + ")")
        }
    }

    func run() throws {
        let settings = try viewOptions.load()
        let filterFlags = try viewOptions.effectiveFilters(filterOptions, settings: settings)
        try filterFlags.precheck()
        let session = try DashboardSession.open(path: store.path)
        let filters = try filterFlags.filters(for: session.index)
        let toTerminal = output == nil && Terminal.stdoutIsTerminal
        var clean: (@Sendable (String) -> String)?
        if toTerminal { clean = { SafeText.sanitize($0, ascii: false) } }
        let options = ExportOptions(format: format, columns: columns, showAddresses: showAddresses, raw: raw, clean: clean)
        let query = DeliveryQuery(filters: filters, selection: .all, now: Date(), sort: DeliverySort(sort, descending: descending),
                                  search: search)
        let exporter = DeliveryExporter(options: options)
        do {
            if let output {
                let destination = try ExportDestination.open(path: output)
                let rows = try exporter.export(query, index: session.index, store: session.store, to: destination.sink)
                try destination.commit()
                Console.errorLine("exported \(rows) deliveries to \(SafeText.value(output))")
            } else {
                let sink = FileStreamSink(StandardStream.output)
                _ = try exporter.export(query, index: session.index, store: session.store, to: sink)
                try sink.flush()
            }
        } catch {
            Console.error("export failed: \(error)")
            throw ExitCode(1)
        }
    }
}

extension ExportOptions.Format: ExpressibleByArgument {}
extension DeliverySort.Column: ExpressibleByArgument {}
