import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// `x` on every kind of selection opens a list whose count (and title) equals the number it came from: each status
/// column and each status in it (days, and weeks when the chart groups them), each result and dial-mode entry, each
/// configuration and queue row, each day of the date table, and each header figure (`X`), on a demo store.
@Suite struct DrilldownCountTests {
    static let now = Date(timeIntervalSince1970: 1_789_844_400)  // 2026-09-16T19:00:00Z

    final class Store {
        let folder: URL
        let store: DeliveryStore
        let index: AggregateIndex

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("drilldown-count-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("demo.sqlite").path
            try DemoStoreBuilder.build(path: path, deliveries: 4_000, days: 60, seed: 7, now: DrilldownCountTests.now, log: { _ in })
            store = try DeliveryStore.openForReading(path: path)
            index = AggregateIndex(store: store)
            try index.refresh()
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// Opens the list for `target` as the dashboard does and checks its count and title against `figure`.
    func expectList(_ target: DrilldownTarget, figure: Int, source: StoreListSource, _ what: String) {
        #expect(target.figure == figure, "\(what): the target's figure")
        var list = DeliveryListState(target: target)
        list.pageSize = 20
        list.load(from: source, now: Self.now)
        #expect(list.loadError == nil, "\(what)")
        #expect(list.count == figure, "\(what): list \(list.count), figure \(figure)")
        let screen = DeliveryListScreen(list: list, data: AppFixture.data, state: UIState(), context: ScreenContext(theme: .unicode(colors: false)))
        #expect(screen.title.hasSuffix(": \(NumberFormat.grouped(figure)) deliveries"), "\(what): \(screen.title)")
        #expect(list.visibleRows.count == min(20, figure))
    }

    func check(filters: DashboardFilters, width: Int, height: Int, weeks: Bool, store: Store) throws -> Int {
        let source = StoreListSource(index: store.index, store: store.store)
        let data = MetricsEngine.compute(index: store.index, filters: filters, now: Self.now)
        var checked = 0
        let geometry = ScreenComposer.compose(data: data, state: UIState(), context: ScreenContext(theme: .unicode(colors: false)),
                                              width: width, height: height).geometry
        #expect(!geometry.chartBuckets.isEmpty)
        #expect(geometry.chartBuckets.contains { $0.start != $0.end } == weeks, "columns of weeks: \(weeks)")
        func target(_ panel: PanelID, _ i: Int?, segment: String? = nil) throws -> DrilldownTarget {
            var state = UIState()
            state.focus = .panel(panel)
            state.selection[panel] = i
            state.chartSegment = segment
            return try DrilldownMapper.target(state: state, data: data, geometry: geometry).get()
        }
        for (i, bucket) in geometry.chartBuckets.enumerated() {
            // The column's figure is the days' totals it covers.
            let days = data.statusByDate.filter { $0.date >= bucket.start && $0.date <= bucket.end }
            let total = days.flatMap(\.counts).map(\.count).reduce(0, +)
            expectList(try target(.statusChart, i), figure: total, source: source, "column \(bucket.start)")
            for (s, label) in geometry.chartLabels.enumerated() where s < bucket.counts.count && bucket.counts[s] > 0 {
                let figure = days.flatMap(\.counts).filter { $0.label == label }.map(\.count).reduce(0, +)
                expectList(try target(.statusChart, i, segment: label), figure: figure, source: source, "\(label) in \(bucket.start)")
                checked += 1
            }
            checked += 1
        }
        for (i, entry) in data.processedByResult.enumerated() {
            expectList(try target(.resultDonut, i), figure: entry.count, source: source, "result \(entry.label)")
            checked += 1
        }
        for (i, entry) in data.processedByDialMode.enumerated() {
            expectList(try target(.dialModeDonut, i), figure: entry.count, source: source, "dial mode \(entry.label)")
            checked += 1
        }
        for (i, row) in data.byConfiguration.enumerated() {
            expectList(try target(.configurationTable, i), figure: row.total, source: source, "configuration \(row.name)")
            checked += 1
        }
        for (i, row) in data.byQueue.enumerated() {
            expectList(try target(.queueTable, i), figure: row.total, source: source, "queue \(row.name)")
            checked += 1
        }
        for (i, row) in data.byDate.enumerated() {
            expectList(try target(.dateTable, i), figure: row.total, source: source, "day \(row.date)")
            checked += 1
        }
        for (i, row) in (data.compliance?.rows ?? []).enumerated() {
            expectList(try target(.compliance, i), figure: row.abandoned, source: source, "compliance \(row.name)")
            checked += 1
        }
        #expect((data.compliance?.rows.count ?? 0) > 0)
        // The date table's default selection is its last day, as drawn.
        expectList(try target(.dateTable, nil), figure: data.byDate.last?.total ?? 0, source: source, "the date table's last day")
        let live = try #require(data.live)
        let header = DrilldownMapper.headerTargets(data: data)
        #expect(header.map(\.figure) == [data.totalDeliveries, data.processed, live.pending, live.inProgress, live.throughputPerHour])
        #expect(live.throughputPerHour > 0 && live.pending > 0)
        for target in header {
            expectList(target, figure: target.figure, source: source, target.label)
            checked += 1
        }
        return checked
    }

    @Test func everySelectionListsItsNumber() throws {
        let store = try Store()
        // Daily columns (the last 30 days at 200 columns), then weekly ones (60 days at 120), with filters and a zone
        // with a 45-minute offset.
        let daily = try check(filters: DashboardFilters(range: .lastDays(30), timeZone: "UTC"), width: 200, height: 60, weeks: false, store: store)
        #expect(daily > 60)
        let weekly = DashboardFilters(range: .all, timeZone: "Asia/Kathmandu",
                                      selections: [.direction: ["Outgoing"], .channel: ["Voice"]])
        #expect(try check(filters: weekly, width: 120, height: 35, weeks: true, store: store) > 40)
    }

    @Test func nothingSelectedOpensNothingAndSaysWhy() {
        var state = UIState()
        state.focus = .panel(.resultDonut)
        #expect(DrilldownMapper.target(state: state, data: AppFixture.data, geometry: ViewGeometry()) == .failure(.noSelection))
        state.focus = .sidebar
        #expect(DrilldownMapper.target(state: state, data: AppFixture.data, geometry: ViewGeometry()) == .failure(.noPanel))
    }
}
