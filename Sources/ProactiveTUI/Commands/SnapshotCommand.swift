import ArgumentParser
import DashboardModel
import Foundation

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Compute the dashboard once and print it as JSON or as the screen's text.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @OptionGroup var store: StoreOptions
    @OptionGroup var filterOptions: FilterOptions
    @Option(help: "json (CONTRACT.md schema) or text (the dashboard screen as plain text).") var format: Format = .json
    @Option(parsing: .unconditional, help: "Screen width for --format text (20 to 1000; default 120).", transform: FlagBounds.width.parse)
    var width: Int = 120
    @Option(parsing: .unconditional, help: "Screen height for --format text (10 to 500; default 35).", transform: FlagBounds.height.parse)
    var height: Int = 35
    @Flag(help: "ASCII drawing characters for --format text.") var ascii = false

    func run() throws {
        try filterOptions.precheck()
        let session = try DashboardSession.open(path: store.path)
        let filters = try filterOptions.filters(for: session.index)
        let data = MetricsEngine.compute(index: session.index, filters: filters, now: Date())
        switch format {
        case .json:
            Console.json(SnapshotJSON.value(of: data))
        case .text:
            let lines = TextSnapshot.render(data: data, width: width, height: height, unicode: !ascii)
            for line in lines { Console.line(line) }
        }
    }
}
