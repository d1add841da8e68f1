extension StackedColumnChart {
    /// The columns as `render` lays them out (`layout`): each column's slot over the plot and its date label, then
    /// over it each status's stretch of the bar (`series` indexes `seriesLabels`), as `drawColumn` stacks them.
    public func columnRegions(layout l: Layout, theme: Theme) -> [ItemRegion] {
        var regions: [ItemRegion] = []
        for (i, bucket) in l.buckets.enumerated() {
            let x = l.plot.x + i * l.slot
            guard x < l.plot.right else { break }
            let width = min(max(1, l.slot), l.plot.right - x)
            regions.append(ItemRegion(Rect(x: x, y: l.plot.y, width: width, height: l.plot.height + 1), index: i))
            for (series, rows) in segmentRows(bucket, l, theme) {
                regions.append(ItemRegion(Rect(x: x, y: l.plot.bottom - rows.upperBound, width: l.barWidth,
                                               height: rows.count), index: i, series: series))
            }
        }
        return regions
    }

    /// The rows (0 = the bottom row of the plot) each series of `bucket` fills, as `drawColumn` rounds them.
    func segmentRows(_ bucket: DateBucket, _ l: Layout, _ theme: Theme) -> [(Int, Range<Int>)] {
        let total = bucket.total
        guard total > 0, l.yMax > 0 else { return [] }
        let h = l.plot.height
        let exact = Double(total) / Double(l.yMax) * Double(h)
        var full: Int
        if theme.glyphs.eighths != nil {
            full = max(1, Int((exact * 8).rounded())) / 8
        } else {
            full = max(1, Int(exact.rounded()))
        }
        full = min(full, h)
        var cumulative = 0, lower = 0
        var out: [(Int, Range<Int>)] = []
        for (s, count) in bucket.counts.enumerated() where count > 0 {
            cumulative += count
            let upper = Int((Double(cumulative) / Double(total) * Double(full)).rounded())
            if upper > lower { out.append((s, lower..<upper)) }
            lower = max(lower, upper)
        }
        return out
    }
}
