import Foundation

/// The system's monotonic clock (`CLOCK_MONOTONIC`), one for every process on the machine: a parent reads it just
/// before it launches a child, the child when its first frame is done, and the difference is the launch to first
/// frame, loading the program included.
public enum MonotonicClock {
    public static var nanoseconds: UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
