import ArgumentParser
import CommandSupport
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
    @Option(parsing: .unconditional, help: "Deliveries to generate when building the store (0 to 10000000; default 40000).", transform: FlagBounds.demoDeliveries.parse)
    var deliveries: Int = 40_000
    @Option(parsing: .unconditional, help: "Days of history to generate (1 to 3650; default 90).", transform: FlagBounds.demoDays.parse)
    var days: Int = 90
    @Option(parsing: .unconditional, help: "Seed of the generator (same seed, same store; default 42).", transform: FlagBounds.seed.parse)
    var seed: UInt64 = 42
    @Option(parsing: .unconditional, help: "New deliveries per minute in the simulated live feed (0 stops the feed; at most 60000; default 30).", transform: FlagBounds.rate.parse)
    var rate: Double = 30
    @Flag(help: "Rebuild the demo store even if it exists.") var rebuild = false
    @Flag(help: "Only build the store and print its path; do not open the dashboard.") var buildOnly = false
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var compliance: ComplianceOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var drilldown: DrilldownOptions

    var path: String {
        if let db { return db }
        let base = StoreLocation.defaultPath()
        return (base as NSString).deletingLastPathComponent + "/demo.sqlite"
    }

    func run() throws {
        let settings = try DashboardSettings.resolve(viewOptions, filterOptions, display: display)
        if !buildOnly { try TerminalRequirement.check(command: "demo") }
        var history: DemoGenerator?
        if rebuild || !FileManager.default.fileExists(atPath: path) {
            history = try DemoStoreBuilder.build(path: path, deliveries: deliveries, days: days, seed: seed, log: { Console.line($0) })
        }
        if buildOnly {
            Console.line("demo store: \(path)")
            return
        }
        let feed = rate > 0 ? try DemoFeed(path: path, seed: seed, ratePerMinute: rate, continuing: history) : nil
        feed?.start()
        defer { feed?.stop() }
        try DashboardRunner(path: path, settings: settings, display: display, drilldown: drilldown,
                            abandonRule: compliance.rule(fallback: settings.abandonRule)).run()
    }
}
