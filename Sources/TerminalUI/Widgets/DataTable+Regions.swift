extension DataTable {
    /// The rows as `render` lays them out in `area`: one line each below the header, from the scroll offset.
    public func rowRegions(in area: Rect) -> [ItemRegion] {
        let visible = DataTable.visibleRows(in: area)
        guard !area.isEmpty, visible > 0, !rows.isEmpty else { return [] }
        let offset = effectiveOffset(in: area)
        return (offset..<min(rows.count, offset + visible)).map { row in
            ItemRegion(Rect(x: area.x, y: area.y + 1 + row - offset, width: area.width, height: 1), index: row)
        }
    }
}
