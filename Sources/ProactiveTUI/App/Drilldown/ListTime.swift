import DashboardModel
import Foundation

/// `2026-11-06 16:45`: an instant in a zone, to the minute (without a formatter: a screen has dozens).
enum ListTime {
    static func format(_ seconds: Int64, _ zone: TimeZone) -> String {
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        let local = seconds + offset
        let day = LocalDate(dayNumber: Int(floorDiv(local, 86_400)))
        let s = Int(local - Int64(day.dayNumber) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso) \(two(s / 3600)):\(two(s % 3600 / 60))"
    }
}
