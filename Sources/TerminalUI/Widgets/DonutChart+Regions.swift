extension DonutChart {
    /// The legend lines and the ring's slices as `render` lays them out in `area`, indexed by entry. A legend line
    /// that sums the smallest entries ("Other") is no entry of its own and has no region. The ring is given in runs
    /// of cells of one slice per row (the slice at each cell's centre).
    public func entryRegions(in area: Rect) -> [ItemRegion] {
        let total = entries.reduce(0) { $0 + max(0, $1.count) }
        guard !area.isEmpty, total > 0 else { return [] }
        let l = layout(in: area)
        func isEntry(_ k: Int) -> Bool { k < entries.count && entries[k].label == l.entries[k].label }
        var regions: [ItemRegion] = []
        let top = l.legend.y + max(0, (l.legend.height - l.entries.count) / 2)
        for k in l.entries.indices where top + k < l.legend.bottom && isEntry(k) {
            regions.append(ItemRegion(Rect(x: l.legend.x, y: top + k, width: l.legend.width, height: 1), index: k))
        }
        let bounds = cumulativeBounds(l.entries, total: total)
        let ring = l.ring
        let hw = Double(ring.width) / 2, hh = Double(ring.height) / 2
        guard hw > 0, hh > 0 else { return regions }
        for j in 0..<ring.height {
            var run: (start: Int, slice: Int)?
            func close(at end: Int) {
                if let r = run, isEntry(r.slice) {
                    regions.append(ItemRegion(Rect(x: ring.x + r.start, y: ring.y + j, width: end - r.start, height: 1),
                                              index: r.slice))
                }
                run = nil
            }
            for i in 0..<ring.width {
                let nx = (Double(i) + 0.5 - hw) / hw
                let ny = (Double(j) + 0.5 - hh) / hh
                let d = (nx * nx + ny * ny).squareRoot()
                guard d <= 1, d >= holeRatio else { close(at: i); continue }
                let s = DonutChart.slice(at: DonutChart.turn(dx: nx, dy: ny), bounds)
                if let r = run, r.slice == s { continue }
                close(at: i)
                run = (i, s)
            }
            close(at: ring.width)
        }
        return regions
    }
}
