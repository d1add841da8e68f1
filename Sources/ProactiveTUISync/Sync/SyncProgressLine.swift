import CommandSupport
import DataverseSync
import Foundation
import Synchronization

/// The initial read's progress bar on standard error (a terminal only): rows, pages, rate, and a bar with the
/// total when the service gave one (`$count`).
final class SyncProgressLine: Sendable {
    private struct Drawn {
        var shown = false
        var last = Date.distantPast
    }

    private let enabled: Bool
    /// Held while a line is drawn, so lines from two threads never interleave.
    private let drawn = Mutex(Drawn())

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: SyncProgress) {
        guard enabled, progress.kind == .fullRead || progress.kind == .conversations else { return }
        drawn.withLock { drawn in
            let now = Date()
            guard now.timeIntervalSince(drawn.last) >= 0.1 else { return }
            drawn.last = now
            SyncOutput.progress(Self.text(progress, width: Terminal.stderrColumns))
            drawn.shown = true
        }
    }

    static func text(_ p: SyncProgress) -> String {
        let rows = count(p.rows)
        let rate = count(Int(p.rate.rounded()))
        let name = p.table.rawValue
        if let total = p.total, total > 0 {
            let fraction = min(1, Double(p.rows) / Double(total))
            let width = 24
            let filled = Int((fraction * Double(width)).rounded(.down))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            return "\(name): [\(bar)] \(rows) of \(count(total)) rows, \(p.pages) pages, \(rate) rows/s"
        }
        return "\(name): \(rows) rows, \(p.pages) pages, \(rate) rows/s"
    }

    /// The line fitted to a terminal `width` columns wide (a longer line would wrap, and the next update would
    /// start a new line instead of overwriting it): the bar goes first, then the pages and the rate; last, the line
    /// is cut. The last column stays free (a line that fills it makes some terminals wrap).
    static func text(_ p: SyncProgress, width: Int?) -> String {
        let full = text(p)
        guard let width, full.count >= width else { return full }
        let name = p.table.rawValue
        var shorter: [String] = []
        if let total = p.total, total > 0 {
            let percent = Int((min(1, Double(p.rows) / Double(total)) * 100).rounded(.down))
            shorter.append("\(name): \(count(p.rows)) of \(count(total)) rows (\(percent)%), \(count(Int(p.rate.rounded()))) rows/s")
            shorter.append("\(name): \(count(p.rows)) of \(count(total)) (\(percent)%)")
            shorter.append("\(name) \(percent)%")
        } else {
            shorter.append("\(name): \(count(p.rows)) rows, \(count(Int(p.rate.rounded()))) rows/s")
            shorter.append("\(name): \(count(p.rows)) rows")
            shorter.append("\(count(p.rows))")
        }
        for line in shorter where line.count < width { return line }
        return String((shorter.last ?? full).prefix(max(0, width - 1)))
    }

    func finish() {
        drawn.withLock { drawn in
            if drawn.shown { SyncOutput.clearProgress() }
            drawn.shown = false
        }
    }

    static func count(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
