import CoreValues

/// "Delivery metrics by date" as the product shows it: one column per day (`MM-DD`), rows Total, Processed
/// and (when there is room) Processed %; scrolled horizontally so the selected day stays visible, the selected
/// day in reverse video.
public struct DateColumnsTable: Widget {
    public var days: [DayTotals]
    public var selectedDay: Int?
    /// The first day shown (as kept by the caller); adjusted so the selected day is visible.
    public var scrollOffset: Int

    public init(days: [DayTotals], selectedDay: Int? = nil, scrollOffset: Int = 0) {
        self.days = days
        self.selectedDay = selectedDay
        self.scrollOffset = scrollOffset
    }

    static let rowTitles = ["Total", "Processed", "Processed %"]

    var labelWidth: Int { DateColumnsTable.rowTitles.map(\.count).max()! }

    /// Width of one day column, including its leading gap.
    /// (The widest figure is found by its value, and its grouped width counted, not formatted: the widest of
    /// `n` and `m` grouped is the grouped width of the larger magnitude, with a sign for a negative one.)
    var columnWidth: Int {
        var widest = 0
        for day in days {
            let n = max(day.total, day.processed)
            widest = max(widest, NumberFormat.groupedWidth(n))
        }
        return max(6, widest) + 1
    }

    func visibleDays(in area: Rect) -> Int { visibleDays(in: area, columnWidth: columnWidth) }
    func visibleDays(in area: Rect, columnWidth: Int) -> Int { max(0, (area.width - labelWidth) / columnWidth) }

    func effectiveOffset(in area: Rect) -> Int { effectiveOffset(in: area, columnWidth: columnWidth) }
    func effectiveOffset(in area: Rect, columnWidth: Int) -> Int {
        ScrollWindow.offset(selected: selectedDay, current: scrollOffset,
                            visible: visibleDays(in: area, columnWidth: columnWidth), count: days.count)
    }

    var positionText: String? { ScrollWindow.position(selectedDay, count: days.count) }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        guard !days.isEmpty else {
            grid.put("No deliveries in scope", x: area.x, y: area.y, width: area.width, alignment: .left,
                     style: .muted, ellipsis: theme.glyphs.ellipsis)
            return
        }
        let rowCount = min(area.height - 1, area.height >= 4 ? 3 : 2)
        for (i, title) in DateColumnsTable.rowTitles.prefix(max(0, rowCount)).enumerated() {
            grid.put(title, x: area.x, y: area.y + 1 + i, width: labelWidth, alignment: .left, style: .title,
                     ellipsis: theme.glyphs.ellipsis)
        }
        let columnWidth = self.columnWidth
        let offset = effectiveOffset(in: area, columnWidth: columnWidth)
        let count = visibleDays(in: area, columnWidth: columnWidth)
        for (i, day) in days[offset..<min(days.count, offset + count)].enumerated() {
            let x = area.x + labelWidth + i * columnWidth + 1
            let w = columnWidth - 1
            let selected = offset + i == selectedDay
            let style: Style = selected ? .selected : .normal
            if selected { grid.fill(Rect(x: x, y: area.y, width: w, height: rowCount + 1), style: .selected) }
            let label = String(day.date.iso.dropFirst(5))
            grid.put(label, x: x, y: area.y, width: w, alignment: .right, style: selected ? .selected : Style.title.underlined)
            let values = [NumberFormat.grouped(day.total), NumberFormat.grouped(day.processed),
                          NumberFormat.percent(day.processed, of: day.total)]
            for (r, value) in values.prefix(max(0, rowCount)).enumerated() {
                grid.put(value, x: x, y: area.y + 1 + r, width: w, alignment: .right, style: style)
            }
        }
    }
}
