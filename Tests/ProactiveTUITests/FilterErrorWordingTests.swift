import CommandSupport
import DashboardModel
import Testing
@testable import ProactiveTUI

/// The command line words the model's typed filter errors, with its flags, and bounds what data put in them.
@Suite struct FilterErrorWordingTests {
    @Test func unknownValuesQuoteBoundedValues() {
        var request = FilterRequest()
        request.values = [.status: [String(repeating: "z", count: 5000)]]
        let known: [FilterDimension: [(value: String, label: String)]] = [
            .status: [(String(repeating: "q", count: 5000), String(repeating: "n", count: 5000))],
        ]
        let error = #expect(throws: FilterError.self) { try FilterValidator.validate(request, known: known) }
        let text = error?.commandLineText ?? ""
        #expect(text.count < 1000, "\(text.count) characters")
        #expect(text.hasPrefix("unknown delivery status \"" + String(repeating: "z", count: 199) + "…\" for --status; accepted: Pending, "))
        #expect(text.hasSuffix(String(repeating: "q", count: 199) + "…), all"))
    }

    @Test func everyErrorNamesItsFlag() throws {
        func wording(_ body: (inout FilterRequest) -> Void) -> String {
            var request = FilterRequest()
            body(&request)
            do {
                _ = try FilterValidator.validate(request, environment: [:])
                return "accepted"
            } catch let error as FilterError {
                return error.commandLineText
            } catch {
                return "\(error)"
            }
        }
        #expect(wording { $0.values = [.configuration: ["nope"]] } == "unknown configuration \"nope\" for --config; accepted: all")
        #expect(wording { $0.timeZone = "Mars/Olympus_Mons" } == "unknown time zone \"Mars/Olympus_Mons\" for --tz; accepted: an IANA "
            + "name such as UTC, America/New_York, Europe/London, Asia/Kolkata, Asia/Kathmandu, Australia/Lord_Howe")
        #expect(wording { $0.last = 3; $0.allDates = true } == "choose one of --last, --all-dates, or --from/--to")
        #expect(wording { $0.last = 0 } == "--last takes a number of days from 1 to 36600, not 0")
        #expect(wording { $0.to = "11/02" } == "--to \"11/02\" is not a date; accepted: YYYY-MM-DD, e.g. 2026-11-01")
        #expect(wording { $0.from = "2026-11-03"; $0.to = "2026-11-02" } == "--from 2026-11-03 is after --to 2026-11-02")
        #expect(wording { $0.from = "2026-11-03" } == "accepted")
        #expect(FilterDimension.allCases.map(\.flag) == ["--channel", "--queue", "--config", "--conversation-type",
                                                          "--direction", "--dial-mode", "--status", "--result"])
    }
}
