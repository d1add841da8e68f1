import ArgumentParser
import CommandSupport
import DashboardModel

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The full-screen dashboard on the store (the default command).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var compliance: ComplianceOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var drilldown: DrilldownOptions

    func run() throws {
        let settings = try DashboardSettings.resolve(viewOptions, filterOptions, display: display)
        try TerminalRequirement.check(command: "dashboard")
        try DashboardRunner(path: store.path, settings: settings, display: display, drilldown: drilldown,
                            abandonRule: compliance.rule(fallback: settings.abandonRule)).run()
    }
}
