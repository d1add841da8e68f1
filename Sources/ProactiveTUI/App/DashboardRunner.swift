import CursesBridge
import DashboardModel
import Foundation

/// The interactive loop: keys in, filters to queries, frames out; and a look at the store every `--refresh`
/// seconds that reads only what changed. The terminal is restored on every way out (q, Ctrl-C, SIGTERM, SIGHUP).
struct DashboardRunner {
    let path: String
    let filterOptions: FilterOptions
    let display: DisplayOptions

    func run() throws {
        let session = try DashboardSession.open(path: path)
        let filters = try filterOptions.filters(for: session.index)
        let backend = CursesBackend(forceASCII: display.ascii, noColor: display.noColor)
        pt_install_signal_handlers()
        try backend.open()
        defer { backend.close() }
        var loop = DashboardLoop(index: session.index, backend: backend, display: display, filters: filters)
        loop.syncSource = SyncStatusSource(store: session.store)
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
        var needsDraw = true
        var draining = false
        stale = isStale(now: Date())
        syncSource?.refresh()
        while true {
            if pt_signal_received() != 0 { return }
            if needsDraw && !draining {
                draw()
                needsDraw = false
            }
            let untilRefresh = Int(max(0, nextRefresh.timeIntervalSinceNow) * 1000)
            if let key = backend.readKey(timeoutMs: draining ? 0 : min(250, untilRefresh)) {
                draining = true
                if key == .resize {
                    backend.invalidate()
                    needsDraw = true
                    continue
                }
                let (width, height) = backend.size
                let geometry = ScreenComposer.geometry(data: data, state: controller.state, theme: backend.theme,
                                                       width: width, height: height)
                switch controller.handle(key, data: data, geometry: geometry) {
                case .quit: return
                case .requery:
                    requery()
                    needsDraw = true
                case .redraw: needsDraw = true
                case .repaint:
                    backend.invalidate()
                    needsDraw = true
                case .suspend:
                    // Suspend like less or vim: the terminal is restored, the process stops, and `fg` brings the
                    // dashboard back drawn whole (the size may have changed meanwhile).
                    backend.suspend()
                    needsDraw = true
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
                    needsDraw = true
                } else if minute != lastMinute
                    || LocalDate.containing(epochSeconds: Int64(now.timeIntervalSince1970), in: controller.filters.zone) != today
                {
                    // The last-hour throughput and "today" move with the clock even when no data arrives.
                    requery()
                    needsDraw = true
                }
                lastMinute = minute
                if syncSource?.refresh() == true { needsDraw = true }
                let nowStale = isStale(now: now)
                if nowStale != stale {
                    stale = nowStale
                    needsDraw = true
                }
            }
            if controller.state.wall && now >= nextCycle {
                nextCycle = now.addingTimeInterval(max(1, display.cycle))
                controller.advanceWallPage(data: data)
                needsDraw = true
            }
        }
    }

    func isStale(now: Date) -> Bool {
        guard let changed = index.changedAt else { return true }
        return now.timeIntervalSince(changed) > display.staleAfter
    }

    mutating func draw() {
        let (width, height) = backend.size
        var context = ScreenContext(theme: backend.theme, stale: stale, staleAfter: display.staleAfter)
        context.now = Date()
        context.sync = syncSource?.indicator
        let grid = ScreenComposer.compose(data: data, state: controller.state, context: context, width: width, height: height)
        backend.draw(grid)
    }
}
