import ArgumentParser
import CommandSupport
import DashboardModel
import SettingsTOML
import Foundation

/// What a dashboard run takes from the settings file and the flags: the filters to start with (a view's, with the
/// flags over it), the views to cycle through in wall mode, the thresholds, and the file to save views to.
struct DashboardSettings {
    var settings: Settings
    /// Where views are saved (`--settings`, else the default file).
    var path: String
    /// The filter flags as given (laid over every view shown by `--cycle-views`).
    var flags: FilterOptions
    var start: FilterOptions
    /// The view the dashboard starts on, when named.
    var startView: String?
    /// `--cycle-views`: each view's filters with the flags over them.
    var cycle: [(name: String, options: FilterOptions)] = []

    var thresholds: Thresholds { settings.thresholds }
    var abandonRule: AbandonRule? { settings.abandonRule }

    static func resolve(_ viewOptions: ViewOptions, _ flags: FilterOptions, display: DisplayOptions) throws -> DashboardSettings {
        if viewOptions.view != nil, !display.cycleViews.isEmpty {
            throw ValidationError("--view and --cycle-views go separately (the cycle starts with its first view)")
        }
        let settings = try viewOptions.load()
        let path = viewOptions.settingsPath
        var resolved = DashboardSettings(settings: settings, path: path, flags: flags,
                                         start: try viewOptions.effectiveFilters(flags, settings: settings),
                                         startView: viewOptions.view)
        for name in display.cycleViews {
            let options = try ViewFlags.options(named: name, in: settings, file: path).overlaid(by: flags)
            try options.precheck()
            resolved.cycle.append((name, options))
        }
        if let first = resolved.cycle.first {
            resolved.start = first.options
            resolved.startView = first.name
        }
        try resolved.start.precheck()
        return resolved
    }

    /// A view's filters against the store's values (the dashboard's `v`), or why not.
    func filters(ofView name: String, index: AggregateIndex) -> Result<DashboardFilters, SettingsError> {
        do {
            let options = try ViewFlags.options(named: name, in: settings, file: path)
            do {
                return .success(try FilterValidator.validate(options.request, known: index.knownFilterValues))
            } catch let error as FilterError {
                return .failure(SettingsError(file: path, line: settings.view(named: name)?.line,
                                              .viewValue(view: name, key: "", message: error.commandLineText)))
            }
        } catch let error as SettingsError {
            return .failure(error)
        } catch {
            return .failure(SettingsError(file: path, .viewValue(view: name, key: "", message: "\(error)")))
        }
    }
}
