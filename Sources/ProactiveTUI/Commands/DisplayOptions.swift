import ArgumentParser

/// How the dashboard draws and refreshes.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "ASCII drawing characters even on a UTF-8 terminal.") var ascii = false
    @Flag(help: "No colours (also when NO_COLOR is set).") var noColor = false
    @Option(help: ArgumentHelp("Seconds between looks at the store for new data.", valueName: "seconds"))
    var refresh: Double = 2
    @Option(help: ArgumentHelp("Mark the view stale when no data has changed for this many seconds.", valueName: "seconds"))
    var staleAfter: Double = 300
    @Flag(help: "Wall-monitor mode: no sidebar, large live figures, tables that page by themselves.") var wall = false
    @Option(help: ArgumentHelp("Wall mode: seconds between table pages.", valueName: "seconds")) var cycle: Double = 10
}
