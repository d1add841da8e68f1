/// "Terminal too small: need at least W×H, have w×h", centred and wrapped to whatever room there is (between its
/// phrases when they fit).
public struct TooSmallMessage: Widget {
    public var needWidth, needHeight, haveWidth, haveHeight: Int

    public init(needWidth: Int, needHeight: Int, haveWidth: Int, haveHeight: Int) {
        self.needWidth = needWidth
        self.needHeight = needHeight
        self.haveWidth = haveWidth
        self.haveHeight = haveHeight
    }

    public func text(theme: Theme) -> String { phrases(theme: theme).joined(separator: " ") }

    /// The message in the pieces a line may break between ("have 50×12" never splits from its size).
    func phrases(theme: Theme) -> [String] {
        let x = theme.glyphs.times
        return ["Terminal too small:", "need at least \(needWidth)\(x)\(needHeight),", "have \(haveWidth)\(x)\(haveHeight)"]
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        grid.fill(area)
        let lines = Array(TextWrap.wrap(phrases: phrases(theme: theme), width: area.width).prefix(area.height))
        let top = area.y + (area.height - lines.count) / 2
        for (i, line) in lines.enumerated() {
            grid.put(line, x: area.x, y: top + i, width: area.width, alignment: .center, style: .warning)
        }
    }
}
