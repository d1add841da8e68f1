import DashboardModel
import TerminalUI

/// The filter sidebar: every filter as a one-line summary; the section under the cursor opens into its list
/// of choices with counts (`[x] Collections Q   1,234`), scrolled so the cursor stays visible.
struct SidebarView: Widget {
    let model: SidebarModel
    let cursor: SidebarCursor
    let focused: Bool

    func render(into grid: inout Grid, area: Rect, theme: Theme) {
        let inner = Panel(title: "Filters", focused: focused).draw(into: &grid, area: area, theme: theme)
        guard inner.height > 0, inner.width > 4 else { return }
        let g = theme.glyphs
        let sections = model.sections
        let openSection = focused ? cursor.section : nil
        let listRoom = max(1, inner.height - sections.count)
        var y = inner.y
        for (i, section) in sections.enumerated() {
            guard y < inner.bottom else { break }
            let isOpen = i == openSection
            let marker = isOpen ? g.expanded : g.collapsed
            let summary = isOpen ? section.title : section.title + ": " + summaryText(section)
            let style: Style = isOpen ? .title : (section.isAll || section.dimension == nil ? .normal : .accent)
            grid.put(theme.truncate(marker + " " + theme.safe(summary), inner.width), x: inner.x, y: y, style: style, maxWidth: inner.width)
            y += 1
            guard isOpen else { continue }
            let items = section.items
            if items.isEmpty {
                grid.put("  (no values)", x: inner.x, y: y, style: .muted, maxWidth: inner.width)
                y += 1
                continue
            }
            let visible = min(items.count, listRoom)
            let offset = ScrollWindow.offset(selected: cursor.items[i], current: 0, visible: visible, count: items.count)
            for row in offset..<min(items.count, offset + visible) {
                guard y < inner.bottom else { break }
                drawItem(items[row], current: row == cursor.items[i], radio: section.dimension == nil,
                         into: &grid, x: inner.x, y: y, width: inner.width, theme: theme)
                y += 1
            }
            if items.count > visible, y <= inner.bottom {
                // The scroll position sits on the section's title line, right-aligned.
                let position = "\(cursor.items[i] + 1)/\(items.count)"
                grid.put(position, x: inner.right - position.count, y: y - visible - 1, style: .muted)
            }
        }
    }

    private func summaryText(_ section: SidebarModel.Section) -> String {
        let chosen = section.items.filter(\.selected)
        if section.dimension != nil && section.isAll { return "all" }
        guard let first = chosen.first else { return "all" }
        return chosen.count > 1 ? first.label + " +\(chosen.count - 1)" : first.label
    }

    private func drawItem(_ item: SidebarModel.Item, current: Bool, radio: Bool, into grid: inout Grid, x: Int, y: Int,
                          width: Int, theme: Theme) {
        let box = radio ? (item.selected ? "(*)" : "( )") : (item.selected ? theme.glyphs.checkboxOn : theme.glyphs.checkboxOff)
        let count = item.count.map { NumberFormat.grouped($0) } ?? ""
        let style: Style = current ? .selected : (item.selected ? .accent : .normal)
        if current { grid.fill(Rect(x: x, y: y, width: width, height: 1), style: .selected) }
        let labelRoom = max(1, width - 2 - 4 - (count.isEmpty ? 0 : count.count + 1))
        grid.put(" " + box + " " + theme.truncate(theme.safe(item.label), labelRoom), x: x, y: y, style: style, maxWidth: width)
        if !count.isEmpty { grid.put(count, x: x + width - count.count, y: y, style: current ? .selected : .muted) }
    }
}
