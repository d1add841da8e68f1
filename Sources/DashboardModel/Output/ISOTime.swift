import Foundation

/// UTC timestamps as `2026-11-29T12:00:00Z`.
public enum ISOTime {
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let day = LocalDate(dayNumber: Int(floorDiv(seconds, 86_400)))
        let s = Int(seconds - Int64(day.dayNumber) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return day.iso + "T" + two(s / 3600) + ":" + two(s % 3600 / 60) + ":" + two(s % 60) + "Z"
    }
}
