import DashboardModel
import Foundation
import TerminalUI

/// What the header says about `proactive-tui sync`: `Synced 14:03`, or `sync failing since 13:58: 401 Unauthorized`.
/// Nil for a store that was never synced (nothing is shown).
enum SyncIndicator: Equatable, Sendable {
    case synced(at: Date)
    case failing(since: Date, message: String)

    init?(status: SyncStatus?) {
        guard let status else { return nil }
        if let since = status.failingSince {
            self = .failing(since: since, message: status.lastError ?? "unknown error")
        } else if let success = status.lastSuccess {
            self = .synced(at: success)
        } else {
            return nil
        }
    }

    var isFailing: Bool { if case .failing = self { true } else { false } }

    /// The text in the filter's zone, hours and minutes; a failure's message is cut to `messageLimit` characters.
    func text(in zone: TimeZone, messageLimit: Int = 60) -> String {
        switch self {
        case .synced(let at):
            return "Synced " + Self.hoursMinutes(at, in: zone)
        case .failing(let since, let message):
            let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
            let cut = line.count > messageLimit ? String(line.prefix(messageLimit - 1)) + "…" : line
            return "sync failing since " + Self.hoursMinutes(since, in: zone) + ": " + cut
        }
    }

    static func hoursMinutes(_ date: Date, in zone: TimeZone) -> String { String(ClockText.time(date, in: zone).prefix(5)) }
}
