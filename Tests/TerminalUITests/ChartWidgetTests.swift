import CoreValues
import Testing
@testable import TerminalUI

private func day(_ d: Int, _ counts: [(String, Int)]) -> DayCounts {
    DayCounts(date: LocalDate(year: 2026, month: 11, day: d), counts: counts.map { LabelledCount($0.0, $0.1) })
}

@Suite struct StackedColumnChartWidgetTests {
    let chart = StackedColumnChart(
        series: [LabelledCount("Complete", 9), LabelledCount("Expired", 3)],
        days: [day(1, [("Complete", 6), ("Expired", 2)]), day(2, [("Complete", 3)]), day(3, [("Expired", 1)])],
        from: LocalDate(year: 2026, month: 11, day: 1), to: LocalDate(year: 2026, month: 11, day: 3),
        known: KnownLabels.statuses)

    @Test func dailyUnicodeWithEighthTops() {
        let g = rendered(20, 7) { g, r in chart.render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "8┤░░░░░",
            " │▒▒▒▒▒",
            "4┤▒▒▒▒▒ ▄▄▄▄▄",
            "0┤▒▒▒▒▒ ▒▒▒▒▒ ▄▄▄▄▄",
            "  11-01 11-02 11-03",
            "▒ Complete 9",
            "░ Expired 3",
        ])
        // Statuses keep the fill and colour of their place in the life cycle (Complete 2, Expired 3), whichever
        // statuses the filters leave.
        #expect(g[14, 3].style.fg == .series(3))  // the partial top of day 3 is an Expired block
        #expect(g[8, 2].style.fg == .series(2))
    }

    @Test func dailyASCIIWholeCells() {
        let g = rendered(20, 7) { g, r in chart.render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "8++++++",
            " |%%%%%",
            "4+%%%%% %%%%%",
            "0+%%%%% %%%%% +++++",
            "  11-01 11-02 11-03",
            "% Complete 9",
            "+ Expired 3",
        ])
    }

    @Test func selectedColumnIsMarkedWithoutColour() {
        var c = chart
        c.selectedIndex = 1
        let g = rendered(20, 7) { g, r in c.render(into: &g, area: r, theme: .ascii()) }
        #expect(g.lines()[4] == "  11-01 11-02 11-03")
        #expect(g[8, 4].style.reverse)
        #expect(!g[2, 4].style.reverse)
        #expect(g[8, 3].style.bold && !g[2, 3].style.bold)
    }

    let fortnight = StackedColumnChart(
        series: [LabelledCount("Complete", 15)], days: (1...15).map { day($0, [("Complete", 1)]) },
        from: LocalDate(year: 2026, month: 11, day: 1), to: LocalDate(year: 2026, month: 11, day: 15),
        known: KnownLabels.statuses)

    @Test func aSelectedStatusIsReversedInItsColumnAndTheLegend() {
        var c = chart
        c.selectedIndex = 0
        c.selectedSeries = "Expired"
        let g = rendered(20, 7) { g, r in c.render(into: &g, area: r, theme: .ascii()) }
        // The same characters as without the selection (`dailyASCIIWholeCells`); only attributes change.
        #expect(g.lines() == rendered(20, 7) { g, r in chart.render(into: &g, area: r, theme: .ascii()) }.lines())
        #expect(g[2, 0].style.reverse && g[6, 0].style.reverse)  // day 1's Expired cells
        #expect(!g[2, 1].style.reverse && !g[14, 3].style.reverse)  // its Complete cells; day 3's Expired
        #expect(g[0, 6].style.reverse && g[2, 6].style.reverse && !g[2, 5].style.reverse)  // the legend entry
    }

    @Test func moreDaysThanColumnsBucketsIntoWeeksASCII() {
        let g = rendered(14, 6) { g, r in fortnight.render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "8+    %%% %%%",
            " |    %%% %%%",
            "4+    %%% %%%",
            "0+%%% %%% %%%",
            "  11-01 weekly",
            "% Complete 15",
        ])
        let layout = fortnight.layout(in: g.bounds, theme: .ascii())!
        #expect(layout.granularity == .week)
        #expect(layout.buckets.map(\.total) == [1, 7, 7])
        #expect(layout.buckets[1].start == LocalDate(year: 2026, month: 11, day: 2))
        #expect(layout.buckets[1].end == LocalDate(year: 2026, month: 11, day: 8))
    }

    @Test func moreDaysThanColumnsBucketsIntoWeeksUnicode() {
        let g = rendered(14, 6) { g, r in fortnight.render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "8┤    ▄▄▄ ▄▄▄",
            " │    ▒▒▒ ▒▒▒",
            "4┤    ▒▒▒ ▒▒▒",
            "0┤▄▄▄ ▒▒▒ ▒▒▒",
            "  11-01 weekly",
            "▒ Complete 15",
        ])
    }

    @Test func emptyDaysInTheRangeAreEmptyColumns() {
        let b = DateBucketing.buckets(days: [day(3, [("Complete", 2)])], series: ["Complete"],
                                      from: LocalDate(year: 2026, month: 11, day: 1),
                                      to: LocalDate(year: 2026, month: 11, day: 4), granularity: .day)
        #expect(b.map(\.total) == [0, 0, 2, 0])
    }

    /// The buckets found by halving hold what a scan of every bucket for each day gave, at every granularity,
    /// for days in any order, repeated, and outside the range; the granularity chosen is the first that fits.
    @Test func bucketsMatchAScanOfEveryBucket() {
        func reference(_ days: [DayCounts], _ series: [String], _ from: LocalDate, _ to: LocalDate,
                       _ granularity: DateGranularity) -> [DateBucket] {
            var result = DateBucketing.emptyBuckets(series: series, from: from, to: to, granularity: granularity)
            for day in days where day.date >= from && day.date <= to {
                guard let b = result.firstIndex(where: { day.date >= $0.start && day.date <= $0.end }) else { continue }
                for entry in day.counts { if let s = series.firstIndex(of: entry.label) { result[b].counts[s] += entry.count } }
            }
            return result
        }
        var random = SystemRandomNumberGenerator()
        let series = ["Complete", "Expired", "Pending"]
        for _ in 0..<40 {
            let from = LocalDate(year: 2024, month: 1, day: 1).adding(days: Int.random(in: 0...700, using: &random))
            let to = from.adding(days: Int.random(in: -2...800, using: &random))
            let days = (0..<Int.random(in: 0...300, using: &random)).map { _ in
                DayCounts(date: from.adding(days: Int.random(in: -30...830, using: &random)),
                          counts: [LabelledCount(series.randomElement(using: &random)!, Int.random(in: 0...50, using: &random)),
                                   LabelledCount("Unknown", 7)])
            }
            for g in DateGranularity.allCases {
                #expect(DateBucketing.buckets(days: days, series: series, from: from, to: to, granularity: g)
                        == reference(days, series, from, to, g))
                #expect(DateBucketing.bucketCount(from: from, to: to, granularity: g)
                        == DateBucketing.emptyBuckets(series: series, from: from, to: to, granularity: g).count)
            }
            let maxColumns = Int.random(in: 0...120, using: &random)
            let chosen = DateBucketing.buckets(days: days, series: series, from: from, to: to, maxColumns: maxColumns)
            let expected = DateGranularity.allCases.first { g in
                reference(days, series, from, to, g).count <= max(1, maxColumns) || g == .year
            }!
            #expect(chosen.0 == expected && chosen.1 == reference(days, series, from, to, expected))
        }
    }

    /// The series' labels first, then labels only days carry, in order of first appearance, each once.
    @Test func seriesLabelsKeepOrderAndAddTheDaysOwn() {
        let chart = StackedColumnChart(series: [LabelledCount("A", 1), LabelledCount("B", 2)],
                                       days: [day(1, [("B", 1), ("C", 1)]), day(2, [("A", 1), ("B", 1)]),
                                              day(3, [("C", 1), ("A", 1), ("D", 2), ("C", 1)])])
        #expect(chart.seriesLabels == ["A", "B", "C", "D"])
        #expect(StackedColumnChart(series: [], days: [day(1, [("X", 1)])]).seriesLabels == ["X"])
    }

    @Test func niceMax() {
        #expect(StackedColumnChart.niceMax(1) == 2)
        #expect(StackedColumnChart.niceMax(7) == 8)
        #expect(StackedColumnChart.niceMax(13) == 20)
        #expect(StackedColumnChart.niceMax(37) == 40)
        #expect(StackedColumnChart.niceMax(1234) == 1500)
    }

    @Test func noData() {
        let g = rendered(30, 4) { g, r in StackedColumnChart(series: [], days: []).render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, ["No deliveries in scope", "", "", ""])
    }
}

@Suite struct DonutChartWidgetTests {
    let donut = DonutChart(entries: [LabelledCount("CallEnded", 6), LabelledCount("NoAnswer", 3), LabelledCount("Busy", 1)],
                           known: KnownLabels.results)

    @Test func asciiRingAtCellResolution() {
        let g = rendered(35, 6) { g, r in donut.render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "   %%%###",
            " +++%%#####  # CallEnded  6 (60.0%)",
            "+++      ### + NoAnswer   3 (30.0%)",
            "+++      ### % Busy       1 (10.0%)",
            " +++#######",
            "   ######",
        ])
    }

    @Test func unicodeWithoutColourUsesFillCharacters() {
        let g = rendered(35, 6) { g, r in donut.render(into: &g, area: r, theme: .unicode(colors: false)) }
        expectLines(g, [
            "   ▒▒▒███",
            " ░░░▒▒█████  █ CallEnded  6 (60.0%)",
            "░░░      ███ ░ NoAnswer   3 (30.0%)",
            "░░░      ███ ▒ Busy       1 (10.0%)",
            " ░░░███████",
            "   ██████",
        ])
    }

    @Test func brailleRingWithCentreText() {
        let d = DonutChart(entries: [LabelledCount("A", 5)], centerText: "5")
        let g = rendered(25, 3) { g, r in d.render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "⢠⣶⠿⠿⣶⡄",
            "⣿⡇5 ⢸⣿ ▚ A  5 (100.0%)",  // a value of no known list: a slot from its text
            "⠘⠿⣶⣶⠿⠃",
        ])
    }

    @Test func selectedLegendEntryIsReversed() {
        var d = donut
        d.selectedIndex = 1
        let g = rendered(35, 6) { g, r in d.render(into: &g, area: r, theme: .ascii()) }
        #expect(g[15, 2].style.reverse)
        #expect(!g[15, 1].style.reverse)
    }

    @Test func smallSlicesBeyondTheRoomBecomeOther() {
        let e = [LabelledCount("a", 1), LabelledCount("b", 50), LabelledCount("c", 30), LabelledCount("d", 2)]
        #expect(DonutChart.legendEntries(e, room: 3) == [LabelledCount("b", 50), LabelledCount("c", 30), LabelledCount("Other", 3)])
        #expect(DonutChart.legendEntries(e, room: 4).map(\.label) == ["b", "c", "d", "a"])
    }

    @Test func nothingProcessed() {
        let g = rendered(30, 3) { g, r in DonutChart(entries: []).render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, ["No processed deliveries", "", ""])
    }
}

/// A value keeps its fill and colour whatever else is shown and however the counts rank.
@Suite struct SeriesSlotsTests {
    @Test func knownValuesKeepTheirSlotsAndShownValuesDiffer() {
        let statuses = KnownLabels.statuses
        #expect(SeriesSlots.assign(["Pending", "InProcess", "Complete"], known: statuses) == [0, 1, 2])
        #expect(SeriesSlots.assign(["Complete"], known: statuses) == [2])
        #expect(SeriesSlots.assign(["Error", "Complete"], known: statuses) == [5, 2])
        // Order of the input (a ranking by count) does not matter.
        let results = KnownLabels.results
        let a = SeriesSlots.assign(["CallEnded", "NoAnswer", "Busy"], known: results)
        let b = SeriesSlots.assign(["Busy", "CallEnded", "NoAnswer"], known: results)
        #expect(a == [b[1], b[2], b[0]])
        // Known values whose places share a slot (CallEnded 0, NotAHandset 8): the later one takes the next free slot.
        #expect(SeriesSlots.assign(["NotAHandset", "CallEnded"], known: results) == [1, 0])
        // Up to the number of slots, every value shown gets its own; unknown values too.
        let many = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8"]
        #expect(Set(SeriesSlots.assign(many, known: [])).count == SeriesSlots.count)
        #expect(SeriesSlots.assign(["zz"], known: []) == SeriesSlots.assign(["zz"], known: ["a", "b"]))  // by its text
    }
}
