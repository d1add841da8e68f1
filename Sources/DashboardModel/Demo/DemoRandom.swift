import Foundation

/// SplitMix64: a tiny, fast, seedable generator. The demo data must be reproducible, so it never touches
/// `SystemRandomNumberGenerator`.
struct DemoRandom: RandomNumberGenerator {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for a named purpose, so that adding draws to one part of the demo does not shift
    /// every other part.
    init(seed: UInt64, stream: UInt64) {
        var mixer = DemoRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    @inline(__always) mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in 0..<n, for 0 < n < 2^32.
    @inline(__always) mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: ((next() >> 32) &* UInt64(n)) >> 32)
    }

    /// Uniform in lower...upper (inclusive).
    @inline(__always) mutating func between(_ lower: Int64, _ upper: Int64) -> Int64 {
        lower + Int64(below(Int(upper - lower) + 1))
    }

    /// Exponentially distributed with the given mean.
    @inline(__always) mutating func exponential(mean: Double) -> Double { -mean * log(1 - unit()) }

    @inline(__always) mutating func chance(_ p: Double) -> Bool { unit() < p }
}
