import Foundation
import Testing

/// ASCII drawing with `--ascii` on a UTF-8 terminal, and on its own when the codeset is not UTF-8 (`LANG=C`).
@Suite("End to end: ASCII mode")
struct EndToEndAsciiModeTests {
    enum Mode: String, CustomTestStringConvertible, CaseIterable, Sendable {
        case asciiFlag = "--ascii with LANG=C.UTF-8"
        case cLocale = "LANG=C"
        var testDescription: String { rawValue }
    }

    @Test("+--- borders and no box-drawing, block or braille characters",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)), arguments: Mode.allCases)
    func asciiDrawing(_ mode: Mode) async throws {
        try await DashboardHarness.with(mode == .asciiFlag ? ["--all-dates", "--ascii"] : ["--all-dates"],
                                        environment: mode == .cLocale ? ["LANG": "C"] : [:]) { h in
            let screen = try await h.waitForDashboard()
            let text = Screen.text(screen)
            #expect(text.contains("+ Filters "), "no ASCII sidebar border:\n\(TmuxSession.framed(screen))")
            #expect(screen.contains { $0.contains("+---") }, "no +--- border")
            #expect(screen.contains { $0.hasPrefix("|") }, "no | side border")
            let drawing = text.unicodeScalars.filter {
                (0x2500...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value)
            }
            #expect(drawing.isEmpty, "box-drawing, block or braille characters in ASCII mode: \(String(String.UnicodeScalarView(drawing.prefix(20))))")
            #expect(!text.contains("▸") && !text.contains("…") && !text.contains("·"))

            // The dashboard's first frame is the screen `snapshot --format text --ascii` prints (but for the clock).
            if mode == .asciiFlag {
                let snapshot = try await h.store.run(["snapshot", "--format", "text", "--ascii", "--tz", "UTC",
                                                      "--all-dates", "--width", "120", "--height", "35"])
                let expected = snapshot.stdout.split(separator: "\n", omittingEmptySubsequences: false).map {
                    var line = Substring($0)
                    while line.last == " " { line = line.dropLast() }
                    return String(line)
                }
                let mask = { (lines: [String]) in lines.prefix(35).map { $0.replacingOccurrences(
                    of: #"Updated \d\d:\d\d:\d\d"#, with: "Updated hh:mm:ss", options: .regularExpression) } }
                #expect(mask(screen) == mask(expected),
                        "dashboard:\n\(TmuxSession.framed(screen))\nsnapshot:\n\(TmuxSession.framed(expected))")
            }
            try await h.quit()
        }
    }
}
