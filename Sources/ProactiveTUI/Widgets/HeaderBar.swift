import DashboardModel

/// The top of the screen. Row 1: title, total, processed and its percent, and `Updated HH:MM:SS` (the read
/// time in the filter's zone) on the right, followed by a reverse-video `STALE` when told, and before it the sync's
/// state when the store is synced (`Synced 14:03`, or `sync failing since 13:58: 401 Unauthorized` as a warning). Row 2: the active
/// filters. Row 3 (when the area has it and the data has live figures): pending, in progress, throughput,
/// time to clear, abandoned and connect rates.
public struct HeaderBar: Widget {
    public var data: DashboardData
    public var title: String
    public var stale: Bool
    public var sync: SyncIndicator?

    public init(data: DashboardData, title: String = "Proactive Outbound", stale: Bool = false, sync: SyncIndicator? = nil) {
        self.data = data
        self.title = title
        self.stale = stale
        self.sync = sync
    }

    /// Rows this header wants: 2, or 3 with live figures.
    public var preferredHeight: Int { data.live == nil ? 2 : 3 }

    public func summaryText(theme: Theme) -> String {
        let sep = theme.glyphs.separator
        return title + sep + "Total " + NumberFormat.grouped(data.totalDeliveries) + sep + "Processed "
            + NumberFormat.grouped(data.processed) + " (" + NumberFormat.percent(data.processed, of: data.totalDeliveries) + ")"
    }

    public func liveText(theme: Theme) -> String? {
        guard let live = data.live else { return nil }
        let none = "-"
        let rate = { (r: Double?) in r.map { NumberFormat.percent($0) } ?? none }
        return [
            "Pending " + NumberFormat.grouped(live.pending),
            "In progress " + NumberFormat.grouped(live.inProgress),
            "Throughput " + NumberFormat.grouped(live.throughputPerHour) + "/h",
            "Clear in " + (live.secondsToClear.map { NumberFormat.duration(seconds: $0) } ?? none),
            "Abandoned " + rate(live.abandonedRate),
            "Connect " + rate(live.connectRate),
        ].joined(separator: theme.glyphs.separator)
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        let ell = theme.glyphs.ellipsis
        // Row 1, right side first: it must survive a narrow terminal.
        var rightWidth = 0
        let updated = "Updated " + ClockText.time(data.readAt, in: data.filters.zone)
        if stale {
            let w = DisplayWidth.of(" STALE ")
            if w <= area.width {
                grid.put(" STALE ", x: area.right - w, y: area.y, style: Style.warning.reversed)
                rightWidth = w
            }
        }
        let uw = DisplayWidth.of(updated)
        if rightWidth + uw + 1 <= area.width {
            grid.put(updated, x: area.right - rightWidth - uw - (stale ? 1 : 0), y: area.y, style: .muted)
            rightWidth += uw + (stale ? 1 : 0)
        }
        if let sync {
            // Beside the update time, taking at most half the row so the totals stay readable.
            let text = theme.safe(sync.text(in: data.filters.zone))
            let room = min(area.width / 2, area.width - rightWidth - 2)
            if room >= 12 {
                let w = min(DisplayWidth.of(text), room)
                grid.put(text, x: area.right - rightWidth - 2 - w, y: area.y, width: w, alignment: .left,
                         style: sync.isFailing ? Style.warning : .muted, ellipsis: ell)
                rightWidth += w + 2
            }
        }
        let leftRoom = area.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        grid.put(summaryText(theme: theme), x: area.x, y: area.y, width: leftRoom, alignment: .left, style: .title,
                 ellipsis: ell)
        if area.height >= 2 {
            let filters = theme.safe(FilterSummary.text(data.filters, facets: data.facets, separator: theme.glyphs.separator))
            grid.put(filters, x: area.x, y: area.y + 1, width: area.width, alignment: .left, style: .accent, ellipsis: ell)
        }
        if area.height >= 3, let live = liveText(theme: theme) {
            grid.put(live, x: area.x, y: area.y + 2, width: area.width, alignment: .left, style: .normal, ellipsis: ell)
        }
    }
}
