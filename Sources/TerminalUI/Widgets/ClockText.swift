import Foundation

/// `HH:MM:SS` of an instant in a time zone (fixed format, no locale): the instant shifted by the zone's offset at
/// that instant, in whole seconds (no calendar is built: the header draws it every frame).
public enum ClockText {
    public static func time(_ date: Date, in zone: TimeZone) -> String {
        let t = date.timeIntervalSince1970.rounded(.down)
        guard t.magnitude < 1e15 else { return "--:--:--" }  // no instant a clock shows (and no trap on NaN)
        let seconds = Int64(t) + Int64(zone.secondsFromGMT(for: date))
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(ofDay / 3600)):\(two(ofDay / 60 % 60)):\(two(ofDay % 60))"
    }
}
