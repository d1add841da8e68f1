import CommandSupport
import Foundation

/// A one-line progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar {
    private let enabled: Bool
    private var shown = false
    private var lastDrawn = -1

    init(enabled: Bool) { self.enabled = enabled }

    func update(label: String, fraction: Double) {
        guard enabled else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let name = label.count > 40 ? "…" + label.suffix(39) : label
        Console.progress("\(name) [\(bar)] \(percent)%")
        shown = true
    }

    func finish() {
        if shown { Console.clearProgress() }
        shown = false
        lastDrawn = -1
    }
}
