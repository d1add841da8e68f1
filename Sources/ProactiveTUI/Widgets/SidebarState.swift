/// The sidebar's navigation state, separate from drawing and from key handling: which section has focus,
/// the cursor in each section, and the `/` search text of the focused section. The key handler calls these
/// methods; the sidebar widget draws from this state.
public struct SidebarState: Hashable, Sendable {
    public var focusedSection: SidebarSection
    public var cursors: [SidebarSection: Int]
    /// Narrows the focused section's list; cleared when focus moves to another section.
    public var search: String

    public init(focusedSection: SidebarSection = .duration, cursors: [SidebarSection: Int] = [:], search: String = "") {
        self.focusedSection = focusedSection
        self.cursors = cursors
        self.search = search
    }

    /// The cursor of the focused section, clamped to what is visible.
    public func cursor(in content: SidebarContent) -> Int {
        let count = content.visibleItems(in: focusedSection, search: search).count
        return min(max(0, cursors[focusedSection] ?? 0), max(0, count - 1))
    }

    /// The item under the cursor (what Space toggles), if any.
    public func currentItem(in content: SidebarContent) -> SidebarItem? {
        let visible = content.visibleItems(in: focusedSection, search: search)
        return visible.isEmpty ? nil : visible[cursor(in: content)]
    }

    /// Moves the cursor by `delta` items; clamps at the ends, or wraps when `wrap` is set.
    public mutating func move(by delta: Int, in content: SidebarContent, wrap: Bool = false) {
        let count = content.visibleItems(in: focusedSection, search: search).count
        guard count > 0 else { cursors[focusedSection] = 0; return }
        let target = cursor(in: content) + delta
        cursors[focusedSection] = wrap ? ((target % count) + count) % count : min(max(0, target), count - 1)
    }

    public mutating func moveUp(in content: SidebarContent, wrap: Bool = false) { move(by: -1, in: content, wrap: wrap) }
    public mutating func moveDown(in content: SidebarContent, wrap: Bool = false) { move(by: 1, in: content, wrap: wrap) }

    /// Moves by whole pages of `pageSize` items (negative: up); clamps.
    public mutating func page(by pages: Int, pageSize: Int, in content: SidebarContent) {
        move(by: pages * max(1, pageSize), in: content)
    }

    public mutating func moveToFirst() { cursors[focusedSection] = 0 }

    public mutating func moveToLast(in content: SidebarContent) {
        cursors[focusedSection] = max(0, content.visibleItems(in: focusedSection, search: search).count - 1)
    }

    /// Focuses the next section (wrapping after the last).
    public mutating func focusNextSection() { focusSection(offset: 1) }
    /// Focuses the previous section (wrapping before the first).
    public mutating func focusPreviousSection() { focusSection(offset: -1) }

    public mutating func jump(to section: SidebarSection) {
        if section != focusedSection { search = "" }
        focusedSection = section
    }

    private mutating func focusSection(offset: Int) {
        let all = SidebarSection.all
        let i = all.firstIndex(of: focusedSection) ?? 0
        jump(to: all[((i + offset) % all.count + all.count) % all.count])
    }

    /// Sets the search text of the focused section; the cursor goes to the first match.
    public mutating func setSearch(_ text: String) {
        search = text
        cursors[focusedSection] = 0
    }

    public mutating func appendToSearch(_ character: Character) { setSearch(search + String(character)) }

    public mutating func deleteLastSearchCharacter() {
        guard !search.isEmpty else { return }
        setSearch(String(search.dropLast()))
    }

    public mutating func clearSearch() { setSearch("") }
}
