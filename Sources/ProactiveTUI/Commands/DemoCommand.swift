import ArgumentParser
import DashboardModel
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo store (if missing), start a simulated live feed into it, and open the dashboard.",
        discussion: """
            The demo store is separate from your real store: by default it lives beside it as demo.sqlite \
            ($XDG_DATA_HOME/proactive-tui/demo.sqlite). Name another with --db.
            """)

    @Option(name: .long, help: ArgumentHelp("The demo store. Default: demo.sqlite beside the default store.", valueName: "path"))
    var db: String?
    @Option(help: "Deliveries to generate when building the store.") var deliveries: Int = 40_000
    @Option(help: "Days of history to generate.") var days: Int = 90
    @Option(help: "Seed of the generator (same seed, same store).") var seed: UInt64 = 42
    @Option(help: "New deliveries per minute in the simulated live feed (0 stops the feed).") var rate: Double = 30
    @Flag(help: "Rebuild the demo store even if it exists.") var rebuild = false
    @Flag(help: "Only build the store and print its path; do not open the dashboard.") var buildOnly = false
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var display: DisplayOptions

    var path: String {
        if let db { return db }
        let base = StoreLocation.defaultPath()
        return (base as NSString).deletingLastPathComponent + "/demo.sqlite"
    }

    func run() throws {
        try filterOptions.precheck()
        guard deliveries >= 0, days >= 1 else {
            Terminal.printError("--deliveries must be 0 or more and --days 1 or more")
            throw ExitCode(2)
        }
        var history: DemoGenerator?
        if rebuild || !FileManager.default.fileExists(atPath: path) {
            history = try DemoStoreBuilder.build(path: path, deliveries: deliveries, days: days, seed: seed, log: { print($0) })
        }
        if buildOnly {
            print("demo store: \(path)")
            return
        }
        let feed = rate > 0 ? try DemoFeed(path: path, seed: seed, ratePerMinute: rate, continuing: history) : nil
        feed?.start()
        defer { feed?.stop() }
        try DashboardRunner(path: path, filterOptions: filterOptions, display: display).run()
    }
}
