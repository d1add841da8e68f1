import Foundation
import Testing
@testable import DashboardModel
@testable import ProactiveTUI

/// The list's state against rows in memory: paging keeps the cursor on screen and reads only around it (the end
/// of the list from the end, in the mirrored order), sorting and searching start again from the first row, and a
/// refresh with new rows keeps the delivery under the cursor on the same line of the screen.
@Suite struct DeliveryListStateTests {
    func opened(_ rows: [DeliveryRow], pageSize: Int = 10) -> (DeliveryListState, MemoryListSource) {
        let source = MemoryListSource(rows)
        var list = DeliveryListState(target: ListFixture.target)
        list.pageSize = pageSize
        list.load(from: source)
        return (list, source)
    }

    func keys(_ rows: some Sequence<DeliveryRow>) -> [Int64] { rows.map(\.key) }

    @Test func pagingMovesTheCursorAndTheWindow() {
        var (list, source) = opened(ListFixture.rows(1000))
        #expect(list.count == 1000)
        #expect(keys(list.visibleRows) == Array(0..<10))
        #expect(list.currentRow?.key == 0)
        for _ in 0..<25 { list.move(by: 1) }
        list.load(from: source)
        #expect(list.cursor == 25)
        #expect(list.top == 16, "the cursor on the last line of the screen")
        #expect(keys(list.visibleRows) == Array(16..<26))
        list.page(by: 1)
        list.load(from: source)
        #expect(list.cursor == 35)
        #expect(list.top == 26)
        #expect(list.currentRow?.key == 35)
        list.page(by: -1)
        list.page(by: -1)
        list.page(by: -1)
        list.load(from: source)
        #expect(list.cursor == 5)
        #expect(list.top == 0)
        list.move(by: -10)
        #expect(list.cursor == 0, "clamped at the first row")

        let readsBefore = source.reads.count
        list.toLast()
        list.load(from: source)
        #expect(list.cursor == 999)
        #expect(list.top == 990)
        #expect(keys(list.visibleRows) == Array(990..<1000))
        #expect(list.currentRow?.key == 999)
        // Read from the end in the mirrored order: a small offset, not 980 rows skipped.
        let last = try? #require(source.reads.last)
        #expect(source.reads.count == readsBefore + 1)
        #expect(last?.sort == DeliverySort.created.reversed)
        #expect((last?.offset ?? 999) < 20)
        list.move(by: 5)
        #expect(list.cursor == 999, "clamped at the last row")
        list.toFirst()
        list.load(from: source)
        #expect(keys(list.visibleRows) == Array(0..<10))
    }

    @Test func movingInsideTheWindowReadsNothing() {
        var (list, source) = opened(ListFixture.rows(200))
        let reads = source.reads.count
        list.move(by: 3)
        list.load(from: source)
        list.move(by: 6)
        list.load(from: source)
        #expect(source.reads.count == reads)
        #expect(list.currentRow?.key == 9)
    }

    @Test func sortCyclesColumnsAndReverses() {
        var rows = ListFixture.rows(30)
        for i in rows.indices { rows[i].deliveryId = String(format: "id-%02d", (i * 7) % 30) }
        var (list, source) = opened(rows)
        list.move(by: 4)
        list.cycleSort()
        list.load(from: source)
        #expect(list.sort == DeliverySort(.deliveryId))
        #expect(list.cursor == 0, "a new sort starts at the first row")
        #expect(list.visibleRows.map(\.deliveryId) == (0..<10).map { String(format: "id-%02d", $0) })
        list.reverseSort()
        list.load(from: source)
        #expect(list.sort == DeliverySort(.deliveryId, descending: true))
        #expect(list.visibleRows.map(\.deliveryId) == (20..<30).reversed().map { String(format: "id-%02d", $0) })
        // Every column in turn, then back to created.
        for _ in 0..<(DeliverySort.Column.allCases.count - 1) { list.cycleSort() }
        #expect(list.sort == .created)
    }

    @Test func searchCountsAndListsTheMatches() {
        var rows = ListFixture.rows(100)
        rows[42].details.dispositionCodes = "\"PromiseToPay\""
        rows[77].details.toAddress = "+4420794600"
        var (list, source) = opened(rows)
        list.move(by: 50)
        list.setSearch("promisetopay")
        list.load(from: source)
        #expect(list.count == 1)
        #expect(list.cursor == 0)
        #expect(keys(list.visibleRows) == [42])
        list.setSearch("d-0007")
        list.load(from: source)
        #expect(keys(list.visibleRows) == [70, 71, 72, 73, 74, 75, 76, 77, 78, 79])
        list.setSearch("442079")
        list.load(from: source)
        #expect(keys(list.visibleRows) == [77])
        list.setSearch("no such thing")
        list.load(from: source)
        #expect(list.count == 0)
        #expect(list.visibleRows.isEmpty)
        #expect(list.currentRow == nil)
        list.setSearch("")
        list.load(from: source)
        #expect(list.count == 100)
    }

    @Test func refreshKeepsTheCursorsDelivery() {
        var (list, source) = opened(ListFixture.rows(100))
        for _ in 0..<50 { list.move(by: 1) }
        list.load(from: source)
        let before = (key: list.currentRow?.key, line: list.cursor - list.top)
        #expect(before.key == 50)
        // Late rows created before the cursor's and new ones after it.
        source.rows += (1000..<1005).map { ListFixture.row($0, created: ListFixture.base + 10 * 60 + 5) }
        source.rows += (2000..<2010).map { ListFixture.row($0, created: ListFixture.base + 5000 * 60) }
        list.refresh(from: source)
        #expect(list.count == 115)
        #expect(list.currentRow?.key == before.key, "the same delivery under the cursor")
        #expect(list.cursor == 55)
        #expect(list.cursor - list.top == before.line, "on the same line of the screen")
        // New rows appear in order: the end of the list holds them, oldest first.
        list.toLast()
        list.load(from: source)
        #expect(keys(list.visibleRows) == Array(2000..<2010))
    }

    @Test func refreshNewestFirstKeepsTheCursorsDeliveryAsRowsArriveOnTop() {
        var (list, source) = opened(ListFixture.rows(100))
        list.reverseSort()
        list.load(from: source)
        #expect(list.currentRow?.key == 99)
        list.move(by: 3)
        list.load(from: source)
        #expect(list.currentRow?.key == 96)
        source.rows += (2000..<2004).map { ListFixture.row($0, created: ListFixture.base + 5000 * 60) }
        list.refresh(from: source)
        #expect(list.currentRow?.key == 96)
        #expect(list.cursor == 7)
        #expect(list.cursor - list.top == 3)
        list.toFirst()
        list.load(from: source)
        #expect(keys(list.visibleRows.prefix(5)) == [2003, 2002, 2001, 2000, 99])
    }

    @Test func aRowThatLeavesTheListLeavesTheCursorInPlace() {
        var (list, source) = opened(ListFixture.rows(40))
        list.move(by: 12)
        list.load(from: source)
        source.rows.removeAll { $0.key == 12 }
        list.refresh(from: source)
        #expect(list.count == 39)
        #expect(list.cursor == 12)
        #expect(list.currentRow?.key == 13)
    }
}
