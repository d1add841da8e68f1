/// Where a key binding applies.
enum KeyScope: Hashable {
    /// Always, even while a line is being typed in the footer.
    case always
    /// Anywhere on the dashboard (not while typing; with the help shown, `q` still quits and other keys close it).
    case dashboard
    /// The focused sidebar (not in wall mode).
    case sidebar
    /// The focused panel (not in wall mode).
    case panel
    /// The drill-down list, while it is open (the dashboard's own keys wait until Esc).
    case list
    /// The list of saved views (`v`), while it is open.
    case viewList
}
