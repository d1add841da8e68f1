import CursesBridge
import CoreValues
import Foundation

/// The only code that talks to the terminal: draws a `Grid` by writing just the cells that changed since the
/// last frame (one `doupdate` per frame, never a full clear), and reads keys.
public final class CursesBackend {
    public private(set) var theme: Theme
    private var previous: Grid?
    private var pairs: [PairKey: Int] = [:]
    private var palette = ColorPalette(colorCount: 0)
    private let paletteName: PaletteName
    private let synchronizedOutput: Bool
    private(set) var isOpen = false

    private struct PairKey: Hashable { var fg: Int; var bg: Int }

    /// - Parameter palette: the colours of `--theme` (`mono`, `--no-color` and `NO_COLOR` draw none).
    public init(forceASCII: Bool, noColor: Bool, palette: PaletteName = .dark,
                environment: [String: String] = ProcessEnvironment.values) {
        pt_setlocale()
        paletteName = palette
        let unicode = !forceASCII && pt_locale_is_utf8() != 0 && environment["TERM"] != "linux"
        let colors = !noColor && palette != .mono && (environment["NO_COLOR"] ?? "").isEmpty
        theme = unicode ? .unicode(colors: colors) : .ascii(colors: colors)
        let term = environment["TERM"] ?? ""
        synchronizedOutput = !term.isEmpty && term != "linux" && term != "dumb"
    }

    public func open() throws {
        guard pt_open() == 0 else { throw TerminalError("cannot open the terminal (is TERM set to a terminal type this machine knows?)") }
        isOpen = true
        let count = Int(pt_colors())
        if count < 8 { theme.colors = false }
        palette = ColorPalette(paletteName, colorCount: count)
        previous = nil
    }

    public func close() {
        guard isOpen else { return }
        isOpen = false
        pt_close()
    }

    /// Rings the terminal's bell (BEL), between frames.
    public func bell() { pt_write_raw("\u{07}", 1) }

    public var size: (width: Int, height: Int) { (Int(pt_cols()), Int(pt_rows())) }

    /// Ctrl-Z: restores the terminal, stops the process group (SIGTSTP with its default action, as the terminal
    /// would in cooked mode), and after SIGCONT re-enters curses; the next `draw` repaints everything.
    public func suspend() {
        guard isOpen else { return }
        pt_suspend()
        previous = nil
    }

    /// Forgets the previous frame: the next `draw` repaints everything (after a resize).
    public func invalidate() {
        previous = nil
        pt_touch()
    }

    /// Draws the frame; returns the number of cells written (0 when nothing changed).
    @discardableResult
    public func draw(_ grid: Grid) -> Int {
        let changes: [CellChange]
        if let previous, previous.width == grid.width, previous.height == grid.height {
            changes = grid.diff(from: previous)
        } else {
            changes = (0..<grid.height).flatMap { y in (0..<grid.width).map { x in CellChange(x: x, y: y, cell: grid[x, y]) } }
        }
        previous = grid
        guard !changes.isEmpty else { return 0 }
        if synchronizedOutput { pt_write_raw("\u{1b}[?2026h", 8) }
        var scalars: [UInt32] = []
        for change in changes where !change.cell.isContinuation {
            scalars.removeAll(keepingCapacity: true)
            change.cell.glyph.appendScalars(to: &scalars)
            if let first = scalars.first, first >= 0x80 {
                // ncurses moves its cursor by the C library's width of the cell's first character: where that is
                // not the grid's (a character this machine's tables do not know, or measure otherwise), a
                // replacement of the grid's width is drawn, so nothing after it on the row shifts.
                let wide = change.x + 1 < grid.width && grid[change.x + 1, change.y].isContinuation
                if Int(pt_wcwidth(first)) != (wide ? 2 : 1) { scalars = [wide ? 0xFF1F : 0xFFFD] }
            }
            let style = change.cell.style
            let pair = theme.colors ? pairNumber(style) : 0
            scalars.withUnsafeBufferPointer { buffer in
                pt_put(Int32(change.y), Int32(change.x), buffer.baseAddress, Int32(buffer.count),
                       style.bold ? 1 : 0, style.reverse ? 1 : 0, style.underline ? 1 : 0, style.dim ? 1 : 0, Int32(pair))
            }
        }
        pt_flush()
        if synchronizedOutput { pt_write_raw("\u{1b}[?2026l", 8) }
        return changes.count
    }

    private func pairNumber(_ style: Style) -> Int {
        let key = PairKey(fg: palette.color(style.fg), bg: style.bg.map(palette.color) ?? -1)
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let pair = pairs.count + 1
        pt_init_pair(Int32(pair), Int32(key.fg), Int32(key.bg))
        pairs[key] = pair
        return pair
    }

    /// Waits up to `timeoutMs` for a key; nil on timeout.
    public func readKey(timeoutMs: Int) -> Key? {
        var value: UInt32 = 0
        let kind = pt_read_key(Int32(timeoutMs), &value)
        if kind < 0 { return nil }
        if kind == 1 {
            let code = Int32(value)
            switch code {
            case pt_key_up(): return .up
            case pt_key_down(): return .down
            case pt_key_left(): return .left
            case pt_key_right(): return .right
            case pt_key_home(): return .home
            case pt_key_end(): return .end
            case pt_key_ppage(): return .pageUp
            case pt_key_npage(): return .pageDown
            case pt_key_btab(): return .backTab
            case pt_key_backspace(): return .backspace
            case pt_key_enter(): return .enter
            case pt_key_resize(): return .resize
            case pt_key_dc(): return .delete
            case pt_key_mouse(): return readMouse()
            default: return nil
            }
        }
        switch value {
        case 3: return .controlC
        case 12: return .controlL
        case 26: return .controlZ
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }
}

extension CursesBackend {
    /// Turns mouse reporting on or off (SGR 1006 reports; `M` and `--no-mouse`). Returns whether it is on.
    @discardableResult
    public func setMouse(_ on: Bool) -> Bool {
        guard isOpen else { return false }
        return pt_mouse_enable(on ? 1 : 0) != 0 && on
    }

    public var mouseEnabled: Bool { isOpen && pt_mouse_enabled() != 0 }

    /// The mouse event ncurses queued for the KEY_MOUSE just read (nil for a release or none).
    func readMouse() -> Key? {
        var x: Int32 = 0, y: Int32 = 0, kind: Int32 = 0, button: Int32 = 0
        guard pt_read_mouse(&x, &y, &kind, &button) == 0,
              let event = MouseEvent(kind: Int(kind), button: Int(button), x: Int(x), y: Int(y)) else { return nil }
        return .pointer(event)
    }
}

/// The terminal could not be used.
struct TerminalError: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}
