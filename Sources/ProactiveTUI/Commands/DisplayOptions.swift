import ArgumentParser
import CommandSupport
import DashboardModel

/// How the dashboard draws and refreshes.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "ASCII drawing characters even on a UTF-8 terminal.") var ascii = false
    @Flag(help: "No colours (also when NO_COLOR is set).") var noColor = false
    @Option(help: ArgumentHelp("Colours: dark, light (light backgrounds), colorblind (Okabe-Ito, no red/green pairs) or mono (as --no-color); default: the settings file's theme, else dark.",
                               valueName: "name"), transform: DisplayOptions.parseTheme)
    var theme: ThemeName?
    @Flag(help: "No mouse reporting (also mouse = false in the settings file); M toggles it while running.")
    var noMouse = false
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
    @Option(help: ArgumentHelp("Wall mode: show these saved views in turn, each for --cycle seconds (implies --wall; filter flags override each).",
                               valueName: "a,b,c"), transform: DisplayOptions.parseViewList)
    var cycleViews: [String] = []
    @Flag(help: "Ring the terminal bell once when a figure enters its alert level ([thresholds] in the settings).")
    var bell = false
    @Option(help: ArgumentHelp("Run CMD (with /bin/sh -c) when a figure rises to warn or alert; PROACTIVE_TUI_FIGURE, PROACTIVE_TUI_LEVEL and PROACTIVE_TUI_VALUE in its environment.",
                               valueName: "CMD"))
    var onAlert: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Run --on-alert at most once per figure in this many minutes (0.1 to 10080; default 15).", valueName: "minutes"),
            transform: FlagBounds.alertEvery.parse)
    var alertEvery: Double = 15

    static func parseTheme(_ text: String) throws -> ThemeName {
        guard let theme = ThemeName(rawValue: text) else {
            throw FlagValueError("--theme takes " + ThemeName.names.joined(separator: ", "))
        }
        return theme
    }

    static func parseViewList(_ text: String) throws -> [String] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy(SavedView.isValidName) else {
            throw FlagValueError("--cycle-views takes view names separated by commas (each 1 to 40 letters, digits, - and _)")
        }
        return names
    }
}
