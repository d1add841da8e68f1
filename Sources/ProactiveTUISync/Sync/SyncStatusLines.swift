import DashboardModel
import Foundation
import TerminalUI

/// `sync --status`: the store's sync state as lines of text.
enum SyncStatusLines {
    static func lines(_ status: SyncStatus?, now: Date) -> [String] {
        guard let status else { return ["never synced: run proactive-tui sync --org URL"] }
        var out: [String] = []
        out.append("organization:  \(status.org ?? "(unknown)")")
        out.append("last success:  \(stamp(status.lastSuccess, now: now))")
        out.append("last attempt:  \(stamp(status.lastAttempt, now: now))")
        if let since = status.failingSince {
            out.append("failing since: \(stamp(since, now: now)): \(status.lastError ?? "unknown error")")
            if let hint = SyncAdvice.hint(for: status.lastError ?? "") { out.append("what to do:    \(hint)") }
        } else {
            out.append("state:         ok")
        }
        if let lag = status.lagSeconds { out.append("lag:           \(duration(lag)) behind the service (newest change applied vs. its clock)") }
        for table in SyncTable.allCases {
            let rows = status.rowsByTable[table].map { NumberFormatter.localizedString(from: NSNumber(value: $0), number: .decimal) } ?? "-"
            var kind = status.cursorKindByTable[table] ?? (table == .conversations ? "by id" : "not read yet")
            if status.fullReadUnderWay.contains(table) { kind = "full read under way" }
            let deletions = status.deletionsVisible[table] == false ? " (modifiedon polling: deletions cannot be seen)" : ""
            out.append("  \(table.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(rows.leftAligned(10)) rows, \(kind)\(deletions)")
        }
        return out
    }

    static func stamp(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        return ISOTime.format(date) + " (\(duration(now.timeIntervalSince(date))) ago)"
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(max(0, seconds).rounded())
        if s < 120 { return "\(s) s" }
        if s < 7200 { return "\(s / 60) min" }
        if s < 172_800 { return "\(s / 3600) h" }
        return "\(s / 86400) days"
    }
}

private extension String {
    func leftAligned(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
