import DashboardModel
import Testing
@testable import ProactiveTUI

@Suite struct FilterHistoryTests {
    @Test func applyRecordsOnlyRealChanges() {
        var h = FilterHistory(AppFixture.filters)
        #expect(!h.canUndo)
        let same = h.apply { $0.timeZone = "UTC" }  // same value: nothing recorded
        #expect(!same)
        #expect(!h.canUndo)
        let e1 = h.apply { $0.toggle(.queue, "q-coll") }
        #expect(e1)
        #expect(h.canUndo)
        #expect(h.current.selected(.queue) == ["q-coll"])
    }

    @Test func undoWalksBackInOrder() {
        var h = FilterHistory(AppFixture.filters)
        h.apply { $0.toggle(.queue, "q-coll") }
        h.apply { $0.range = .all }
        h.apply { $0.clearAll() }
        #expect(h.current.selections.isEmpty)
        let e2 = h.undo()
        #expect(e2)
        #expect(h.current.range == .all && h.current.selected(.queue) == ["q-coll"])
        let e3 = h.undo()
        #expect(e3)
        #expect(h.current.range == AppFixture.filters.range && h.current.selected(.queue) == ["q-coll"])
        let e4 = h.undo()
        #expect(e4)
        #expect(h.current == AppFixture.filters)
        let e5 = h.undo()
        #expect(!e5)
        #expect(h.current == AppFixture.filters)
        #expect(!h.canUndo)
    }

    @Test func historyIsBounded() {
        var h = FilterHistory(DashboardFilters(range: .lastDays(1), timeZone: "UTC"))
        for n in 2...150 { h.apply { $0.range = .lastDays(n) } }
        var undone = 0
        while h.undo() { undone += 1 }
        #expect(undone == 100)
        // The oldest states fell off: the earliest reachable is the 100th before the last.
        #expect(h.current.range == .lastDays(50))
    }
}

@Suite struct SidebarModelTests {
    @Test func sectionsAndItems() {
        let model = SidebarModel(data: AppFixture.data)
        #expect(model.sections.count == SidebarModel.sectionCount)
        #expect(model.sections.map(\.title) == ["Duration", "Time zone", "Channel", "Queue", "Configuration",
                                                "Conversation type", "Direction", "Dial mode", "Delivery status",
                                                "Delivery result"])
        // The fixture's range is custom.
        let duration = model.sections[0].items
        #expect(duration.map(\.label) == ["Today", "Last 7 days", "Last 30 days", "Last 90 days", "All dates",
                                          "Custom: 2026-11-02..2026-11-06"])
        #expect(duration.filter(\.selected).map(\.label) == ["Custom: 2026-11-02..2026-11-06"])
        // UTC is in the short list and selected; "Other…" ends the list.
        let zones = model.sections[1].items
        #expect(zones.first?.label == "UTC" && zones.first?.selected == true)
        #expect(zones.last?.action == .otherZone)
        // Facet lists carry counts and the selection; ids stay in the action.
        let queue = model.sections[3]
        #expect(queue.dimension == .queue && queue.isAll)
        #expect(queue.items.map(\.label) == ["Collections Q", "Renewals Q"])
        #expect(queue.items.map(\.count) == [4000, 2430])
        #expect(queue.items[1].action == .toggle(.queue, "q-ren"))
        let direction = model.sections[6]
        #expect(!direction.isAll)
        #expect(direction.items.map(\.selected) == [true, false])
    }

    @Test func aZoneOutsideTheShortListComesFirst() {
        var data = AppFixture.data
        data.filters.timeZone = "Pacific/Chatham"
        let zones = SidebarModel(data: data).sections[1].items
        #expect(zones.first?.label == "Pacific/Chatham" && zones.first?.selected == true)
        #expect(zones.count == SidebarModel.zoneChoices.count + 2)
    }

    @Test func searchNarrowsOnlyItsSection() {
        let model = SidebarModel(data: AppFixture.data, search: "ANSWER", searchSection: 9)
        #expect(model.sections[9].items.map(\.label) == ["LiveAnswer", "NoAnswer", "AnsweringMachine"])
        #expect(model.sections[8].items.count == 5)
        // A search that matches nothing leaves an empty list.
        let none = SidebarModel(data: AppFixture.data, search: "zzz", searchSection: 4)
        #expect(none.sections[4].items.isEmpty)
    }
}

@Suite struct SidebarCursorTests {
    let model = SidebarModel(data: AppFixture.data)

    @Test func moveItemClampsToTheList() {
        var cursor = SidebarCursor()
        cursor.section = 3  // queue: two values
        cursor.moveItem(by: -1, in: model)
        #expect(cursor.item == 0)
        cursor.moveItem(by: 1, in: model)
        cursor.moveItem(by: 1, in: model)
        cursor.moveItem(by: 5, in: model)
        #expect(cursor.item == 1)
        #expect(cursor.currentItem(in: model)?.label == "Renewals Q")
    }

    @Test func eachSectionKeepsItsOwnItem() {
        var cursor = SidebarCursor()
        cursor.moveItem(by: 3, in: model)  // Duration: Last 90 days
        cursor.moveSection(by: 1)
        #expect(cursor.section == 1 && cursor.item == 0)
        cursor.moveItem(by: 2, in: model)
        cursor.moveSection(by: -1)
        #expect(cursor.item == 3)
        #expect(cursor.currentItem(in: model)?.action == .setRange(.lastDays(90)))
        cursor.moveSection(by: 1)
        #expect(cursor.currentItem(in: model)?.label == "America/Chicago")
    }

    @Test func moveSectionClampsAtBothEnds() {
        var cursor = SidebarCursor()
        cursor.moveSection(by: -1)
        #expect(cursor.section == 0)
        cursor.moveSection(by: 100)
        #expect(cursor.section == SidebarModel.sectionCount - 1)
        cursor.moveSection(by: 1)
        #expect(cursor.section == 9)
    }

    @Test func jumpToEndAndHome() {
        var cursor = SidebarCursor()
        cursor.section = 8  // status: five values
        cursor.jumpItem(toEnd: true, in: model)
        #expect(cursor.item == 4)
        #expect(cursor.currentItem(in: model)?.label == "Error")
        cursor.jumpItem(toEnd: false, in: model)
        #expect(cursor.item == 0)
        // An empty list: the cursor stays at 0 and there is no current item.
        let empty = SidebarModel(data: AppFixture.data, search: "zzz", searchSection: 8)
        cursor.jumpItem(toEnd: true, in: empty)
        #expect(cursor.item == 0)
        #expect(cursor.currentItem(in: empty) == nil)
        cursor.moveItem(by: 1, in: empty)
        #expect(cursor.item == 0)
    }

    @Test func clampAfterTheListShrinks() {
        var cursor = SidebarCursor()
        cursor.section = 9  // result: five values
        cursor.jumpItem(toEnd: true, in: model)
        cursor.section = 4
        cursor.jumpItem(toEnd: true, in: model)  // configuration: third
        #expect(cursor.items[9] == 4 && cursor.items[4] == 2)
        // A new query returns fewer values; a search narrows the configuration list to one.
        var data = AppFixture.data
        data.facets[.result] = Array(data.facets[.result]!.prefix(2))
        let shrunk = SidebarModel(data: data, search: "win", searchSection: 4)
        #expect(cursor.currentItem(in: shrunk) == nil)  // before clamping, the cursor points past the list
        cursor.clamp(to: shrunk)
        #expect(cursor.items[9] == 1)
        #expect(cursor.items[4] == 0)
        #expect(cursor.currentItem(in: shrunk)?.label == "Win-back survey")
        // Lists that did not shrink keep their cursor; an emptied list goes to 0.
        cursor.section = 0
        cursor.moveItem(by: 4, in: shrunk)
        data.facets[.queue] = []
        let emptied = SidebarModel(data: data)
        cursor.items[3] = 1
        cursor.clamp(to: emptied)
        #expect(cursor.items[0] == 4)
        #expect(cursor.items[3] == 0)
    }
}
