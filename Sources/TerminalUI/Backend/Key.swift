/// A key press, decoded from curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace, delete
    case resize
    case controlC
    /// Ctrl-L: repaint the whole screen (after line noise over SSH).
    case controlL
    /// Ctrl-Z: suspend (the terminal is in raw mode, so it arrives as a key, not as SIGTSTP).
    case controlZ
    /// A button or the wheel as the key table binds it (no place: the controller finds what is under the pointer).
    case mouse(MouseButton)
    /// What the backend reads: a press or wheel turn at a cell. The controller looks up `.mouse(event.button)`.
    case pointer(MouseEvent)
}
