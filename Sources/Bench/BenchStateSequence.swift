import Foundation
import DashboardModel

/// One filter state of the benchmark's fixed sequence, with a short name for reports.
public struct BenchState: Sendable {
    public var name: String
    public var filters: DashboardFilters
}

/// The benchmark's fixed, deterministic sequence of filter states: date ranges (last 1/7/30/90/365 days, fixed
/// spans, a week around a daylight-saving change, all dates), time zones with whole, half, 45-minute and
/// half-hour-DST offsets, single and multi-value selections on the list filters, and cross-filters (one day and
/// one configuration). Values are taken from the store, so the same store always gives the same sequence.
public enum BenchStateSequence {
    public static let zones = ["UTC", "America/New_York", "Asia/Kathmandu", "Asia/Kolkata", "Australia/Lord_Howe",
                               "Europe/London"]
    static let patternCount = 12
    static let rangeCount = 7

    /// - Parameters:
    ///   - known: `AggregateIndex.knownFilterValues` of the store.
    ///   - now: the end of the store's history (the benchmark's "now").
    ///   - days: length of the history, in days.
    ///   - count: number of states (at least 60 by default; every pattern meets every zone after 72).
    public static func make(known: [FilterDimension: [(value: String, label: String)]], now: Date, days: Int,
                            count: Int = 72) -> [BenchState] {
        let picker = ValuePicker(known: known)
        let nowSeconds = Int64(now.timeIntervalSince1970)
        var states: [BenchState] = []
        for i in 0..<count {
            let zoneName = zones[(i + i / patternCount) % zones.count]
            let zone = TimeZone(identifier: zoneName)!
            let today = LocalDate.containing(epochSeconds: nowSeconds, in: zone)
            var range = self.range(i % rangeCount, variant: i, today: today, days: days, zone: zone, now: nowSeconds)
            var selections: [FilterDimension: Set<String>] = [.direction: ["Outgoing"]]
            var label = ""
            switch i % patternCount {
            case 0:
                label = "defaults"
            case 1:
                selections[.queue] = picker.pick(.queue, start: i, count: 1)
                label = "1 queue"
            case 2:
                selections[.queue] = picker.pick(.queue, start: i, count: 3)
                label = "3 queues"
            case 3:
                selections[.configuration] = picker.pick(.configuration, start: i, count: 1)
                label = "1 configuration"
            case 4:
                selections[.configuration] = picker.pick(.configuration, start: i, count: 4)
                label = "4 configurations"
            case 5:
                selections[.status] = picker.pick(.status, start: i, count: 1)
                label = "1 status"
            case 6:
                selections[.status] = picker.pick(.status, start: i, count: 2)
                selections[.dialMode] = picker.pick(.dialMode, start: i, count: 2)
                label = "2 statuses, 2 dial modes"
            case 7:
                selections[.result] = picker.pick(.result, start: i, count: 3)
                label = "3 results"
            case 8:
                selections[.dialMode] = picker.pick(.dialMode, start: i, count: 1)
                selections[.direction] = nil
                label = "1 dial mode, any direction"
            case 9:
                selections[.conversationType] = picker.pick(.conversationType, start: i, count: 1)
                selections[.direction] = ["Incoming"]
                label = "1 conversation type, incoming"
            case 10:
                let day = today.adding(days: -((i * 37) % max(1, days - 1)))
                range = .between(day, day)
                selections[.configuration] = picker.pick(.configuration, start: i, count: 1)
                label = "cross-filter: 1 day + 1 configuration"
            default:
                selections[.queue] = picker.pick(.queue, start: i, count: 2)
                selections[.status] = picker.pick(.status, start: i + 1, count: 3)
                selections[.conversationType] = picker.pick(.conversationType, start: i, count: 2)
                selections[.direction] = ["Outgoing", "Incoming"]
                label = "2 queues, 3 statuses, 2 types, both directions"
            }
            let filters = DashboardFilters(range: range, timeZone: zoneName, selections: selections)
            states.append(BenchState(name: "\(range.summary) · \(zoneName) · \(label)", filters: filters))
        }
        return states
    }

    private static func range(_ kind: Int, variant: Int, today: LocalDate, days: Int, zone: TimeZone,
                              now: Int64) -> DateRange {
        switch kind {
        case 0: return .lastDays(1)
        case 1: return .lastDays(7)
        case 2: return .lastDays(30)
        case 3: return .lastDays(90)
        case 4: return .lastDays(365)
        case 5:
            // A week around this zone's first daylight-saving change in the history, else a fixed span.
            if let change = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(now - Int64(days) * 86_400))),
               Int64(change.timeIntervalSince1970) < now {
                let day = LocalDate.containing(epochSeconds: Int64(change.timeIntervalSince1970), in: zone)
                return .between(day.adding(days: -3), day.adding(days: 3))
            }
            let back = (variant * 11) % max(1, days - 60)
            return .between(today.adding(days: -(back + 45)), today.adding(days: -back))
        default: return .all
        }
    }

    /// Picks values of a list filter deterministically: sorted, from a rotating start.
    struct ValuePicker {
        let values: [FilterDimension: [String]]

        init(known: [FilterDimension: [(value: String, label: String)]]) {
            var values: [FilterDimension: [String]] = [:]
            for (dimension, list) in known { values[dimension] = Array(Set(list.map(\.value))).sorted() }
            self.values = values
        }

        func pick(_ dimension: FilterDimension, start: Int, count: Int) -> Set<String> {
            let list = values[dimension] ?? []
            guard !list.isEmpty else { return [] }
            var picked: Set<String> = []
            var k = start
            while picked.count < min(count, list.count) {
                picked.insert(list[k % list.count])
                k += 1
            }
            return picked
        }
    }
}
