import TerminalUI
extension SidebarView {
    /// Where `render` puts each section's title line and the open section's choices in `area` (the same walk
    /// down the sections), for clicks.
    func regions(in area: Rect) -> HitMap {
        var map = HitMap()
        map.add(area, .sidebar)
        let inner = Panel.inner(of: area)
        guard inner.height > 0, inner.width > 4 else { return map }
        let sections = model.sections
        let openSection = focused ? cursor.section : nil
        let listRoom = max(1, inner.height - sections.count)
        var y = inner.y
        for (i, section) in sections.enumerated() {
            guard y < inner.bottom else { break }
            map.add(Rect(x: inner.x, y: y, width: inner.width, height: 1), .sidebarSection(i))
            y += 1
            guard i == openSection else { continue }
            let items = section.items
            if items.isEmpty { y += 1; continue }
            let visible = min(items.count, listRoom)
            let offset = ScrollWindow.offset(selected: cursor.items[i], current: 0, visible: visible, count: items.count)
            for row in offset..<min(items.count, offset + visible) {
                guard y < inner.bottom else { break }
                map.add(Rect(x: inner.x, y: y, width: inner.width, height: 1), .sidebarItem(section: i, item: row))
                y += 1
            }
        }
        return map
    }
}
