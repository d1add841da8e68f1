import Foundation

/// "Processed deliveries by result" (and "by dial mode", with a smaller hole): a ring of slices clockwise
/// from twelve o'clock, largest first, and a legend `█ label  count (pct%)` beside it (or below when narrow).
/// Entries beyond the legend's room are grouped as "Other".
///
/// With Unicode and colour the ring is a braille dot grid (2×4 dots per cell, so dots are about square and
/// the circle needs no correction), each cell in the colour of the slice owning most of its dots. Without
/// colour (or in ASCII) braille cannot tell slices apart, so the ring is drawn at cell resolution with each
/// slice's fill character, the ellipse corrected for 1:2 cells.
public struct DonutChart: Widget {
    public var entries: [LabelledCount]
    /// Hole radius as a fraction of the outer radius (0 = pie).
    public var holeRatio: Double
    /// The highlighted legend entry (index into `legendEntries(room:)`).
    public var selectedIndex: Int?
    /// Text written in the hole when it fits (e.g. the total).
    public var centerText: String?
    /// The dimension's known values in their fixed order: each keeps its fill and colour (`SeriesSlots`).
    public var known: [String]
    /// At most this many legend lines: the largest entries and "Other" (wall mode, so the ring gets the room).
    public var legendLimit: Int

    public init(entries: [LabelledCount], holeRatio: Double = 0.5, selectedIndex: Int? = nil, centerText: String? = nil,
                known: [String] = [], legendLimit: Int = .max) {
        self.entries = entries
        self.legendLimit = max(1, legendLimit)
        self.holeRatio = holeRatio
        self.selectedIndex = selectedIndex
        self.centerText = centerText
        self.known = known
    }

    /// The entries as the legend shows them: largest first; when more than `room`, the first `room - 1` and
    /// an "Other" entry holding the rest.
    static func legendEntries(_ entries: [LabelledCount], room: Int) -> [LabelledCount] {
        let sorted = entries.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element).filter { $0.count > 0 }
        guard room > 0 else { return [] }
        guard sorted.count > room else { return sorted }
        let kept = Array(sorted.prefix(room - 1))
        let rest = sorted.dropFirst(room - 1).reduce(0) { $0 + $1.count }
        return kept + [LabelledCount("Other", rest)]
    }

    public struct Layout: Hashable, Sendable {
        public var ring: Rect
        public var legend: Rect
        public var entries: [LabelledCount]
    }

    static let minLegendWidth = 18

    /// `count (pct%)` as the legend shows it.
    static func numberText(_ count: Int, total: Int) -> String {
        NumberFormat.grouped(count) + " (" + NumberFormat.percent(count, of: total) + ")"
    }

    public func layout(in area: Rect) -> Layout {
        let all = DonutChart.legendEntries(entries, room: legendLimit)
        // Beside: the ring takes the full height (2 columns per row) if the legend keeps its minimum width.
        var rows = area.height
        var cols = 2 * rows
        // Give the legend the room its longest line wants, as long as the ring keeps 6 rows.
        let total = all.reduce(0) { $0 + $1.count }
        let legendWant = all.map { DisplayWidth.of($0.label) }.max().map { label in
            2 + label + 2 + (all.map { DonutChart.numberText($0.count, total: total).count }.max() ?? 0)
        } ?? DonutChart.minLegendWidth
        if area.width - cols - 1 < legendWant {
            cols = min(cols, max(12, (area.width - 1 - legendWant) / 2 * 2))
            rows = cols / 2
        }
        if area.width - cols - 1 < DonutChart.minLegendWidth {
            cols = (area.width - 1 - DonutChart.minLegendWidth) / 2 * 2
            rows = cols / 2
        }
        // Below: the legend under the ring, when that gives a clearly bigger ring (tall, narrow panels).
        let belowLegendRows = min(all.count, max(1, area.height / 2))
        let belowRows = min(area.height - belowLegendRows, area.width / 2)
        if rows >= 3 && belowRows <= rows + 2 {
            let ring = Rect(x: area.x, y: area.y + (area.height - rows) / 2, width: cols, height: rows)
            let legend = Rect(x: ring.right + 1, y: area.y, width: area.width - cols - 1, height: area.height)
            return Layout(ring: ring, legend: legend, entries: DonutChart.legendEntries(entries, room: min(legend.height, legendLimit)))
        }
        let legendRows = belowLegendRows
        rows = belowRows
        cols = 2 * rows
        let ring = Rect(x: area.x + (area.width - cols) / 2, y: area.y, width: cols, height: rows)
        let legend = Rect(x: area.x, y: area.bottom - legendRows, width: area.width, height: legendRows)
        return Layout(ring: ring, legend: legend, entries: DonutChart.legendEntries(entries, room: min(legendRows, legendLimit)))
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        let total = entries.reduce(0) { $0 + max(0, $1.count) }
        guard total > 0 else {
            grid.put("No processed deliveries", x: area.x, y: area.y, width: area.width, alignment: .left,
                     style: .muted, ellipsis: theme.glyphs.ellipsis)
            return
        }
        let l = layout(in: area)
        let bounds = cumulativeBounds(l.entries, total: total)
        let slots = SeriesSlots.assign(l.entries.map(\.label), known: known)
        if theme.glyphs.braille && theme.colors {
            drawBraille(&grid, l.ring, bounds, slots)
        } else {
            drawCells(&grid, l.ring, bounds, slots, theme)
        }
        if let text = centerText { drawCenter(&grid, l.ring, text, theme) }
        drawLegend(&grid, l, total: total, slots: slots, theme: theme)
    }

    /// The upper bound of each slice as a fraction of the full turn.
    func cumulativeBounds(_ shown: [LabelledCount], total: Int) -> [Double] {
        var sum = 0
        return shown.map { sum += $0.count; return Double(sum) / Double(total) }
    }

    /// The slice at `fraction` of the turn (clockwise from twelve o'clock).
    static func slice(at fraction: Double, _ bounds: [Double]) -> Int {
        bounds.firstIndex { fraction < $0 } ?? max(0, bounds.count - 1)
    }

    /// Fraction of the turn for an offset (dx right, dy down) from the centre.
    static func turn(dx: Double, dy: Double) -> Double {
        var a = atan2(dx, -dy)
        if a < 0 { a += 2 * Double.pi }
        return a / (2 * Double.pi)
    }

    func drawCells(_ grid: inout Grid, _ ring: Rect, _ bounds: [Double], _ slots: [Int], _ theme: Theme) {
        let hw = Double(ring.width) / 2, hh = Double(ring.height) / 2
        for j in 0..<ring.height {
            for i in 0..<ring.width {
                let nx = (Double(i) + 0.5 - hw) / hw
                let ny = (Double(j) + 0.5 - hh) / hh
                let d = (nx * nx + ny * ny).squareRoot()
                guard d <= 1, d >= holeRatio else { continue }
                let s = DonutChart.slice(at: DonutChart.turn(dx: nx, dy: ny), bounds)
                grid.put(theme.glyphs.fill(series: slots[s]), x: ring.x + i, y: ring.y + j, style: style(s, slots))
            }
        }
    }

    func drawBraille(_ grid: inout Grid, _ ring: Rect, _ bounds: [Double], _ slots: [Int]) {
        let w = ring.width * 2, h = ring.height * 4
        let cx = Double(w) / 2, cy = Double(h) / 2
        let r = min(cx, cy)
        let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        for j in 0..<ring.height {
            for i in 0..<ring.width {
                var mask: UInt32 = 0
                var votes: [Int: Int] = [:]
                for dxi in 0..<2 {
                    for dyi in 0..<4 {
                        let dx = Double(i * 2 + dxi) + 0.5 - cx
                        let dy = Double(j * 4 + dyi) + 0.5 - cy
                        let d = (dx * dx + dy * dy).squareRoot()
                        guard d <= r, d >= holeRatio * r else { continue }
                        mask |= bits[dxi][dyi]
                        votes[DonutChart.slice(at: DonutChart.turn(dx: dx, dy: dy), bounds), default: 0] += 1
                    }
                }
                guard mask != 0 else { continue }
                let owner = votes.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
                grid.put(String(Character(Unicode.Scalar(0x2800 + mask)!)), x: ring.x + i, y: ring.y + j,
                         style: style(owner, slots))
            }
        }
    }

    /// The style of entry `s` (its slot's colour; bold when selected).
    func style(_ s: Int, _ slots: [Int]) -> Style {
        var st = Style.series(slots[s])
        if s == selectedIndex { st.bold = true }
        return st
    }

    func drawCenter(_ grid: inout Grid, _ ring: Rect, _ text: String, _ theme: Theme) {
        let safe = theme.safe(text)
        let w = DisplayWidth.of(safe)
        let y = ring.y + ring.height / 2
        let x = ring.x + (ring.width - w) / 2
        guard w <= ring.width, (x..<(x + w)).allSatisfy({ grid[$0, y].glyph.isByte(0x20) }) else { return }
        grid.put(safe, x: x, y: y, style: .title)
    }

    func drawLegend(_ grid: inout Grid, _ l: Layout, total: Int, slots: [Int], theme: Theme) {
        let labels = l.entries.map { theme.safe($0.label) }
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        // The widest numbers that leave each name 8 columns: `12,345 (45.0%)`, else `12.3k 45.0%`, else the
        // percent alone.
        let tiers: [[String]] = [
            l.entries.map { DonutChart.numberText($0.count, total: total) },
            l.entries.map { NumberFormat.compact($0.count) + " " + NumberFormat.percent($0.count, of: total) },
            l.entries.map { NumberFormat.percent($0.count, of: total) },
        ]
        let numbers = tiers.first { tier in
            2 + min(labelWidth, 8) + 2 + (tier.map { DisplayWidth.of($0) }.max() ?? 0) <= l.legend.width
        } ?? tiers[tiers.count - 1]
        let numWidth = numbers.map { DisplayWidth.of($0) }.max() ?? 0
        let width = min(l.legend.width, 2 + labelWidth + 2 + numWidth)
        let top = l.legend.y + max(0, (l.legend.height - l.entries.count) / 2)
        for (k, entry) in l.entries.enumerated() where top + k < l.legend.bottom {
            _ = entry
            let y = top + k
            let selected = k == selectedIndex
            if selected { grid.fill(Rect(x: l.legend.x, y: y, width: width, height: 1), style: .selected) }
            grid.put(theme.glyphs.fill(series: slots[k]), x: l.legend.x, y: y,
                     style: selected ? style(k, slots).reversed : style(k, slots))
            let text: Style = selected ? .selected : .normal
            let numRoom = min(numWidth, width - 2)
            let labelRoom = width - 2 - numRoom - 2
            if labelRoom > 0 {
                grid.put(labels[k], x: l.legend.x + 2, y: y, width: labelRoom, alignment: .left, style: text,
                         ellipsis: theme.glyphs.ellipsis)
            }
            if numRoom > 0 {
                grid.put(numbers[k], x: l.legend.x + width - numRoom, y: y, width: numRoom, alignment: .right,
                         style: text, ellipsis: theme.glyphs.ellipsis)
            }
        }
    }
}
