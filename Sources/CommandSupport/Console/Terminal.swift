import Foundation

/// What the standard streams are connected to.
public enum Terminal {
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    public static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }

    /// The width of the terminal on standard error, read each time (the window may be resized); nil when it is not one.
    public static var stderrColumns: Int? {
        var size = winsize()
        let result = withUnsafeMutablePointer(to: &size) { ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), $0) }
        guard result == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
