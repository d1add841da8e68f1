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
    @Option(help: "Screen width for --format text.") var width: Int = 120
    @Option(help: "Screen height for --format text.") var height: Int = 35
    @Flag(help: "ASCII drawing characters for --format text.") var ascii = false

    func run() throws {
        try filterOptions.precheck()
        let session = try DashboardSession.open(path: store.path)
        let filters = try filterOptions.filters(for: session.index)
        let data = MetricsEngine.compute(index: session.index, filters: filters, now: Date())
        switch format {
        case .json:
            print(SnapshotJSON.value(of: data).serialized(pretty: true))
        case .text:
            guard width >= 1, height >= 1 else {
                Terminal.printError("--width and --height must be positive")
                throw ExitCode(2)
            }
            let lines = TextSnapshot.render(data: data, width: width, height: height, unicode: !ascii)
            print(lines.joined(separator: "\n"))
        }
    }
}
