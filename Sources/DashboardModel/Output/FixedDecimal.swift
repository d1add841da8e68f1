/// A finite double written with four decimals exactly as the C library's `%.4f` writes it: the exact binary value
/// times 10,000, rounded half to even (the default rounding mode), then the digits, with `-` for any negative value
/// (`-0.0000` included, as C prints it).
enum FixedDecimal {
    /// Below this magnitude the scaled value fits the integer arithmetic; larger ones are left to the caller.
    static let limit = 1e15

    /// Appends `value` as `%.4f` and returns true, or returns false (nothing written) for a value that is not
    /// finite or whose magnitude is at least `limit`.
    static func appendFixed4(_ value: Double, into out: inout [UInt8]) -> Bool {
        guard value.isFinite, value.magnitude < limit else { return false }
        let bits = value.bitPattern
        let exponentBits = Int((bits >> 52) & 0x7FF)
        let fraction = bits & ((1 << 52) - 1)
        // value = significand × 2^exponent, exactly.
        let significand = exponentBits == 0 ? fraction : fraction | (1 << 52)
        let exponent = exponentBits == 0 ? -1074 : exponentBits - 1075
        let scaled = UInt128(significand) * 10_000  // < 2^67
        var units: UInt128  // value × 10,000, rounded half to even
        if exponent >= 0 {
            units = scaled << UInt128(exponent)  // below limit × 10^4 × 2 < 2^65: no overflow
        } else if -exponent >= 96 {
            units = 0  // below 2^-29 × 10^4: under half a unit
        } else {
            let shift = UInt128(-exponent)
            units = scaled >> shift
            let rest = scaled & ((1 << shift) - 1)
            let half = UInt128(1) << (shift - 1)
            if rest > half || (rest == half && units & 1 == 1) { units += 1 }
        }
        if value.sign == .minus { out.append(UInt8(ascii: "-")) }
        JSONValue.appendDecimal(Int(units / 10_000), into: &out)  // below 10^15
        out.append(UInt8(ascii: "."))
        let decimals = Int(units % 10_000)
        for divisor in [1000, 100, 10, 1] { out.append(UInt8(truncatingIfNeeded: 48 + decimals / divisor % 10)) }
        return true
    }
}
