import Foundation

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
