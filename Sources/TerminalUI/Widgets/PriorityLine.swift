/// One row of items laid out by priority, so that every figure shown is whole: when the row is too narrow the
/// decoration goes first (a title), then items are shortened (their labels dropped or cut), least important first,
/// then whole items are dropped, least important first, and the room a dropped item leaves gives the most important
/// ones their longer forms back. Leading items are joined by a separator from the left edge,
/// trailing ones are right-aligned.
public struct PriorityLine {
    public struct Item {
        /// The item's texts, longest first (`Total 1,234`, then `1,234`).
        public var forms: [String]
        /// Higher is kept longer.
        public var importance: Int
        public var style: Style
        public var trailing: Bool
        /// Columns before a trailing item that follows another.
        public var gap: Int
        /// Dropped before any item is shortened (the title).
        public var decoration: Bool
        /// A longer text shown cut to the room left over, when there is some (a message, never a figure).
        public var stretch: String?

        public init(_ forms: [String], importance: Int, style: Style = .normal, trailing: Bool = false, gap: Int = 2,
                    decoration: Bool = false, stretch: String? = nil) {
            self.forms = forms
            self.importance = importance
            self.style = style
            self.trailing = trailing
            self.gap = gap
            self.decoration = decoration
            self.stretch = stretch
        }
    }

    public var items: [Item]
    public var separator: String
    /// Columns a stretched text must add to its short form to be shown.
    static let stretchMinimum = 6

    public init(items: [Item], separator: String) {
        self.items = items
        self.separator = separator
    }

    /// The form of each item shown in `width` columns (nil: dropped).
    public func fit(width: Int) -> [Int?] {
        var choice: [Int?] = items.map { $0.forms.isEmpty ? nil : 0 }
        if used(choice) <= width { return choice }
        for i in items.indices where items[i].decoration { choice[i] = nil }
        if used(choice) <= width { return choice }
        let order = items.indices.sorted { (items[$0].importance, $0) < (items[$1].importance, $1) }
        for i in order {
            while let form = choice[i], form < items[i].forms.count - 1 {
                choice[i] = form + 1
                if used(choice) <= width { return choice }
            }
        }
        for i in order {
            choice[i] = nil
            if used(choice) <= width { return regrow(choice, order: order, width: width) }
        }
        return choice
    }

    /// After an item was dropped, the room it left gives the most important items back their longer forms.
    private func regrow(_ start: [Int?], order: [Int], width: Int) -> [Int?] {
        var choice = start
        for i in order.reversed() {
            while let form = choice[i], form > 0 {
                choice[i] = form - 1
                if used(choice) > width { choice[i] = form; break }
            }
        }
        return choice
    }

    /// The columns the chosen forms take.
    func used(_ choice: [Int?]) -> Int {
        texts(choice).reduce(0) { $0 + DisplayWidth.of($1.text) + $1.before }
    }

    /// The chosen texts in order, each with the columns before it.
    private func texts(_ choice: [Int?]) -> [(index: Int, text: String, before: Int)] {
        var result: [(index: Int, text: String, before: Int)] = []
        var leading = 0, trailing = 0
        for (i, item) in items.enumerated() where !item.trailing {
            guard let form = choice[i] else { continue }
            result.append((i, item.forms[form], leading == 0 ? 0 : DisplayWidth.of(separator)))
            leading += 1
        }
        for (i, item) in items.enumerated() where item.trailing {
            guard let form = choice[i] else { continue }
            result.append((i, item.forms[form], trailing == 0 ? (leading == 0 ? 0 : 1) : item.gap))
            trailing += 1
        }
        return result
    }

    public func render(into grid: inout Grid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let choice = fit(width: area.width)
        var shown = texts(choice)
        // Room left over goes to an item that can stretch (at most half the row, so the figures stay prominent).
        let spare = area.width - used(choice)
        if spare > 0, let k = shown.firstIndex(where: { items[$0.index].stretch != nil }),
           let stretch = items[shown[k].index].stretch {
            let room = max(DisplayWidth.of(shown[k].text), min(DisplayWidth.of(shown[k].text) + spare, area.width / 2))
            let cut = theme.truncate(stretch, room)
            // Only when it shows clearly more than the short form (not a bare ellipsis after it).
            if DisplayWidth.of(cut) >= DisplayWidth.of(shown[k].text) + Self.stretchMinimum { shown[k].text = cut }
        }
        let leading = shown.filter { !items[$0.index].trailing }
        let trailing = shown.filter { items[$0.index].trailing }
        var x = area.x
        for (n, entry) in leading.enumerated() {
            if n > 0 { x += grid.put(separator, x: x, y: area.y, style: items[entry.index].style, maxWidth: area.right - x) }
            x += grid.put(entry.text, x: x, y: area.y, style: items[entry.index].style, maxWidth: area.right - x)
        }
        let trailingWidth = trailing.enumerated().reduce(0) { sum, e in
            sum + DisplayWidth.of(e.element.text) + (e.offset == 0 ? 0 : e.element.before)
        }
        var tx = area.right - trailingWidth
        for (n, entry) in trailing.enumerated() {
            if n > 0 { tx += entry.before }
            guard tx >= x else { continue }
            tx += grid.put(entry.text, x: tx, y: area.y, style: items[entry.index].style, maxWidth: area.right - tx)
        }
    }
}
