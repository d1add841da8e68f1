/// The store's time buckets. A slot is 15 minutes of UTC: every zone's offset from UTC is a multiple of
/// 15 minutes (the IANA database has no modern exception), so every local midnight is a slot boundary.
public enum TimeSlots {
    public static let slotSeconds: Int64 = 900

    @inline(__always) public static func slot(of epochSeconds: Int64) -> Int64 { floorDiv(epochSeconds, slotSeconds) }
    @inline(__always) public static func minute(of epochSeconds: Int64) -> Int64 { floorDiv(epochSeconds, 60) }
    /// The first slot that starts at or after the instant.
    @inline(__always) public static func slotStarting(atOrAfter epochSeconds: Int64) -> Int64 {
        -floorDiv(-epochSeconds, slotSeconds)
    }

    /// How long completions are kept per minute for the live throughput figure.
    public static let recentWindowSeconds: Int64 = 2 * 86_400
}
