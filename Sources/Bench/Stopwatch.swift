import Foundation
import DashboardModel

/// A monotonic stopwatch for the benchmark.
public struct Stopwatch: Sendable {
    private let start: UInt64

    public init() { start = DispatchTime.now().uptimeNanoseconds }

    public var milliseconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
    public var seconds: Double { milliseconds / 1000 }

    /// Runs `body` and returns its result with the time it took, in milliseconds.
    public static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let watch = Stopwatch()
        let value = try body()
        return (value, watch.milliseconds)
    }
}

/// CPU time, which unlike wall time does not grow when other processes compete for the cores.
public enum CPUClock {
    /// CPU time of the calling thread, in milliseconds.
    public static var threadMilliseconds: Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1_000_000
    }

    /// User plus system CPU time of the whole process, in milliseconds.
    public static var processMilliseconds: Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }
}
