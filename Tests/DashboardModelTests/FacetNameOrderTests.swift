import Foundation
import Testing
@testable import DashboardModel

/// The sidebar's name order by classes gives what a stable sort by `localizedStandardCompare` itself gives.
@Suite struct FacetNameOrderTests {
    static let labels = ["Queue 10", "queue 2", "Queue 2", "Zürich", "zurich", "Zurich", "Ärzte", "Arzte", "a", "A", "B",
                         "", " ", "Queue 1", "queue 01", "東京", "Støtte", "Stotte", "item-3", "item_3", "Item 3", "x",
                         "Queue 10", "10", "9", "0009", "Ünits", "units", "émail", "Email", "email"]

    @Test func classesSortAsTheComparisonDoes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let labels = Array(Self.labels.shuffled(using: &generator).prefix(Int.random(in: 1...Self.labels.count)))
            let direct = labels.enumerated().sorted { a, b in a.element.localizedStandardCompare(b.element) == .orderedAscending }
            let classes = FacetOrder.nameClasses(labels)
            let byClass = labels.enumerated().sorted { a, b in classes[a.element]! < classes[b.element]! }
            #expect(direct.map(\.offset) == byClass.map(\.offset))
            for a in labels {
                for b in labels {
                    #expect((classes[a]! < classes[b]!) == (a.localizedStandardCompare(b) == .orderedAscending), "\(a) / \(b)")
                }
            }
        }
    }
}
