import DashboardModel
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

@Suite struct DataTableWidgetTests {
    let queues = [
        QueueRow(id: "q1", name: "Collections Q", total: 1234, processed: 967),
        QueueRow(id: "q2", name: "東京 Support", total: 40, processed: 12),
        QueueRow(id: "q3", name: "Renewals", total: 5, processed: 5),
    ]

    @Test func scrollsToSelectedRowUnicode() {
        let table = DataTable.queues(queues, selectedRow: 2)
        let g = rendered(26, 3) { g, r in table.render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "Queue      Total Processed",
            "東京 Supp…    40        12",
            "Renewals       5         5",
        ])
        #expect(g[0, 2].style.reverse)
        #expect(!g[0, 1].style.reverse)
        #expect(table.positionText == "3/3")
        #expect(table.effectiveOffset(in: Rect(x: 0, y: 0, width: 26, height: 3)) == 1)
    }

    @Test func scrollsToSelectedRowASCII() {
        let table = DataTable.queues(queues, selectedRow: 2)
        let g = rendered(26, 3) { g, r in table.render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "Queue      Total Processed",
            "?? Support    40        12",
            "Renewals       5         5",
        ])
    }

    @Test func configurationsTruncateAndShowNullsASCII() {
        let rows = [
            ConfigurationRow(id: "c1", name: "Payment Reminder", status: "Active", priority: "Normal", total: 300, processed: 250),
            ConfigurationRow(id: "x9", name: "x9", status: nil, priority: nil, total: 2, processed: 0),
        ]
        let g = rendered(40, 4) { g, r in DataTable.configurations(rows).render(into: &g, area: r, theme: .ascii()) }
        expectLines(g, [
            "Configu~ Status Priority Total Processed",
            "Payment~ Active Normal     300       250",
            "x9       -      -            2         0",
            "",
        ])
    }

    @Test func hostileNamesAreSanitised() {
        let rows = [QueueRow(id: "q", name: "\u{1b}[2JEvil", total: 1, processed: 0)]
        let g = rendered(26, 2) { g, r in DataTable.queues(rows).render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, [
            "Queue      Total Processed",
            "\u{FFFD}[2JEvil       1         0",
        ])
    }

    @Test func emptyTable() {
        let g = rendered(26, 3) { g, r in DataTable.queues([]).render(into: &g, area: r, theme: .unicode()) }
        expectLines(g, ["Queue      Total Processed", "No deliveries in scope", ""])
    }

    @Test func scrollWindow() {
        #expect(ScrollWindow.offset(selected: 0, current: 5, visible: 3, count: 10) == 0)
        #expect(ScrollWindow.offset(selected: 9, current: 0, visible: 3, count: 10) == 7)
        #expect(ScrollWindow.offset(selected: 4, current: 3, visible: 3, count: 10) == 3)
        #expect(ScrollWindow.offset(selected: nil, current: 20, visible: 3, count: 10) == 7)
        #expect(ScrollWindow.offset(selected: 2, current: 1, visible: 5, count: 4) == 0)
    }
}

@Suite struct DateColumnsTableWidgetTests {
    let days = [
        DayTotals(date: LocalDate(year: 2026, month: 11, day: 1), total: 35, processed: 31),
        DayTotals(date: LocalDate(year: 2026, month: 11, day: 2), total: 1234, processed: 1000),
        DayTotals(date: LocalDate(year: 2026, month: 11, day: 3), total: 8, processed: 0),
    ]

    @Test func scrollsHorizontallyToSelectedDay() {
        let table = DateColumnsTable(days: days, selectedDay: 2)
        for theme in [Theme.unicode(), Theme.ascii()] {
            let g = rendered(30, 4) { g, r in table.render(into: &g, area: r, theme: theme) }
            expectLines(g, [
                "             11-02  11-03",
                "Total        1,234      8",
                "Processed    1,000      0",
                "Processed %  81.0%   0.0%",
            ])
            #expect(g[20, 0].style.reverse && g[24, 3].style.reverse)
            #expect(!g[13, 1].style.reverse)
        }
        #expect(table.positionText == "3/3")
    }
}
