import Foundation
import DashboardModel
import TerminalUI

/// One of the panels: its frame, and the chart or table inside with the current selection.
struct PanelView: Widget {
    let panel: PanelID
    let data: DashboardData
    let state: UIState
    let wall: Bool
    var thresholds = Thresholds()

    /// Legend lines of a donut on the wall: the five largest entries and "Other", so the ring gets the room.
    static let wallLegendLimit = 6

    var focused: Bool { !wall && state.focus == .panel(panel) }
    /// The previous period, when the change is shown.
    var comparison: PreviousPeriod? { state.showComparison ? data.previous : nil }
    var selected: Int? { wall ? nil : state.selection[panel] }

    func render(into grid: inout Grid, area: Rect, theme: Theme) {
        _ = draw(into: &grid, area: area, theme: theme)
    }

    /// Draws the panel and returns what keys need of it: the status chart's columns and series as laid out, a
    /// table's rows per page.
    func draw(into grid: inout Grid, area: Rect, theme: Theme) -> ViewGeometry {
        var geometry = ViewGeometry()
        let prefix = wall ? "" : "\(panel.rawValue) "
        let room = area.width - 4
        let titles = panel.titles.map { prefix + $0 }
        let title = titles.first { DisplayWidth.of($0) <= room } ?? titles[titles.count - 1]
        let chart = panel == .statusChart ? statusChart(inner: Panel.inner(of: area), theme: theme) : nil
        let frame = Panel(title: title, focused: focused, footer: chart?.footer ?? footer(area: area, theme: theme))
        if let chart, let layout = chart.layout {
            geometry.chartBuckets = layout.buckets
            geometry.chartLabels = chart.widget.seriesLabels
        }
        if panel == .configurationTable || panel == .queueTable || panel == .compliance {
            geometry.pageSize[panel] = DataTable.visibleRows(in: Panel.inner(of: area))
        }
        let inner = frame.draw(into: &grid, area: area, theme: theme)
        guard !inner.isEmpty else { return geometry }
        geometry.hits.add(area, .panel(panel))
        var items: [ItemRegion] = []
        switch panel {
        case .statusChart:
            if let chart {
                chart.widget.render(into: &grid, area: inner, theme: theme, layout: chart.layout)
                if let layout = chart.layout { items = chart.widget.columnRegions(layout: layout, theme: theme) }
            }
        case .resultDonut:
            let donut = DonutChart(entries: data.processedByResult.labelled, holeRatio: 0.55, selectedIndex: selected,
                                   centerText: NumberFormat.compact(data.processed), known: SeriesSlots.results,
                                   legendLimit: wall ? Self.wallLegendLimit : .max)
            donut.render(into: &grid, area: inner, theme: theme)
            items = donut.entryRegions(in: inner)
        case .dialModeDonut:
            let donut = DonutChart(entries: data.processedByDialMode.labelled, holeRatio: 0.3, selectedIndex: selected,
                                   known: SeriesSlots.dialModes)
            donut.render(into: &grid, area: inner, theme: theme)
            items = donut.entryRegions(in: inner)
        case .configurationTable:
            let base = DataTable.configurations(data.byConfiguration, previous: comparison?.byConfiguration, ascii: theme.isASCII)
            let shown = table(marked(base, .processedRate, column: "Processed",
                                     values: data.byConfiguration.map { $0.total > 0 ? Double($0.processed) / Double($0.total) : nil }),
                              inner: inner)
            shown.render(into: &grid, area: inner, theme: theme)
            items = shown.rowRegions(in: inner)
        case .queueTable:
            let base = DataTable.queues(data.byQueue, previous: comparison?.byQueue, ascii: theme.isASCII)
            let shown = table(marked(base, .processedRate, column: "Processed",
                                     values: data.byQueue.map { $0.total > 0 ? Double($0.processed) / Double($0.total) : nil }),
                              inner: inner)
            shown.render(into: &grid, area: inner, theme: theme)
            items = shown.rowRegions(in: inner)
        case .compliance:
            let base = DataTable.compliance(data.compliance)
            let shown = table(marked(base, .complianceRate, column: "Rate", values: (data.compliance?.rows ?? []).map(\.rate)),
                              inner: inner)
            shown.render(into: &grid, area: inner, theme: theme)
            items = shown.rowRegions(in: inner)
        case .dateTable:
            let days = DateColumnsTable(days: data.byDate.map(DayTotals.init),
                                        selectedDay: selected ?? (data.byDate.isEmpty ? nil : data.byDate.count - 1))
            days.render(into: &grid, area: inner, theme: theme)
            items = days.dayRegions(in: inner)
        }
        if !wall { geometry.hits.addItems(items, of: panel, labels: geometry.chartLabels) }
        return geometry
    }

    /// The status chart with its selected column and status, its layout (made once, for the footer and the
    /// drawing), and a footer with the selection's figures (`11-05 499` for a column, `11-05 Complete 433` for a
    /// status in it).
    private func statusChart(inner: Rect, theme: Theme)
        -> (widget: StackedColumnChart, layout: StackedColumnChart.Layout?, footer: String?) {
        var chart = StackedColumnChart(data: data, selectedIndex: selected)
        let layout = inner.isEmpty ? nil : chart.layout(in: inner, theme: theme)
        guard let selected, let layout, layout.buckets.indices.contains(selected) else { return (chart, layout, nil) }
        let bucket = layout.buckets[selected]
        let labels = chart.seriesLabels
        let date = layout.granularity.label(bucket.start)
        guard let status = state.chartSegment(in: bucket, labels: labels),
              let i = labels.firstIndex(of: status) else {
            return (chart, layout, "\(date) \(NumberFormat.grouped(bucket.total))")
        }
        chart.selectedSeries = status
        return (chart, layout, "\(date) \(theme.safe(status)) \(NumberFormat.grouped(bucket.counts[i]))")
    }

    /// A table's cells in the column titled `column` (or beginning so) marked where the row's value is over a level
    /// of `figure`: each row's processed share (`processed-rate`), each configuration's compliance rate.
    private func marked(_ base: DataTable, _ figure: ThresholdFigure, column title: String, values: [Double?]) -> DataTable {
        guard thresholds[figure] != nil,
              let column = base.columns.firstIndex(where: { $0.title == title || $0.title.hasPrefix(title + " ") })
        else { return base }
        var table = base
        for (i, value) in values.enumerated() where i < table.rows.count && column < table.rows[i].count {
            let level = thresholds.level(figure, value)
            guard let style = ThresholdMarks.style(level) else { continue }
            table.rows[i][column] = ThresholdMarks.marked(table.rows[i][column], level)
            table.cellStyles[i, default: [:]][column] = style
        }
        return table
    }

    /// Tables: the selection in normal use; in wall mode, the page the wall clock has reached.
    private func table(_ base: DataTable, inner: Rect) -> DataTable {
        var table = base
        if wall {
            let visible = max(1, DataTable.visibleRows(in: inner))
            let pages = max(1, (table.rows.count + visible - 1) / visible)
            // Pad the last page with blank rows: otherwise the table keeps its window full and the last page
            // repeats rows of the one before (page 2/2 of 30 rows by 20 would show rows 11-30).
            table.rows += Array(repeating: [], count: pages * visible - table.rows.count)
            table.scrollOffset = (state.wallPage % pages) * visible
            table.selectedRow = nil
        } else {
            table.selectedRow = selected
        }
        return table
    }

    private func footer(area: Rect, theme: Theme) -> String? {
        let count = panel.itemCount(data: data)
        if panel == .compliance, let compliance = data.compliance {
            // The window and the limit, then the position: `10-22..11-20 ≤ 3% · 1/4`.
            let window = compliance.from == compliance.to ? compliance.to.iso
                : String(format: "%02d-%02d..%02d-%02d", compliance.from.month, compliance.from.day, compliance.to.month,
                         compliance.to.day)
            let limit = (theme.isASCII ? "limit " : "≤ ") + "\(ComplianceFigures.limitPercent)%"
            let position = wall ? nil : ScrollWindow.position(selected, count: count)
            return ([window, limit] + (position.map { [$0] } ?? [])).joined(separator: theme.glyphs.separator)
        }
        guard count > 0 else { return nil }
        switch panel {
        case .configurationTable, .queueTable, .compliance:
            if wall {
                let visible = max(1, DataTable.visibleRows(in: Panel.inner(of: area)))
                let pages = (count + visible - 1) / visible
                return pages > 1 ? "page \(state.wallPage % pages + 1)/\(pages)" : nil
            }
            return ScrollWindow.position(selected, count: count)
        default:
            return nil
        }
    }
}
