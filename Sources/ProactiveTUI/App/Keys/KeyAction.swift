/// What a bound key asks for. The controller decides what each action means where the focus is (the same `c` clears
/// a sidebar list's filter or the filter a panel sets).
enum KeyAction: Hashable {
    case quit
    case repaint
    case suspend
    case showHelp
    case toggleWall
    /// Show or hide the change from the previous period.
    case toggleComparison
    /// Restore a zoomed panel, clear the search, or leave the sidebar (the first that applies).
    case back
    case zoom(PanelID)
    case nextPane, previousPane
    case toggleSidebar
    case clearAll
    case undo
    case typeTimeZone, typeDates
    case move(MoveDirection)
    case pageUp, pageDown
    case first, last
    /// Space: toggle the sidebar's choice, or cross-filter in a panel.
    case toggle
    /// Enter: the same as Space in the sidebar; cross-filter in a panel.
    case activate
    case clearFocused
    case search
    /// `x`: open the deliveries behind the focused panel's selection.
    case examine
    /// `X`: open the deliveries behind a header figure (the next one each time).
    case examineHeader
    /// The drill-down list: the next sort column, the other direction, write it to a file.
    case cycleSort, reverseSort
    case exportList
    /// `v`: list the saved views (the list's Enter applies one); `V`: save the filters as a view (asks a name).
    case listViews, saveView
    /// A click: focus the pane under the pointer and select the item there; on the selection, cross-filter (as
    /// Enter); on a tab, show its panel. The controller finds the target in the frame's `HitMap`.
    case point
    /// `M`: mouse reporting off (the terminal's own text selection works) or back on.
    case toggleMouse
}

enum MoveDirection: Hashable {
    case up, down, left, right
}
