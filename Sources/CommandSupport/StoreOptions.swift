import ArgumentParser
import DashboardModel

public struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store (SQLite). Default: $PROACTIVE_TUI_DB, else $XDG_DATA_HOME/proactive-tui/store.sqlite, else ~/.local/share/proactive-tui/store.sqlite.", valueName: "path"))
    public var db: String?

    public init() {}

    public var path: String { StoreLocation.resolve(db) }
}
