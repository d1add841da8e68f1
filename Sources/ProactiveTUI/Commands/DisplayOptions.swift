import ArgumentParser

/// How the dashboard draws and refreshes.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "ASCII drawing characters even on a UTF-8 terminal.") var ascii = false
    @Flag(help: "No colours (also when NO_COLOR is set).") var noColor = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds between looks at the store for new data (0.1 to 3600; default 2).", valueName: "seconds"),
            transform: FlagBounds.refresh.parse)
    var refresh: Double = 2
    @Option(parsing: .unconditional, help: ArgumentHelp("Mark the view stale when no data has changed for this many seconds (1 to 604800; default 300).", valueName: "seconds"),
            transform: FlagBounds.staleAfter.parse)
    var staleAfter: Double = 300
    @Flag(help: "Wall-monitor mode: no sidebar, large live figures, tables that page by themselves.") var wall = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Wall mode: seconds between table pages (1 to 3600; default 10).", valueName: "seconds"),
            transform: FlagBounds.cycle.parse)
    var cycle: Double = 10
}
