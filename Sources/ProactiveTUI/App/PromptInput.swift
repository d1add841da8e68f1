import Foundation
import DashboardModel

/// Why a prompt's text was not accepted, worded for the prompt (the command line's words name flags).
struct PromptError: Error, CustomStringConvertible, Equatable {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What the dashboard's prompts accept, with errors worded for the prompt.
enum PromptInput {
    static let datesHint = "type one day as YYYY-MM-DD or a range as YYYY-MM-DD..YYYY-MM-DD"

    /// One day, or two days joined by `..`; spaces are ignored.
    static func dateRange(_ text: String) -> Result<DateRange, PromptError> {
        let compact = text.replacingOccurrences(of: " ", with: "")
        guard !compact.isEmpty else { return .failure(PromptError("no dates typed: \(datesHint)")) }
        let parts = compact.components(separatedBy: "..")
        guard parts.count <= 2 else { return .failure(PromptError("\"\(compact)\" holds more than two dates: \(datesHint)")) }
        var days: [LocalDate] = []
        for part in parts {
            guard let day = LocalDate(iso: part) else {
                let shown = part.isEmpty ? compact : part
                return .failure(PromptError("\"\(shown)\" is not a date: \(datesHint)"))
            }
            days.append(day)
        }
        let first = days[0], last = days.count > 1 ? days[1] : days[0]
        guard first <= last else {
            return .failure(PromptError("\(first.iso) is after \(last.iso): type the earlier day first"))
        }
        return .success(.between(first, last))
    }

    /// An IANA time zone name.
    static func timeZone(_ text: String) -> Result<String, PromptError> {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .failure(PromptError("no time zone typed: \(zoneHint)")) }
        guard FilterValidator.isZoneName(name) else { return .failure(PromptError("unknown time zone \"\(name)\": \(zoneHint)")) }
        return .success(name)
    }

    static let zoneHint = "type an IANA name such as UTC, America/New_York, Europe/London, Asia/Kathmandu"
}
