import DashboardModel
import TerminalUI

/// The top of the screen. Row 1: title, total, processed and its percent, and `Updated HH:MM:SS` (the read
/// time in the filter's zone) on the right, followed by a reverse-video `STALE` when told, and before it the sync's
/// state when the store is synced (`Synced 14:03`, or `sync failing since 13:58: 401 Unauthorized` as a warning). Row 2: the active
/// filters. Row 3 (when the area has it and the data has live figures): pending, in progress, throughput,
/// time to clear, abandoned (over attempted, Microsoft's figure) and connect rates, and the compliance figure (the
/// worst configuration's abandoned over live-answered calls in the rule's window, and how many are over 3%).
/// With `showChange` and a previous period, the totals carry their change (`Total 6,430 ▲ 4.2%`). A figure over a
/// threshold level turns amber or red and carries `!` or `!!` in every form; the saved view in force is named first
/// on row 2.
struct HeaderBar: Widget {
    var data: DashboardData
    var title: String
    var stale: Bool
    var sync: SyncIndicator?
    var showChange: Bool
    /// Figures over a level turn amber or red and carry `!` or `!!`.
    var thresholds: Thresholds
    /// The saved view in force, named before the filters.
    var viewName: String?

    init(data: DashboardData, title: String = "Proactive Outbound", stale: Bool = false, sync: SyncIndicator? = nil,
                showChange: Bool = true, thresholds: Thresholds = Thresholds(), viewName: String? = nil) {
        self.data = data
        self.title = title
        self.stale = stale
        self.sync = sync
        self.showChange = showChange
        self.thresholds = thresholds
        self.viewName = viewName
    }

    private func level(_ figure: ThresholdFigure) -> ThresholdLevel { thresholds.level(figure, in: data) }

    /// Rows this header wants: 2, or 3 with live figures.
    var preferredHeight: Int { data.live == nil ? 2 : 3 }

    /// Row 1 by priority: the title goes first, then the sync's message (cut to the room left over rather than
    /// dropped), the update time's label, the totals' labels, then the sync, the update time, the total; the
    /// processed figure and `STALE` stay longest.
    func summaryLine(theme: Theme) -> PriorityLine {
        let percent = NumberFormat.percent(data.processed, of: data.totalDeliveries)
        let total = NumberFormat.grouped(data.totalDeliveries)
        let processedLevel = level(.processedRate)
        let processed = ThresholdMarks.marked(NumberFormat.grouped(data.processed) + " (" + percent + ")", processedLevel)
        let time = ClockText.time(data.readAt, in: data.filters.zone)
        var totalForms = ["Total " + total, total], processedForms = ["Processed " + processed, processed]
        if showChange, let previous = data.previous {
            // The change goes before the label does: `Total 6,430 ▲ 4.2%`, `6,430 ▲ 4.2%`, `6,430`.
            let ascii = theme.isASCII
            let totalChange = " " + ChangeFormat.percent(data.totalDeliveries, from: previous.totalDeliveries, ascii: ascii)
            let processedChange = " " + ChangeFormat.percent(data.processed, from: previous.processed, ascii: ascii)
            totalForms = ["Total " + total + totalChange, total + totalChange, total]
            processedForms = ["Processed " + processed + processedChange, processed + processedChange, processed]
        }
        var items: [PriorityLine.Item] = [
            .init([title], importance: 0, style: .title, decoration: true),
            .init(totalForms, importance: 4, style: .title),
            .init(processedForms, importance: 5, style: ThresholdMarks.style(processedLevel) ?? .title),
        ]
        if let sync {
            let style: Style = sync.isFailing ? .warning : .muted
            switch sync {
            case .synced:
                items.append(.init([theme.safe(sync.text(in: data.filters.zone))], importance: 1, style: style, trailing: true))
            case .failing(let since, _):
                let short = "sync failing since " + SyncIndicator.hoursMinutes(since, in: data.filters.zone)
                let full = theme.safe(sync.text(in: data.filters.zone))
                items.append(.init([full, short], importance: 1, style: style, trailing: true, stretch: full))
            }
        }
        items.append(.init(["Updated " + time, time], importance: 3, style: .muted, trailing: true))
        if stale { items.append(.init([" STALE "], importance: 6, style: Style.warning.reversed, trailing: true, gap: 1)) }
        return PriorityLine(items: items, separator: theme.glyphs.separator)
    }

    /// Row 3 by priority: labels are shortened first (least important first), then whole figures go; pending and
    /// throughput stay longest. A figure never stands without a label: six bare numbers in a row cannot be told apart.
    func liveLine(theme: Theme) -> PriorityLine? {
        guard let live = data.live else { return nil }
        let none = "-"
        let rate = { (r: Double?) in r.map { NumberFormat.percent($0) } ?? none }
        // A figure over a level keeps its place longest (after the title) and carries its marker in every form.
        func item(_ label: String, _ short: String, _ value: String, _ importance: Int,
                  _ figure: ThresholdFigure? = nil) -> PriorityLine.Item {
            let over = figure.map(level) ?? .normal
            let shown = ThresholdMarks.marked(value, over)
            return .init([label + " " + shown, short + " " + shown], importance: importance + (over == .normal ? 0 : 10),
                         style: ThresholdMarks.style(over) ?? .normal)
        }
        var items = [
            item("Pending", "Pend", NumberFormat.grouped(live.pending), 6, .pending),
            item("In progress", "InProg", NumberFormat.grouped(live.inProgress), 2),
            item("Throughput", "Thru", NumberFormat.grouped(live.throughputPerHour) + "/h", 5),
            item("Clear in", "Clear", live.secondsToClear.map { NumberFormat.duration(seconds: $0) } ?? none, 3, .timeToClear),
            item("Abandoned/attempted", "Aband/att", rate(live.abandonedRate), 4, .abandonedRate),
            item("Connect", "Conn", rate(live.connectRate), 1, .connectRate),
        ]
        if let compliance = data.compliance {
            let figure = ComplianceText(compliance)
            let over = level(.complianceRate)
            items.append(.init([figure.long, figure.medium, figure.short].map { ThresholdMarks.marked($0, over) },
                               importance: 4 + (over == .normal ? 0 : 10),
                               style: ThresholdMarks.style(over) ?? (figure.over > 0 ? .warning : .normal)))
        }
        // The shares of errors and expiries show when the settings watch them.
        for (figure, label, short) in [(ThresholdFigure.errorShare, "Errors", "Err"), (.expiredShare, "Expired", "Exp")]
        where thresholds[figure] != nil {
            items.append(item(label, short, rate(Thresholds.value(of: figure, in: data)), 0, figure))
        }
        return PriorityLine(items: items, separator: theme.glyphs.separator)
    }

    func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        let ell = theme.glyphs.ellipsis
        summaryLine(theme: theme).render(into: &grid, area: Rect(x: area.x, y: area.y, width: area.width, height: 1), theme: theme)
        if area.height >= 2 {
            var filters = theme.safe(FilterSummary.text(data.filters, facets: data.facets, separator: theme.glyphs.separator))
            if let viewName { filters = "View " + theme.safe(viewName) + theme.glyphs.separator + filters }
            grid.put(filters, x: area.x, y: area.y + 1, width: area.width, alignment: .left, style: .accent, ellipsis: ell)
        }
        if area.height >= 3, let live = liveLine(theme: theme) {
            live.render(into: &grid, area: Rect(x: area.x, y: area.y + 2, width: area.width, height: 1), theme: theme)
        }
    }
}
