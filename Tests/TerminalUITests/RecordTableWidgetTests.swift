import Testing
@testable import TerminalUI

/// `RecordTable`: columns fitted by rank (the lowest-ranked go first, the room left widens the highest-ranked), the
/// sorted column's mark, the empty text.
@Suite struct RecordTableWidgetTests {
    let columns = [
        RecordTable.Column("Name", min: 4, max: 10, rank: 3),
        RecordTable.Column("City", min: 4, max: 6, rank: 1),
        RecordTable.Column("N", min: 3, max: 3, rank: 2, alignment: .right),
    ]
    let rows = [["Ann", "Oslo", "12"], ["Bo", "Rome", "7"]]

    @Test func everyColumnFitsAndTheRoomWidensTheHighestRankedFirst() {
        let table = RecordTable(columns: columns, rows: rows, sortedColumn: 2, descending: true)
        let g = rendered(20, 3) { g, r in table.render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "Name       City   N▼",
            "Ann        Oslo   12",
            "Bo         Rome    7",
        ])
        #expect(RecordTable.fit(columns, width: 20).map(\.width) == [10, 5, 3])
    }

    @Test func theLowestRankedColumnGoesWhenNarrow() {
        let table = RecordTable(columns: columns, rows: rows, sortedColumn: 2, descending: true)
        let g = rendered(10, 3) { g, r in table.render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "Name    N▼",
            "Ann     12",
            "Bo       7",
        ])
        #expect(RecordTable.fit(columns, width: 10).map(\.column) == [0, 2])
    }

    @Test func asciiMarksAnAscendingSortWithACaretAndAnEmptyListSaysSo() {
        let sorted = RecordTable(columns: columns, rows: rows, sortedColumn: 0)
        let g = rendered(20, 3) { g, r in sorted.render(into: &g, area: r, theme: .ascii()) }
        #expect(g.lines().first == "Name^      City    N")
        let empty = RecordTable(columns: columns, rows: [], emptyText: "No deliveries")
        let e = rendered(20, 3) { g, r in empty.render(into: &g, area: r, theme: .ascii()) }
        #expect(e.lines().count >= 2 && e.lines()[1] == "No deliveries")
    }
}
