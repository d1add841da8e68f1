import ArgumentParser
import CommandSupport
import DashboardModel
import SettingsTOML
import Foundation

/// `--settings PATH` and `--view NAME` (on `dashboard`, `demo`, `snapshot` and `export`).
struct ViewOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The settings file (default $XDG_CONFIG_HOME/proactive-tui/settings.toml, else ~/.config/proactive-tui/settings.toml).",
                               valueName: "path"))
    var settings: String?
    @Option(help: ArgumentHelp("A saved view ([views.NAME] in the settings file); filter flags given beside it override it.",
                               valueName: "name"))
    var view: String?

    /// The settings file's path, named or default.
    var settingsPath: String { settings ?? SettingsFile.defaultPath() }

    /// The settings (an empty set when the default file does not exist); a `SettingsError` otherwise (exit 2).
    func load() throws -> Settings { try SettingsFile.load(path: settings) }

    /// The filters in force: the view's (when one is named), with the flags given beside it laid over them.
    func effectiveFilters(_ flags: FilterOptions, settings: Settings) throws -> FilterOptions {
        guard let view else { return flags }
        return try ViewFlags.options(named: view, in: settings, file: settingsPath).overlaid(by: flags)
    }
}

/// A saved view turned into the filter flags it stands for, parsed by the flags' own parser: a view means exactly
/// what its flags mean, with the same checks and the same messages (placed at the view's key in the file).
enum ViewFlags {
    static func options(named name: String, in settings: Settings, file: String) throws -> FilterOptions {
        guard let view = settings.view(named: name) else {
            throw SettingsError(file: file, .noSuchView(name, available: settings.viewNames))
        }
        return try options(for: view, file: file)
    }

    /// `--key=value` for each value (so a value beginning with `-` is never read as a flag).
    static func arguments(_ entry: SavedView.Entry) -> [String] {
        if entry.key == .allDates { return entry.value == .flag(true) ? ["--all-dates"] : [] }
        return entry.value.texts.map { "--\(entry.key.rawValue)=\($0)" }
    }

    static func options(for view: SavedView, file: String) throws -> FilterOptions {
        // Each key alone first, so that a refused value is reported at its own line and column.
        for entry in view.entries {
            let located = SettingsError(file: file, line: entry.line, column: entry.column,
                                        .viewValue(view: view.name, key: entry.key.rawValue, message: ""))
            do {
                let one = try FilterOptions.parse(arguments(entry))
                try one.check()
            } catch let error as FilterError {
                throw with(located, error.commandLineText)
            } catch {
                throw with(located, FilterOptions.message(for: error))
            }
        }
        let all = view.entries.flatMap(arguments)
        let at = SettingsError(file: file, line: view.line, column: 1, .viewValue(view: view.name, key: "", message: ""))
        do {
            let options = try FilterOptions.parse(all)
            try options.check()
            return options
        } catch let error as FilterError {
            throw with(at, error.commandLineText)
        } catch {
            throw with(at, FilterOptions.message(for: error))
        }
    }

    private static func with(_ error: SettingsError, _ message: String) -> SettingsError {
        var e = error
        if case .viewValue(let view, let key, _) = e.problem { e.problem = .viewValue(view: view, key: key, message: message) }
        return e
    }
}
