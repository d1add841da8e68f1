import DashboardModel
import TerminalUI

/// Wall mode's one-line header: title, the filters in force, and when data last changed (or STALE). A failing
/// sync is shown plainly, in reverse video, before the update time (a synced one as `Synced 14:03`).
struct WallHeader: Widget {
    let data: DashboardData
    let stale: Bool
    var sync: SyncIndicator? = nil
    /// The saved view shown (wall mode's `--cycle-views`), named before the filters.
    var viewName: String? = nil

    func render(into grid: inout Grid, area: Rect, theme: Theme) {
        grid.fill(area)
        let sep = theme.glyphs.separator
        let view = viewName.map { "View " + theme.safe($0) + sep } ?? ""
        let left = "Proactive Outbound" + sep + view + FilterSummary.text(data.filters, facets: data.facets, separator: theme.glyphs.separator)
        let updated = "Updated " + ClockText.time(data.readAt, in: data.filters.zone)
        let right = stale ? updated + "  STALE " : updated
        var rightWidth = DisplayWidth.of(right)
        grid.put(right, x: area.right - rightWidth, y: area.y, style: stale ? .warning.reversed : .muted)
        if let sync {
            let text = sync.isFailing ? " " + theme.safe(sync.text(in: data.filters.zone, messageLimit: 80)).uppercasedFirst + " "
                                      : theme.safe(sync.text(in: data.filters.zone))
            let room = min(DisplayWidth.of(text), area.width / 2, max(0, area.width - rightWidth - 2))
            if room >= 10 {
                grid.put(text, x: area.right - rightWidth - 2 - room, y: area.y, width: room, alignment: .left,
                         style: sync.isFailing ? .warning.reversed : .muted, ellipsis: theme.glyphs.ellipsis)
                rightWidth += room + 2
            }
        }
        grid.put(left, x: area.x, y: area.y, style: .title, maxWidth: max(0, area.width - rightWidth - 1))
    }
}

private extension String {
    /// "sync failing ..." as "Sync failing ..." where it stands alone.
    var uppercasedFirst: String {
        let trimmed = drop { $0 == " " }
        guard let first = trimmed.first else { return self }
        return String(prefix(count - trimmed.count)) + first.uppercased() + trimmed.dropFirst()
    }
}
