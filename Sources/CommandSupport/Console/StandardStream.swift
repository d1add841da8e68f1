import CursesBridge
import Foundation

/// The C standard output and error streams, read through the bridge (Swift 6 sees the C globals `stdout` and
/// `stderr` as shared mutable state). Buffered like any `FILE`, so lines keep their order with `fputs`.
public enum StandardStream {
    public static var output: UnsafeMutablePointer<FILE> { pt_stdout() }
    public static var error: UnsafeMutablePointer<FILE> { pt_stderr() }
}
