/// A mouse button or wheel direction, as the key table binds it (`Key.mouse`).
public enum MouseButton: Hashable, Sendable {
    case left, middle, right, wheelUp, wheelDown
}

/// A click of a mouse button or a turn of the wheel at a cell of the screen (0-based), as the backend reads it
/// (`Key.pointer`). A click is reported when the button is released (a press and its release read together reach
/// ncurses' getmouse as one event); presses alone are not reported.
public struct MouseEvent: Hashable, Sendable {
    public var button: MouseButton
    public var x: Int
    public var y: Int

    public init(_ button: MouseButton, x: Int, y: Int) {
        self.button = button
        self.x = x
        self.y = y
    }

    /// The event the bridge decoded (`pt_read_mouse`: kind 1 click, 2 press, 3 wheel up, 4 wheel down; button
    /// 1-3), or nil for a press or anything else.
    public init?(kind: Int, button: Int, x: Int, y: Int) {
        guard x >= 0, y >= 0 else { return nil }
        switch (kind, button) {
        case (1, 1): self.init(.left, x: x, y: y)
        case (1, 2): self.init(.middle, x: x, y: y)
        case (1, 3): self.init(.right, x: x, y: y)
        case (3, _): self.init(.wheelUp, x: x, y: y)
        case (4, _): self.init(.wheelDown, x: x, y: y)
        default: return nil
        }
    }
}
