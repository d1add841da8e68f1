import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// Compares a grid with literal expected lines (trailing spaces ignored); on failure shows both screens.
func expectLines(_ grid: Grid, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = grid.lines()
    let trimmedExpected = expected.map { line -> String in
        var l = line
        while l.last == " " { l.removeLast() }
        return l
    }
    if actual != trimmedExpected {
        // With PROACTIVE_TUI_GOLDEN_DUMP=folder the actual screen is also written there, whole (the issue text may be
        // cut short in the console), to read before it replaces the expected lines.
        if let folder = ProcessInfo.processInfo.environment["PROACTIVE_TUI_GOLDEN_DUMP"] {
            let name = "\((String(describing: sourceLocation.fileID) as NSString).lastPathComponent)-\(sourceLocation.line).txt"
            try? actual.joined(separator: "\n").write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let frame = { (lines: [String]) in lines.enumerated().map { String(format: "%2d", $0.offset) + " |" + $0.element + "|" }.joined(separator: "\n") }
        Issue.record("""
            Screens differ.
            --- expected ---
            \(frame(trimmedExpected))
            --- actual ---
            \(frame(actual))
            """, sourceLocation: sourceLocation)
    }
}

/// Renders `draw` into a fresh grid of `width`×`height` and returns it.
func rendered(_ width: Int, _ height: Int, _ draw: (inout Grid, Rect) -> Void) -> Grid {
    var grid = Grid(width: width, height: height)
    draw(&grid, grid.bounds)
    return grid
}
