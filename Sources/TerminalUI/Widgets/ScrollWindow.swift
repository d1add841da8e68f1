/// Keeps a selected item inside a window of `visible` items: the offset of the first item shown.
public enum ScrollWindow {
    /// The smallest change to `offset` that shows `selected`, clamped so the window never runs past the end.
    public static func offset(selected: Int?, current offset: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        var o = min(max(0, offset), count - visible)
        if let s = selected {
            if s < o { o = s }
            if s >= o + visible { o = s - visible + 1 }
        }
        return min(max(0, o), count - visible)
    }

    /// `n/count` for a footer (1-based), or nil when there is nothing to count.
    public static func position(_ selected: Int?, count: Int) -> String? {
        guard count > 0 else { return nil }
        return "\(min((selected ?? 0) + 1, count))/\(count)"
    }
}
