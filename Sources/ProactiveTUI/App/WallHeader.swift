import DashboardModel

/// Wall mode's one-line header: title, the filters in force, and when data last changed (or STALE).
struct WallHeader: Widget {
    let data: DashboardData
    let stale: Bool

    func render(into grid: inout Grid, area: Rect, theme: Theme) {
        grid.fill(area)
        let sep = theme.glyphs.separator
        let left = "Proactive Outbound" + sep + FilterSummary.text(data.filters, facets: data.facets, separator: theme.glyphs.separator)
        let updated = "Updated " + ClockText.time(data.readAt, in: data.filters.zone)
        let right = stale ? updated + "  STALE " : updated
        let rightWidth = DisplayWidth.of(right)
        grid.put(left, x: area.x, y: area.y, style: .title, maxWidth: max(0, area.width - rightWidth - 1))
        grid.put(right, x: area.right - rightWidth, y: area.y, style: stale ? .warning.reversed : .muted)
    }
}
