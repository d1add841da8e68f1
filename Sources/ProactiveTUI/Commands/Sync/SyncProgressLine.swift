import DataverseSync
import Foundation

/// The initial read's progress bar on standard error (a terminal only): rows, pages, rate, and a bar with the
/// total when the service gave one (`$count`).
final class SyncProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false
    private var lastDrawn = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: SyncProgress) {
        guard enabled, progress.kind == .fullRead || progress.kind == .conversations else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        SyncOutput.progress(Self.text(progress))
        shown = true
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

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { SyncOutput.clearProgress() }
        shown = false
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
