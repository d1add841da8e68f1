import DashboardModel

/// Wall mode's large figures: total, processed %, pending, in progress, throughput, connect and abandoned
/// rates, each as big digits over a caption, readable across a room.
struct LiveTiles: Widget {
    let data: DashboardData
    var thresholds = Thresholds()

    /// Each tile's caption (with the figure's `!` / `!!` marker when it is over a level), value and level.
    var tiles: [(caption: String, value: String, level: ThresholdLevel)] {
        let live = data.live
        let rate = { (r: Double?) in r.map { NumberFormat.percent($0, decimals: 0) } ?? "-" }
        func tile(_ caption: String, _ value: String, _ figure: ThresholdFigure? = nil) -> (caption: String, value: String, level: ThresholdLevel) {
            let level = figure.map { thresholds.level($0, in: data) } ?? .normal
            return (ThresholdMarks.marked(caption, level), value, level)
        }
        return [
            tile("Deliveries", NumberFormat.grouped(data.totalDeliveries)),
            tile("Processed", rate(live?.processedRate), .processedRate),
            tile("Pending", NumberFormat.grouped(live?.pending ?? 0), .pending),
            tile("In progress", NumberFormat.grouped(live?.inProgress ?? 0)),
            tile("Processed / hour", NumberFormat.grouped(live?.throughputPerHour ?? 0)),
            tile("Connect rate", rate(live?.connectRate), .connectRate),
            tile("Abandoned rate", rate(live?.abandonedRate), .abandonedRate),
        ]
    }

    func render(into grid: inout Grid, area: Rect, theme: Theme) {
        grid.fill(area)
        let all = tiles
        // Show as many tiles as fit with big digits; drop from the end when narrow.
        let need = { (tile: (caption: String, value: String, level: ThresholdLevel)) in
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
            let style: Style = ThresholdMarks.style(tile.level) ?? (tile.caption == "Abandoned rate" ? .warning : .title)
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
