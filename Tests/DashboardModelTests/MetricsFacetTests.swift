import Foundation
import Testing
@testable import DashboardModel

/// Sidebar counts: for each value, the deliveries it would have under every *other* active filter.
/// Data: `FilterFixture` (see the table there).
@Suite struct MetricsFacetTests {
    let data: DashboardData
    let withOutgoing: DashboardData

    init() throws {
        let s = try FilterFixture.store()
        data = try s.compute(MX.filters(.all, [.queue: ["Q1"], .status: ["Complete"]]))
        withOutgoing = try s.compute(MX.filters(.all, [.queue: ["collections"], .status: ["Complete"], .direction: ["Outgoing"]]))
    }

    @Test func activeDimensionsCountUnderTheOtherFilters() {
        // Queue, under status Complete (f1 Q1, f2 Q2, f5 Q1, f6 Q1): Q1 3, Q2 1.
        #expect(data.mxFacet(.queue) == ["Q1": 3, "Q2": 1])
        // Status, under queue Q1 (f1 Complete, f3 Pending, f5 Complete, f6 Complete).
        #expect(data.mxFacet(.status) == ["Complete": 3, "Pending": 1, "Expired": 0])
        #expect(data.totalDeliveries == 3)
    }

    @Test func inactiveDimensionsCountUnderAllFilters() {
        // In scope: f1, f5, f6.
        #expect(data.mxFacet(.channel) == ["Voice": 2, "SMS": 1])
        #expect(data.mxFacet(.configuration) == ["C1": 2, "C2": 1])
        #expect(data.mxFacet(.conversationType) == ["AI agent": 1, "Unspecified": 1, "Representative": 1])
        #expect(data.mxFacet(.result) == ["CallEnded": 2, "MessageSent": 1, "NoAnswer": 0, "Expired": 0, "(Blank)": 0])
        #expect(data.mxFacet(.dialMode) == ["Progressive": 1, "(Blank)": 1, "Predictive": 1, "Preview": 0])
        // Direction: f1 Outgoing, f6 Incoming; f5 has no direction and counts under neither.
        #expect(data.mxFacet(.direction) == ["Outgoing": 1, "Incoming": 1])
    }

    @Test func withDirectionOutgoingToo() {
        // Direction facet, under Q1 and Complete (f1 f5 f6): unchanged, Outgoing 1, Incoming 1.
        #expect(withOutgoing.mxFacet(.direction) == ["Outgoing": 1, "Incoming": 1])
        // Queue, under Complete and Outgoing (f1 Q1, f5 Q1; f2 and f6 are Incoming): Q1 2, Q2 0.
        #expect(withOutgoing.mxFacet(.queue) == ["Q1": 2, "Q2": 0])
        // Status, under Q1 and Outgoing (f1 Complete, f3 Pending, f5 Complete).
        #expect(withOutgoing.mxFacet(.status) == ["Complete": 2, "Pending": 1, "Expired": 0])
        // Channel, under all three (f1 Voice, f5 SMS).
        #expect(withOutgoing.mxFacet(.channel) == ["Voice": 1, "SMS": 1])
        #expect(withOutgoing.totalDeliveries == 2)
    }

    @Test func labelsAndSelection() {
        let queues = withOutgoing.facets[.queue] ?? []
        #expect(queues.first { $0.value == "Q1" }?.label == "Collections")
        #expect(queues.first { $0.value == "Q2" }?.label == "Fraud Desk")
        // Selected by name, in another case: Q1 still reads selected.
        #expect(withOutgoing.mxSelected(.queue) == ["Q1"])
        #expect(withOutgoing.mxSelected(.status) == ["Complete"])
        #expect(withOutgoing.mxSelected(.direction) == ["Outgoing"])
        #expect(withOutgoing.mxSelected(.channel).isEmpty)
        let configs = withOutgoing.facets[.configuration] ?? []
        #expect(configs.first { $0.value == "C2" }?.label == "Fraud Callback")
    }

    @Test func facetSumEqualsTotalForInactiveDimensions() {
        for dimension in [FilterDimension.channel, .configuration, .conversationType, .result, .dialMode] {
            #expect(data.mxFacet(dimension).values.reduce(0, +) == data.totalDeliveries, "\(dimension)")
        }
    }

    @Test func selectedUnknownValueStillShows() throws {
        let s = try FilterFixture.store()
        let d = try s.compute(MX.filters(.all, [.status: ["OnHold"]]))
        #expect(d.totalDeliveries == 0)
        let onHold = d.facets[.status]?.first { $0.value == "OnHold" }
        #expect(onHold?.count == 0 && onHold?.selected == true)
        // Every other value, counted under no other filter: Complete 4, Pending 1, Expired 1.
        #expect(d.mxFacet(.status) == ["Complete": 4, "Pending": 1, "Expired": 1, "OnHold": 0])
        // Other dimensions: every delivery is rejected by the status filter, so all zero.
        #expect(d.mxFacet(.queue) == ["Q1": 0, "Q2": 0])
    }
}
