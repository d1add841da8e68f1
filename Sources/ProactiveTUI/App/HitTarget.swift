import TerminalUI
/// What a cell of the last frame shows that a click can act on. The composer records these with the frame
/// (`ViewGeometry.hits`); the controller turns a click on one into the key table's actions.
enum HitTarget: Hashable {
    /// A tab of the compact layout's strip.
    case tab(PanelID)
    /// A panel's frame or empty space: a click there focuses the panel.
    case panel(PanelID)
    /// An item of a panel: a status column, a donut's legend entry or slice, a table row, a date column (the
    /// index the panel's selection takes).
    case item(PanelID, Int)
    /// A status in a status column (its label, as `UIState.chartSegment` keeps it).
    case segment(column: Int, status: String)
    /// The sidebar's frame or empty space.
    case sidebar
    /// A section's title line in the sidebar.
    case sidebarSection(Int)
    /// A choice of the open section.
    case sidebarItem(section: Int, item: Int)
}

/// A rectangle of the frame and what it shows. Later regions lie over earlier ones (an item over its panel).
struct HitRegion: Hashable {
    var rect: Rect
    var target: HitTarget
}

/// The regions of one frame, searched from the top layer down.
struct HitMap: Hashable {
    var regions: [HitRegion] = []
    /// An overlay over everything (the help, the list of views): a click outside it closes it.
    var overlay: Rect?
    /// The footer while a line is typed in it: a click elsewhere cancels the prompt (as Esc).
    var prompt: Rect?

    mutating func add(_ rect: Rect, _ target: HitTarget) {
        guard rect.width > 0, rect.height > 0 else { return }
        regions.append(HitRegion(rect: rect, target: target))
    }

    /// What is at a cell, the topmost region first; nil where nothing is.
    func target(x: Int, y: Int) -> HitTarget? {
        regions.last { $0.rect.contains(x: x, y: y) }?.target
    }
}

extension HitMap {
    /// A panel's items as its widget reported them (`labels`: the status chart's series, for its segments).
    mutating func addItems(_ items: [ItemRegion], of panel: PanelID, labels: [String]) {
        for item in items {
            if let series = item.series {
                guard panel == .statusChart, labels.indices.contains(series) else { continue }
                add(item.rect, .segment(column: item.index, status: labels[series]))
            } else {
                add(item.rect, .item(panel, item.index))
            }
        }
    }
}
