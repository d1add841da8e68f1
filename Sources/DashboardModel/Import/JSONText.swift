/// Decoding of JSON string contents that hold backslash escapes (already validated by the scanner).
enum JSONText {
    static func unescape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
        var lone = false
        return unescape(p, start, end, loneSurrogate: &lone)
    }

    /// `unescape`, telling whether a `\u` escape was half of a surrogate pair without its other half (then
    /// U+FFFD stands in for it in the bytes returned).
    static func unescape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, loneSurrogate: inout Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        var pendingHigh: UInt32? = nil  // a high surrogate waiting for its low half
        func flushPending() {
            if pendingHigh != nil {
                appendScalar(0xFFFD, to: &out)
                loneSurrogate = true
            }
            pendingHigh = nil
        }
        while i < end {
            let b = p[i]
            if b != 92 {
                flushPending()
                out.append(b)
                i += 1
                continue
            }
            let e = i + 1 < end ? p[i + 1] : 0
            i += 2
            switch e {
            case 117:  // u
                var code: UInt32 = 0
                for k in 0..<4 where i + k < end { code = code << 4 | UInt32(hexValue(p[i + k]) ?? 0) }
                i += 4
                if code >= 0xD800 && code < 0xDC00 {
                    flushPending()
                    pendingHigh = code
                } else if code >= 0xDC00 && code < 0xE000 {
                    if let high = pendingHigh {
                        appendScalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00), to: &out)
                        pendingHigh = nil
                    } else {
                        appendScalar(0xFFFD, to: &out)
                        loneSurrogate = true
                    }
                } else {
                    flushPending()
                    appendScalar(code, to: &out)
                }
                continue
            case 98: out.append(8)  // b
            case 102: out.append(12)  // f
            case 110: out.append(10)  // n
            case 114: out.append(13)  // r
            case 116: out.append(9)  // t
            default: out.append(e)  // " \ /
            }
            // A plain escape ends any pending surrogate (appended before it).
            if let high = pendingHigh {
                _ = high
                let last = out.removeLast()
                appendScalar(0xFFFD, to: &out)
                loneSurrogate = true
                out.append(last)
                pendingHigh = nil
            }
        }
        flushPending()
        return out
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }

    private static func appendScalar(_ code: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out.append(contentsOf: UTF8.encode(scalar)!)
    }
}
