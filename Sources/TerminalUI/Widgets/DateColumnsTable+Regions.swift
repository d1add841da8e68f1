extension DateColumnsTable {
    /// The day columns as `render` lays them out in `area`, each the full height of the table.
    public func dayRegions(in area: Rect) -> [ItemRegion] {
        guard !area.isEmpty, !days.isEmpty else { return [] }
        let columnWidth = self.columnWidth
        let offset = effectiveOffset(in: area, columnWidth: columnWidth)
        let count = visibleDays(in: area, columnWidth: columnWidth)
        return (offset..<min(days.count, offset + count)).map { day in
            let x = area.x + labelWidth + (day - offset) * columnWidth + 1
            return ItemRegion(Rect(x: x, y: area.y, width: columnWidth - 1, height: area.height), index: day)
        }
    }
}
