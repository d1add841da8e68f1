import Foundation

/// UTC timestamps as `2026-11-29T12:00:00Z`.
public enum ISOTime {
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let day = LocalDate(dayNumber: Int(floorDiv(seconds, 86_400)))
        let s = seconds - Int64(day.dayNumber) * 86_400
        return String(format: "%@T%02d:%02d:%02dZ", day.iso, s / 3600, (s % 3600) / 60, s % 60)
    }
}
