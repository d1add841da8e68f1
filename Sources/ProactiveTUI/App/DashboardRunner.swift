import CursesBridge
import DashboardModel
import Foundation

/// The interactive loop: keys in, filters to queries, frames out; and a look at the store every `--refresh`
/// seconds that reads only what changed. The terminal is restored on every way out (q, Ctrl-C, SIGTERM, SIGHUP).
struct DashboardRunner {
    let path: String
    let filterOptions: FilterOptions
    let display: DisplayOptions
    var drilldown = DrilldownOptions()

    func run() throws {
        let session = try DashboardSession.open(path: path)
        let filters = try filterOptions.filters(for: session.index)
        let backend = CursesBackend(forceASCII: display.ascii, noColor: display.noColor)
        pt_install_signal_handlers()
        try backend.open()
        defer { backend.close() }
        var loop = DashboardLoop(index: session.index, backend: backend, display: display, filters: filters)
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

    init(index: AggregateIndex, backend: CursesBackend, display: DisplayOptions, filters: DashboardFilters) {
        self.index = index
        self.backend = backend
        self.display = display
        controller = DashboardController(filters: filters, wall: display.wall)
        let now = Date()
        data = MetricsEngine.compute(index: index, filters: filters, now: now)
        today = LocalDate.containing(epochSeconds: Int64(now.timeIntervalSince1970), in: filters.zone)
    }

    mutating func requery() {
        let now = Date()
        data = MetricsEngine.compute(index: index, filters: controller.filters, now: now)
        data.readAt = lastRead
        today = LocalDate.containing(epochSeconds: Int64(now.timeIntervalSince1970), in: controller.filters.zone)
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
                controller.advanceWallPage(data: data)
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
        let composed = ScreenComposer.compose(data: data, state: controller.state, context: context, width: width, height: height)
        frame = (composed, width, height)
        frameShown = false
        return composed
    }

    /// Reads what the open list needs for the screen as it is now.
    mutating func loadList() {
        guard var list = controller.state.list, let listSource else { return }
        let (width, height) = backend.size
        list.pageSize = DeliveryListScreen.pageSize(width: width, height: height, data: data)
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
