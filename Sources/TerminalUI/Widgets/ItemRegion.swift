/// Where a widget drew one of its items: the rectangle a click on that item lands in, and the item's index in the
/// widget's own order (the index its selection takes). `series` names a part of the item (a status in a column).
public struct ItemRegion: Hashable, Sendable {
    public var rect: Rect
    public var index: Int
    public var series: Int?

    public init(_ rect: Rect, index: Int, series: Int? = nil) {
        self.rect = rect
        self.index = index
        self.series = series
    }
}
