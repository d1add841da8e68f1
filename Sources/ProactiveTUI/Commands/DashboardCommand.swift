import ArgumentParser
import DashboardModel

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The full-screen dashboard on the store (the default command).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var drilldown: DrilldownOptions

    func run() throws {
        try filterOptions.precheck()
        try TerminalRequirement.check(command: "dashboard")
        try DashboardRunner(path: store.path, filterOptions: filterOptions, display: display, drilldown: drilldown).run()
    }
}
