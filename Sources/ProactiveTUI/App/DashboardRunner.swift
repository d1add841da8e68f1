import CommandSupport
import CursesBridge
import DashboardModel
import SettingsTOML
import Foundation
import TerminalUI

/// The interactive loop: keys in, filters to queries, frames out; and a look at the store every `--refresh`
/// seconds that reads only what changed. The terminal is restored on every way out (q, Ctrl-C, SIGTERM, SIGHUP).
struct DashboardRunner {
    let path: String
    let settings: DashboardSettings
    let display: DisplayOptions
    var drilldown = DrilldownOptions()
    var abandonRule: AbandonRule = .default

    func run() throws {
        let session = try DashboardSession.open(path: path)
        let filters = try settings.start.filters(for: session.index)
        // The views `--cycle-views` shows, checked against the store before the screen opens.
        var cycle: [(name: String, filters: DashboardFilters)] = []
        for view in settings.cycle { cycle.append((view.name, try view.options.filters(for: session.index))) }
        let palette = PaletteName(theme: display.theme ?? settings.settings.theme ?? .dark)
        let backend = CursesBackend(forceASCII: display.ascii, noColor: display.noColor, palette: palette)
        pt_install_signal_handlers()
        try backend.open()
        defer { backend.close() }
        if !display.noMouse, settings.settings.mouse != false { backend.setMouse(true) }
        var loop = DashboardLoop(index: session.index, backend: backend, display: display, filters: filters,
                                 settings: settings, cycle: cycle, abandonRule: abandonRule)
        loop.syncSource = SyncStatusSource(store: session.store)
        loop.listSource = StoreListSource(index: session.index, store: session.store)
        loop.drilldown = drilldown
        try loop.run()
    }
}

/// The state of one running dashboard between frames.
struct DashboardLoop {
    let index: AggregateIndex
    let backend: CursesBackend
    let display: DisplayOptions
    let abandonRule: AbandonRule
    var controller: DashboardController
    var data: DashboardData
    var lastRead = Date()
    var stale = false
    var today: LocalDate
    /// The sync's state for the header, read when the store's sync generation moves (at most once a refresh).
    var syncSource: SyncStatusSource?
    /// The frame composed for the current data, state and size, once composed; nil when any of them changed since.
    /// Its geometry is what the next key is read against; `draw` shows it without laying the screen out again.
    var frame: (composed: ComposedFrame, width: Int, height: Int)?
    /// Whether `frame` is on the terminal.
    var frameShown = false
    /// Where the drill-down list reads its rows (nil: `x` opens an empty list), and its options.
    var listSource: StoreListSource?
    var drilldown = DrilldownOptions()
    /// The settings file's views and thresholds, and where views are saved.
    var settings: DashboardSettings
    /// `--cycle-views`: the views wall mode shows in turn, and the one showing.
    let cycle: [(name: String, filters: DashboardFilters)]
    var cycleIndex = 0
    /// When to ring and run `--on-alert`.
    var alerts: AlertMonitor
    let alertCommand: AlertCommand?

    init(index: AggregateIndex, backend: CursesBackend, display: DisplayOptions, filters: DashboardFilters,
         settings: DashboardSettings, cycle: [(name: String, filters: DashboardFilters)] = [],
         abandonRule: AbandonRule = .default) {
        self.index = index
        self.backend = backend
        self.display = display
        self.settings = settings
        self.cycle = cycle
        self.abandonRule = abandonRule
        alerts = AlertMonitor(every: display.alertEvery * 60)
        alertCommand = display.onAlert.map(AlertCommand.init)
        controller = DashboardController(filters: filters, wall: display.wall || !cycle.isEmpty)
        controller.viewNames = settings.settings.viewNames
        if let name = settings.startView { controller.markView(name) }
        let now = Date()
        data = MetricsEngine.compute(index: index, filters: filters, now: now, abandonRule: abandonRule)
        today = LocalDate.containing(epochSeconds: Int64(now.timeIntervalSince1970), in: filters.zone)
        checkAlerts(now: now)
    }

    mutating func requery() {
        let now = Date()
        data = MetricsEngine.compute(index: index, filters: controller.filters, now: now, abandonRule: abandonRule)
        data.readAt = lastRead
        today = LocalDate.containing(epochSeconds: Int64(now.timeIntervalSince1970), in: controller.filters.zone)
        checkAlerts(now: now)
    }

    /// The thresholds against the new data: the bell (`--bell`) and the alert command (`--on-alert`).
    mutating func checkAlerts(now: Date) {
        guard display.bell || alertCommand != nil, !settings.thresholds.isEmpty else { return }
        let actions = alerts.observe(settings.thresholds.readings(for: data), now: now)
        if actions.bell, display.bell { backend.bell() }
        if let alertCommand {
            for event in actions.commands {
                if let problem = alertCommand.run(event) { controller.state.message = problem }
            }
        }
    }

    /// `v` then Enter: the view's filters, checked against the store (a problem shows in the footer).
    mutating func applyView(_ name: String) {
        switch settings.filters(ofView: name, index: index) {
        case .success(let filters):
            if controller.showView(name, filters: filters) == .requery { requery() }
        case .failure(let error):
            controller.state.message = error.commandLineText
        }
    }

    /// `V` and a name: the filters in force written to the settings file as that view.
    mutating func saveView(_ name: String) {
        do {
            let outcome = try SettingsEditor.save(name: name, filters: controller.filters, to: settings.path)
            settings.settings = try SettingsFile.load(path: settings.path)
            controller.viewNames = settings.settings.viewNames
            controller.markView(name)
            controller.state.message = "view \(name) \(outcome == .added ? "saved" : "replaced") in \(settings.path)"
        } catch let error as SettingsError {
            controller.state.message = error.commandLineText
        } catch {
            controller.state.message = "could not save the view: \(error)"
        }
    }

    mutating func run() throws {
        let refreshInterval = max(0.1, display.refresh)
        var nextRefresh = Date().addingTimeInterval(refreshInterval)
        var nextCycle = Date().addingTimeInterval(max(1, display.cycle))
        var lastMinute = Int64(Date().timeIntervalSince1970) / 60
        frame = nil
        var draining = false
        stale = isStale(now: Date())
        syncSource?.refresh()
        while true {
            if pt_signal_received() != 0 { return }
            // Something changed since the last frame shown (the frame was dropped, or composed for a key): draw.
            if frame == nil || !frameShown, !draining { draw() }
            let untilRefresh = Int(max(0, nextRefresh.timeIntervalSinceNow) * 1000)
            if let key = backend.readKey(timeoutMs: draining ? 0 : min(250, untilRefresh)) {
                draining = true
                if key == .resize {
                    backend.invalidate()
                    // The list's page follows the new height.
                    loadList()
                    frame = nil
                    continue
                }
                // Keys read while draining come before the frame is drawn: the frame they act on is composed then
                // (and shown as it is when they change nothing).
                let geometry = composed().geometry
                let effect = controller.handle(key, data: data, geometry: geometry)
                if effect != .none { frame = nil }
                switch effect {
                case .quit: return
                case .requery:
                    requery()
                    frame = nil
                case .redraw: frame = nil
                case .repaint:
                    backend.invalidate()
                    frame = nil
                case .suspend:
                    // Suspend like less or vim: the terminal is restored, the process stops, and `fg` brings the
                    // dashboard back drawn whole (the size may have changed meanwhile).
                    backend.suspend()
                    frame = nil
                case .loadList:
                    loadList()
                    frame = nil
                case .exportList:
                    exportList()
                    frame = nil
                case .applyView(let name): applyView(name)
                case .saveView(let name): saveView(name)
                case .toggleMouse:
                    let on = backend.setMouse(!backend.mouseEnabled)
                    controller.state.message = on ? "mouse on (M: off, for the terminal's own text selection)"
                        : "mouse off: the terminal selects text (M: on)"
                case .none: break
                }
                continue
            }
            draining = false
            let now = Date()
            if now >= nextRefresh {
                nextRefresh = now.addingTimeInterval(refreshInterval)
                let minute = Int64(now.timeIntervalSince1970) / 60
                if try index.refresh() {
                    lastRead = now
                    requery()
                    refreshList()
                    frame = nil
                } else if minute != lastMinute
                    || LocalDate.containing(epochSeconds: Int64(now.timeIntervalSince1970), in: controller.filters.zone) != today
                {
                    // The last-hour throughput and "today" move with the clock even when no data arrives.
                    requery()
                    refreshList()
                    frame = nil
                }
                lastMinute = minute
                if syncSource?.refresh() == true { frame = nil }
                let nowStale = isStale(now: now)
                if nowStale != stale {
                    stale = nowStale
                    frame = nil
                }
            }
            if controller.state.wall && now >= nextCycle {
                nextCycle = now.addingTimeInterval(max(1, display.cycle))
                if cycle.count > 1 {
                    cycleIndex = (cycleIndex + 1) % cycle.count
                    let next = cycle[cycleIndex]
                    if controller.showView(next.name, filters: next.filters) == .requery { requery() }
                    controller.state.message = nil
                    controller.state.wallPage = 0
                } else {
                    controller.advanceWallPage(data: data)
                }
                frame = nil
            }
        }
    }

    func isStale(now: Date) -> Bool {
        guard let changed = index.changedAt else { return true }
        return now.timeIntervalSince(changed) > display.staleAfter
    }

    /// The frame for the current data, state and size: the one composed last if nothing changed since.
    mutating func composed() -> ComposedFrame {
        let (width, height) = backend.size
        if let frame, frame.width == width, frame.height == height { return frame.composed }
        var context = ScreenContext(theme: backend.theme, stale: stale, staleAfter: display.staleAfter)
        context.now = Date()
        context.sync = syncSource?.indicator
        context.showAddresses = drilldown.showAddresses
        context.thresholds = settings.thresholds
        context.viewName = controller.activeView
        let composed = ScreenComposer.compose(data: data, state: controller.state, context: context, width: width, height: height)
        frame = (composed, width, height)
        frameShown = false
        return composed
    }

    /// Reads what the open list needs for the screen as it is now.
    mutating func loadList() {
        guard var list = controller.state.list, let listSource else { return }
        let (width, height) = backend.size
        list.pageSize = composed().geometry.listPageSize ?? DeliveryListScreen.pageSize(width: width, height: height, headerHeight: 3)
        list.load(from: listSource)
        controller.state.list = list
    }

    /// New data while the list is open: its rows again, the cursor on the same delivery.
    mutating func refreshList() {
        guard var list = controller.state.list, let listSource else { return }
        list.refresh(from: listSource)
        controller.state.list = list
    }

    mutating func exportList() {
        guard var list = controller.state.list, let listSource else { return }
        do {
            let written = try ListExport.write(list, directory: drilldown.exportDir, source: listSource,
                                               showAddresses: drilldown.showAddresses)
            list.status = "wrote \(NumberFormat.grouped(written.rows)) deliveries to \(written.path)"
        } catch {
            list.status = "export failed: \(error)"
        }
        controller.state.list = list
    }

    mutating func draw() {
        backend.draw(composed().grid)
        frameShown = true
    }
}
