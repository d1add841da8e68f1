import ArgumentParser
import CommandSupport
import DashboardModel
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load Dataverse exports (Web API JSON, JSON Lines, CSV) into the store.",
        discussion: """
            Each file is imported in one transaction: a file with a record that cannot be read imports nothing, \
            and the error names the file, line, record, column and reason. Deliveries are upserted by delivery id; \
            the version with the later modifiedon wins, so importing the same file twice changes nothing.
            """)

    @OptionGroup var store: StoreOptions
    @Flag(help: "Keep reading each file as it grows (JSON Lines or CSV), upserting records as they arrive.")
    var follow = false
    @Option(parsing: .unconditional, help: ArgumentHelp("With --follow: how often to look for new data, in seconds (0.05 to 3600; default 0.5).", valueName: "seconds"),
            transform: FlagBounds.poll.parse)
    var poll: Double = 0.5
    @Argument(help: "Files to import.") var files: [String]

    func run() throws {
        let store = try openStore()
        if follow {
            try FollowImport(store: store, paths: files, pollInterval: poll).run()
            return
        }
        var failed = false
        let bar = ProgressBar(enabled: Terminal.stderrIsTerminal)
        for path in files {
            let progress: ((Double) -> Void)? = Terminal.stderrIsTerminal ? { bar.update(label: path, fraction: $0) } : nil
            let outcome = FileImporter.importFile(path, into: store, progress: progress)
            bar.finish()
            if let error = outcome.error {
                failed = true
                Console.errorLine("\(path): not imported: \(error)")
                continue
            }
            let format = outcome.format.map { " (\($0))" } ?? ""
            Console.line("\(path)\(format): " + String(format: "%.2f s", outcome.seconds))
            for line in outcome.summary?.lines ?? [] { Console.line("  " + line) }
        }
        try? store.checkpoint()
        if failed { throw ExitCode(1) }
    }

    private func openStore() throws -> DeliveryStore {
        do { return try DeliveryStore.openForWriting(path: store.path, bulk: !follow) } catch {
            Console.error("cannot open the store \(store.path): \(ErrorText.describe(error))")
            throw ExitCode(1)
        }
    }
}
