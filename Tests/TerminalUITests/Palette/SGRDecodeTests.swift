import CursesBridge
import Testing

/// The bridge's decoding of SGR (1006) mouse reports, as it reads them where ncurses does not (TERM=screen).
@Suite struct SGRDecodeTests {
    func decode(_ body: String) -> (x: Int, y: Int, kind: Int, button: Int)? {
        var x: Int32 = 0, y: Int32 = 0, kind: Int32 = 0, button: Int32 = 0
        let bytes = Array(body.utf8).map { CChar(bitPattern: $0) }
        let rc = bytes.withUnsafeBufferPointer { pt_decode_sgr_mouse($0.baseAddress, Int32($0.count), &x, &y, &kind, &button) }
        return rc == 0 ? (Int(x), Int(y), Int(kind), Int(button)) : nil
    }

    @Test func clicksPressesAndTheWheel() {
        // 1-based column and row to 0-based cells; past column 223 (where X10 reports end).
        #expect(decode("0;240;21m")! == (239, 20, 1, 1))
        #expect(decode("0;240;21M")! == (239, 20, 2, 1))
        #expect(decode("2;1;1m")! == (0, 0, 1, 3))
        #expect(decode("64;5;6M")! == (4, 5, 3, 0))
        #expect(decode("65;5;6M")! == (4, 5, 4, 0))
        // Shift, meta, control do not change what is clicked.
        #expect(decode("16;3;4m")! == (2, 3, 1, 1))
        #expect(decode("1;1000;500m")! == (999, 499, 1, 2))
    }

    @Test func malformedReportsAreRefused() {
        for body in ["", "0;1M", "0;0;1M", "0;1;0m", "32;1;1M", "a;1;1M", "0;1;1", "0;1;1Mx", "0;;1M", "0;1;1;1M",
                     "3;1;1m", "9999999;1;1M", "64;1;1m"] {
            #expect(decode(body) == nil, "\(body)")
        }
    }
}
