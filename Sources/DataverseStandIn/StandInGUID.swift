import Foundation

/// Deterministic GUIDs and numbers for the generated organization (SplitMix64 over a seed and a label).
enum StandInGUID {
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func make(seed: UInt64, kind: UInt64, index: Int) -> String {
        let a = mix(seed &* 31 &+ kind &* 0x1_0000_0001 &+ UInt64(index))
        let b = mix(a ^ 0x5851_F42D_4C95_7F2D)
        let hex = String(a, radix: 16).leftPad(16) + String(b, radix: 16).leftPad(16)
        let c = Array(hex)
        // Version 4 layout, lowercase, as Dataverse prints GUIDs.
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-a" + String(c[17..<20]) + "-" + String(c[20..<32])
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
