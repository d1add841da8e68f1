import DashboardModel
import TerminalUI

/// Wall mode's large figures: total, processed %, pending, in progress, throughput, the compliance figure
/// (abandoned / live-answered, worst configuration), connect and abandoned (over attempted) rates, each as big digits
/// over a caption, readable across a room. With `showChange`, the captions of the range's figures carry their change
/// from the previous period (`Deliveries ▲ 4.2%`, `Processed ▼ 1.0pt`). A figure over a threshold level turns amber or
/// red and its caption ends with `!` or `!!`.
struct LiveTiles: Widget {
    typealias Tile = (caption: String, value: String, level: ThresholdLevel)

    let data: DashboardData
    var showChange = true
    var thresholds = Thresholds()

    /// Each tile's caption (with the figure's marker when it is over a level), value and level.
    func tiles(ascii: Bool) -> [Tile] {
        func marked(_ tile: (caption: String, value: String), _ figure: ThresholdFigure?) -> Tile {
            let level = figure.map { thresholds.level($0, in: data) } ?? .normal
            return (ThresholdMarks.marked(tile.caption, level), tile.value, level)
        }
        return plainTiles(ascii: ascii).map { marked(($0.caption, $0.value), $0.figure) }
    }

    private func plainTiles(ascii: Bool) -> [(caption: String, value: String, figure: ThresholdFigure?)] {
        let live = data.live
        let rate = { (r: Double?) in r.map { NumberFormat.percent($0, decimals: 0) } ?? "-" }
        let previous = showChange ? data.previous : nil
        func caption(_ text: String, _ change: String?) -> String { change.map { text + " " + $0 } ?? text }
        var tiles: [(caption: String, value: String, figure: ThresholdFigure?)] = [
            (caption("Deliveries", previous.map { ChangeFormat.percent(data.totalDeliveries, from: $0.totalDeliveries, ascii: ascii) }),
             NumberFormat.grouped(data.totalDeliveries), nil),
            (caption("Processed", previous.flatMap { ChangeFormat.points(live?.processedRate, from: $0.processedRate, ascii: ascii) }),
             rate(live?.processedRate), .processedRate),
            ("Pending", NumberFormat.grouped(live?.pending ?? 0), .pending),
            ("In progress", NumberFormat.grouped(live?.inProgress ?? 0), nil),
            ("Processed / hour", NumberFormat.grouped(live?.throughputPerHour ?? 0), nil),
        ]
        if let compliance = data.compliance {
            let text = ComplianceText(compliance)
            tiles.append((text.caption, text.worst, .complianceRate))
        }
        tiles.append((caption("Connect rate", previous.flatMap { ChangeFormat.points(live?.connectRate, from: $0.connectRate, ascii: ascii) }),
                      rate(live?.connectRate), .connectRate))
        tiles.append((caption("Abandoned/attempted", previous.flatMap { ChangeFormat.points(live?.abandonedRate, from: $0.abandonedRate, ascii: ascii) }),
                      rate(live?.abandonedRate), .abandonedRate))
        return tiles
    }

    func render(into grid: inout Grid, area: Rect, theme: Theme) {
        grid.fill(area)
        let all = tiles(ascii: theme.isASCII)
        // Show as many tiles as fit with big digits; drop from the end when narrow.
        let need = { (tile: Tile) in
            max(BigDigits.width(of: tile.value), DisplayWidth.of(tile.caption)) + 2
        }
        var shown = all
        while shown.count > 1, shown.map(need).reduce(0, +) > area.width { shown.removeLast() }
        // Equal tiles when the widest fits an equal share; otherwise each tile gets what it needs plus an equal
        // share of the rest, so a wide figure (the total, `6,430`) keeps its big digits at 120 columns.
        let needs = shown.map(need)
        let count = max(1, shown.count)
        let widths: [Int]
        if (needs.max() ?? 0) <= area.width / count {
            widths = Array(repeating: area.width / count, count: shown.count)
        } else {
            let slack = max(0, area.width - needs.reduce(0, +))
            widths = needs.enumerated().map { min(area.width, $0.element + slack / count + ($0.offset < slack % count ? 1 : 0)) }
        }
        var x = area.x
        for (i, tile) in shown.enumerated() {
            let tileWidth = widths[i]
            defer { x += tileWidth }
            let digitsWidth = BigDigits.width(of: tile.value)
            let big = digitsWidth <= tileWidth - 1 && area.height >= 7
            let style: Style = ThresholdMarks.style(tile.level) ?? (tile.caption.hasPrefix("Abandoned") ? .warning : .title)
            if big {
                let dx = x + max(0, (tileWidth - digitsWidth) / 2)
                _ = BigDigits(tile.value, style: style).draw(into: &grid, x: dx, y: area.y + 1, theme: theme)
            } else {
                grid.put(tile.value, x: x + max(0, (tileWidth - DisplayWidth.of(tile.value)) / 2), y: area.y + 2, style: style.bolded)
            }
            let captionWidth = DisplayWidth.of(tile.caption)
            grid.put(tile.caption, x: x + max(0, (tileWidth - captionWidth) / 2), y: area.bottom - 1,
                     style: ThresholdMarks.style(tile.level) ?? .muted,
                     maxWidth: tileWidth)
        }
    }
}
