import CoreValues

/// "Total deliveries by status": one column per day (or per week, month, year when the days outnumber the
/// columns; the axis then says "weekly"...), stacked by status in legend order, a y axis with labelled ticks,
/// date labels that fit, and a legend `█ Complete 1,234` showing each series' fill character (so it reads
/// without colour). Unicode tops each column with a one-eighth block for precision; ASCII uses whole cells.
/// The selected column (`selectedIndex`, a bucket index) is drawn bold and its date label in reverse video.
public struct StackedColumnChart: Widget {
    public var series: [LabelledCount]
    public var days: [DayCounts]
    public var from: LocalDate?
    public var to: LocalDate?
    public var selectedIndex: Int?
    /// The series' known values in their fixed order: each keeps its fill and colour (`SeriesSlots`).
    public var known: [String]
    /// The selected status in the selected column (drawn in reverse video there and in the legend), if any.
    public var selectedSeries: String?

    public init(series: [LabelledCount], days: [DayCounts], from: LocalDate? = nil, to: LocalDate? = nil,
                selectedIndex: Int? = nil, selectedSeries: String? = nil, known: [String] = []) {
        self.series = series
        self.days = days
        self.from = from
        self.to = to
        self.selectedIndex = selectedIndex
        self.selectedSeries = selectedSeries
        self.known = known
    }

    /// Where everything goes for a given area: the caller uses `buckets` to map a selected column to dates.
    public struct Layout: Hashable, Sendable {
        public var granularity: DateGranularity
        public var buckets: [DateBucket]
        public var plot: Rect
        public var axisX: Int
        /// Columns of the y labels, left of the axis line.
        public var axisWidth: Int
        public var labelRow: Int
        public var legendLines: [[Int]]
        public var legendY: Int
        public var slot: Int
        public var barWidth: Int
        public var yMax: Int
    }

    public var seriesLabels: [String] {
        var labels = series.map(\.label)
        var seen: Set<String>?  // made on the first label not found at its own place (days come in the series' order)
        for day in days {
            for (k, e) in day.counts.enumerated() where !(k < labels.count && labels[k] == e.label) {
                if seen == nil { seen = Set(labels) }
                if seen?.insert(e.label).inserted == true { labels.append(e.label) }
            }
        }
        return labels
    }

    /// The chart's date span: the filter's range when it is known and reasonable, else the data's days.
    var span: (LocalDate, LocalDate)? {
        guard let first = days.first?.date, let last = days.last?.date else {
            if let from, let to, from <= to, to.dayNumber - from.dayNumber < 3660 { return (from, to) }
            return nil
        }
        var a = first, b = last
        if let from, from <= first, first.dayNumber - from.dayNumber < 3660 { a = from }
        if let to, to >= last, to.dayNumber - last.dayNumber < 3660 { b = to }
        return (a, b)
    }

    /// The fill and colour slot of each of `seriesLabels`.
    var slots: [Int] { SeriesSlots.assign(seriesLabels, known: known) }

    func legendText(_ i: Int, slot: Int, theme: Theme) -> String {
        let entry = i < series.count ? series[i] : LabelledCount(seriesLabels[i], days.reduce(0) { $0 + $1.count(of: seriesLabels[i]) })
        return theme.glyphs.fill(series: slot) + " " + theme.safe(entry.label) + " " + NumberFormat.grouped(entry.count)
    }

    public func layout(in area: Rect, theme: Theme) -> Layout? {
        guard let (start, end) = span, area.width >= 6, area.height >= 3 else { return nil }
        // Legend lines: entries packed left to right, two spaces apart.
        var lines: [[Int]] = [[]]
        var used = 0
        let labels = seriesLabels
        let slots = SeriesSlots.assign(labels, known: known)
        for i in labels.indices {
            let w = DisplayWidth.of(legendText(i, slot: slots[i], theme: theme))
            if !lines[lines.count - 1].isEmpty, used + 2 + w > area.width {
                lines.append([])
                used = 0
            }
            used += (lines[lines.count - 1].isEmpty ? 0 : 2) + w
            lines[lines.count - 1].append(i)
        }
        if labels.isEmpty { lines = [] }
        lines = Array(lines.prefix(max(0, area.height - 3)))
        let plotHeight = area.height - lines.count - 1
        // A first pass for the y labels' width needs the maximum, which needs the buckets, which need the
        // width: assume the widest label ("12.3k") and settle.
        var axisWidth = 5
        var result: (DateGranularity, [DateBucket]) = (.day, [])
        var yMax = 2
        var bucketedWidth: Int?
        for _ in 0..<2 {
            let plotWidth = area.width - axisWidth - 1
            // (The second pass buckets again only when the axis labels' width changed the plot's.)
            if plotWidth == bucketedWidth { break }
            bucketedWidth = plotWidth
            result = DateBucketing.buckets(days: days, series: labels, from: start, to: end, maxColumns: plotWidth)
            yMax = StackedColumnChart.niceMax(result.1.map(\.total).max() ?? 0)
            axisWidth = max(NumberFormat.compact(yMax).count, 1)
        }
        let plot = Rect(x: area.x + axisWidth + 1, y: area.y, width: area.width - axisWidth - 1, height: plotHeight)
        let n = max(1, result.1.count)
        let slot = max(1, min(plot.width / n, 12))
        return Layout(granularity: result.0, buckets: result.1, plot: plot, axisX: area.x + axisWidth, axisWidth: axisWidth,
                      labelRow: plot.bottom, legendLines: lines, legendY: plot.bottom + 1, slot: slot,
                      barWidth: slot >= 2 ? slot - 1 : 1, yMax: yMax)
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        render(into: &grid, area: area, theme: theme, layout: area.isEmpty ? nil : layout(in: area, theme: theme))
    }

    /// Renders with a layout the caller already made for this area (`layout(in:theme:)`).
    public func render(into grid: inout Grid, area: Rect, theme: Theme, layout: Layout?) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        guard let layout else {
            grid.put("No deliveries in scope", x: area.x, y: area.y, width: area.width, alignment: .left,
                     style: .muted, ellipsis: theme.glyphs.ellipsis)
            return
        }
        drawAxis(&grid, layout, theme)
        let slots = self.slots
        let chosen = selectedSeries.flatMap { seriesLabels.firstIndex(of: $0) }
        for (i, bucket) in layout.buckets.enumerated() {
            drawColumn(&grid, bucket, x: layout.plot.x + i * layout.slot, layout, theme, slots: slots,
                       selected: i == selectedIndex, chosen: i == selectedIndex ? chosen : nil)
        }
        drawLabels(&grid, layout, area, theme)
        drawLegend(&grid, layout, area, theme, slots: slots, chosen: selectedIndex == nil ? nil : chosen)
    }

    func drawAxis(_ grid: inout Grid, _ l: Layout, _ theme: Theme) {
        let h = l.plot.height
        var ticks: [Int: Int] = [0: l.yMax, h - 1: 0]
        let mid = h - Int((Double(h) / 2).rounded())
        if mid > 0 && mid < h - 1 { ticks[mid] = l.yMax / 2 }
        let labelWidth = l.axisWidth
        for row in 0..<h {
            let y = l.plot.y + row
            if let value = ticks[row] {
                grid.put(theme.glyphs.axisTick, x: l.axisX, y: y, style: .muted)
                grid.put(NumberFormat.compact(value), x: l.axisX - labelWidth, y: y, width: labelWidth,
                         alignment: .right, style: .muted)
            } else {
                grid.put(theme.glyphs.axisVertical, x: l.axisX, y: y, style: .muted)
            }
        }
    }

    /// - Parameter chosen: the series drawn in reverse video (the status picked in the selected column).
    func drawColumn(_ grid: inout Grid, _ bucket: DateBucket, x: Int, _ l: Layout, _ theme: Theme, slots: [Int],
                    selected: Bool, chosen: Int?) {
        let total = bucket.total
        guard total > 0 else { return }
        let h = l.plot.height
        let exact = Double(total) / Double(l.yMax) * Double(h)
        var full: Int, rem: Int
        if theme.glyphs.eighths != nil {
            let e = max(1, Int((exact * 8).rounded()))
            (full, rem) = (e / 8, e % 8)
        } else {
            (full, rem) = (max(1, Int(exact.rounded())), 0)
        }
        full = min(full, h)
        var cumulative = 0
        var lower = 0
        var top = 0
        for (s, count) in bucket.counts.enumerated() where count > 0 {
            cumulative += count
            let upper = Int((Double(cumulative) / Double(total) * Double(full)).rounded())
            top = slots[s]
            var style = Style.series(slots[s])
            if selected { style.bold = true }
            if s == chosen { style.reverse = true }
            for c in lower..<max(lower, upper) {
                grid.fill(Rect(x: x, y: l.plot.bottom - 1 - c, width: l.barWidth, height: 1),
                          with: theme.glyphs.fill(series: slots[s]), style: style)
            }
            lower = max(lower, upper)
        }
        if rem > 0, full < h, let eighths = theme.glyphs.eighths {
            var style = Style.series(top)
            if selected { style.bold = true }
            grid.fill(Rect(x: x, y: l.plot.bottom - 1 - full, width: l.barWidth, height: 1), with: eighths[rem],
                      style: style)
        }
    }

    func drawLabels(_ grid: inout Grid, _ l: Layout, _ area: Rect, _ theme: Theme) {
        guard let first = l.buckets.first else { return }
        let labelWidth = DisplayWidth.of(l.granularity.label(first.start))
        var limit = l.plot.right
        if l.granularity != .day {
            let note = l.granularity.axisNote
            if DisplayWidth.of(note) + 1 <= l.plot.width {
                grid.put(note, x: area.right - DisplayWidth.of(note), y: l.labelRow, style: .muted)
                limit = area.right - DisplayWidth.of(note) - 1
            }
        }
        let every = max(1, (labelWidth + 1 + l.slot - 1) / l.slot)
        var selectedSpan: Range<Int>? = nil
        if let s = selectedIndex, s >= 0, s < l.buckets.count {
            let x = min(l.plot.x + s * l.slot, limit - labelWidth)
            selectedSpan = x..<(x + labelWidth)
        }
        for (i, bucket) in l.buckets.enumerated() where i % every == 0 {
            let x = l.plot.x + i * l.slot
            guard x + labelWidth <= limit else { break }
            if let span = selectedSpan, span.overlaps(x - 1..<(x + labelWidth + 1)) { continue }
            grid.put(l.granularity.label(bucket.start), x: x, y: l.labelRow, style: .muted)
        }
        if let s = selectedIndex, let span = selectedSpan, s < l.buckets.count, span.lowerBound >= l.plot.x {
            grid.put(l.granularity.label(l.buckets[s].start), x: span.lowerBound, y: l.labelRow, style: .selected)
        }
    }

    func drawLegend(_ grid: inout Grid, _ l: Layout, _ area: Rect, _ theme: Theme, slots: [Int], chosen: Int?) {
        for (row, entries) in l.legendLines.enumerated() {
            var x = area.x
            for i in entries {
                let text = legendText(i, slot: slots[i], theme: theme)
                let marker = theme.glyphs.fill(series: slots[i])
                let isChosen = i == chosen
                grid.put(marker, x: x, y: l.legendY + row, style: isChosen ? Style.series(slots[i]).reversed : .series(slots[i]))
                let rest = String(text.dropFirst(marker.count))
                let written = grid.put(theme.truncate(rest, area.right - x - 1), x: x + 1, y: l.legendY + row,
                                       style: isChosen ? .selected : .normal)
                x += 1 + written + 2
            }
        }
    }

    /// The smallest "nice" even axis maximum at or above `value` (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ).
    static func niceMax(_ value: Int) -> Int {
        guard value > 2 else { return 2 }
        var scale = 1
        while true {
            for m in [10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100] where (m * scale) % 10 == 0 {
                let c = m * scale / 10
                if c >= value && c % 2 == 0 { return c }
            }
            scale *= 10
        }
    }
}
