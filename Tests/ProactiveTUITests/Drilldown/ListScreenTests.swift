@testable import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// The list as it draws: whole screens at 120x35 and 80x24 in Unicode and ASCII (literal lines, as
/// `ScreenGoldenTests`), masked and shown addresses, and a hostile string in every text column.
///
/// What was checked in the goldens: the header is the dashboard's (`AppFixture`); the panel's title names the
/// selection and its count (`Result LiveAnswer: 6 deliveries`); created times are in the filters' zone (UTC:
/// 2026-11-06 09:00 for 09:00:00Z); to-addresses show `•••••••0123` (`*******0123` in ASCII); disposition codes lose
/// their quotes; 120 columns keep created, id, status, result, configuration, to, result date, dispositions (queue,
/// dial mode, channel, modified and conversation dropped, least useful first); 80 columns keep created, id, status,
/// result and to; the sorted column has ▲ (`^`); the cursor's row is the second; the panel's footer gives the sort and
/// `2/6`; the footer lists the list's keys.
@Suite struct ListScreenTests {
    static let nine: Int64 = LocalDate(year: 2026, month: 11, day: 6).startInstant(in: TimeZone(identifier: "UTC")!) + 9 * 3600

    static var rows: [DeliveryRow] {
        let configs = [("cfg-geneve", "Relance clients – Genève"), ("cfg-cjk", "年末キャンペーン"), ("cfg-winback", "Win-back survey")]
        return (0..<6).map { k in
            let (configId, configName) = configs[k % 3]
            return DeliveryRow(
                key: Int64(k), deliveryId: String(format: "%02dd7ae04-8c5f-4f0e-9d3a-1c2b3a4d5e6f", k * 17), rowId: "",
                createdOn: nine + Int64(k) * 754, modifiedOn: nine + Int64(k) * 754 + 300, status: "Complete",
                result: "LiveAnswer", dialMode: "Progressive", configId: configId, configName: configName, queueId: "q-coll",
                queueName: "Collections Q", channel: "Voice", engagementType: "", direction: .outgoing,
                conversationId: String(format: "9abb8d49-0ca6-43e6-8028-def0b56bb1%02d", k),
                details: DeliveryDetails(toAddress: "+1425555\(1000 + k * 123)", resultDate: nine + Int64(k) * 754 + 240,
                                         dispositionCodes: k % 2 == 0 ? "\"PromiseToPay\",\"SpokeToAgent\"" : ""))
        }
    }

    static func list(_ rows: [DeliveryRow] = rows, height: Int = 35, width: Int = 120) -> DeliveryListState {
        let target = DrilldownTarget(filters: AppFixture.filters, selection: .result("LiveAnswer"), label: "Result LiveAnswer",
                                     figure: rows.count)
        var list = DeliveryListState(target: target)
        list.pageSize = DeliveryListScreen.pageSize(width: width, height: height, headerHeight: HeaderBar(data: AppFixture.data).preferredHeight)
        list.load(from: MemoryListSource(rows))
        list.move(by: 1)
        return list
    }

    static func screen(_ width: Int, _ height: Int, unicode: Bool = true, showAddresses: Bool = false,
                       list: DeliveryListState? = nil) -> Grid {
        var state = UIState()
        state.list = list ?? Self.list(height: height, width: width)
        var context = ScreenContext(theme: unicode ? .unicode(colors: false) : .ascii(colors: false))
        context.showAddresses = showAddresses
        return ScreenComposer.compose(data: AppFixture.data, state: state, context: context, width: width, height: height).grid
    }

    static func blank(_ width: Int, ascii: Bool = false) -> String {
        ascii ? "|" + String(repeating: " ", count: width - 2) + "|" : "│" + String(repeating: " ", count: width - 2) + "│"
    }

    @Test func unicode120x35() {
        expectLines(Self.screen(120, 35), [
            "Proactive Outbound · Total 6,430 · Processed 5,550 (86.3%)                                              Updated 16:45:30",
            "2026-11-02..2026-11-06 · UTC · Direction: Outgoing",
            "Pending 400 · In progress 160 · Throughput 240/h · Clear in 1h 40m · Abandoned/attempted 10.8% · Connect 64.9%",
            "┌ Result LiveAnswer: 6 deliveries ─────────────────────────────────────────────────────────────────────────────────────┐",
            "│Created▲         Delivery id        Status    Result       Configuration    To           Result date      Dispositions│",
            "│2026-11-06 09:00 00d7ae04-8c5f-4f0… Complete  LiveAnswer   Relance clients… •••••••1000  2026-11-06 09:04 PromiseToPa…│",
            "│2026-11-06 09:12 17d7ae04-8c5f-4f0… Complete  LiveAnswer   年末キャンペーン •••••••1123  2026-11-06 09:16             │",
            "│2026-11-06 09:25 34d7ae04-8c5f-4f0… Complete  LiveAnswer   Win-back survey  •••••••1246  2026-11-06 09:29 PromiseToPa…│",
            "│2026-11-06 09:37 51d7ae04-8c5f-4f0… Complete  LiveAnswer   Relance clients… •••••••1369  2026-11-06 09:41             │",
            "│2026-11-06 09:50 68d7ae04-8c5f-4f0… Complete  LiveAnswer   年末キャンペーン •••••••1492  2026-11-06 09:54 PromiseToPa…│",
            "│2026-11-06 10:02 85d7ae04-8c5f-4f0… Complete  LiveAnswer   Win-back survey  •••••••1615  2026-11-06 10:06             │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "└──────────────────────────────────────────────────────────────────────────────────────────────── sort Created ▲ · 2/6 ┘",
            "↑↓ move · Esc back · / search · s sort · e export · S reverse · ? keys · q quit",
        ])
    }
    @Test func ascii120x35() {
        expectLines(Self.screen(120, 35, unicode: false), [
            "Proactive Outbound | Total 6,430 | Processed 5,550 (86.3%)                                              Updated 16:45:30",
            "2026-11-02..2026-11-06 | UTC | Direction: Outgoing",
            "Pending 400 | In progress 160 | Throughput 240/h | Clear in 1h 40m | Abandoned/attempted 10.8% | Connect 64.9%",
            "+ Result LiveAnswer: 6 deliveries -------------------------------------------------------------------------------------+",
            "|Created^         Delivery id        Status    Result       Configuration    To           Result date      Dispositions|",
            "|2026-11-06 09:00 00d7ae04-8c5f-4f0~ Complete  LiveAnswer   Relance clients~ *******1000  2026-11-06 09:04 PromiseToPa~|",
            "|2026-11-06 09:12 17d7ae04-8c5f-4f0~ Complete  LiveAnswer   ????????         *******1123  2026-11-06 09:16             |",
            "|2026-11-06 09:25 34d7ae04-8c5f-4f0~ Complete  LiveAnswer   Win-back survey  *******1246  2026-11-06 09:29 PromiseToPa~|",
            "|2026-11-06 09:37 51d7ae04-8c5f-4f0~ Complete  LiveAnswer   Relance clients~ *******1369  2026-11-06 09:41             |",
            "|2026-11-06 09:50 68d7ae04-8c5f-4f0~ Complete  LiveAnswer   ????????         *******1492  2026-11-06 09:54 PromiseToPa~|",
            "|2026-11-06 10:02 85d7ae04-8c5f-4f0~ Complete  LiveAnswer   Win-back survey  *******1615  2026-11-06 10:06             |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "|                                                                                                                      |",
            "+------------------------------------------------------------------------------------------------ sort Created ^ | 2/6 +",
            "up/down move | Esc back | / search | s sort | e export | S reverse | ? keys | q quit",
        ])
    }
    @Test func unicode80x24() {
        expectLines(Self.screen(80, 24), [
            "Proactive Outbound · Total 6,430 · Processed 5,550 (86.3%)      Updated 16:45:30",
            "2026-11-02..2026-11-06 · UTC · Direction: Outgoing",
            "Pend 400 · InProg 160 · Thru 240/h · Clear 1h 40m · Aband/att 10.8% · Conn 64.9%",
            "┌ Result LiveAnswer: 6 deliveries ─────────────────────────────────────────────┐",
            "│Created▲         Delivery id               Status    Result       To          │",
            "│2026-11-06 09:00 00d7ae04-8c5f-4f0e-9d3a-… Complete  LiveAnswer   •••••••1000 │",
            "│2026-11-06 09:12 17d7ae04-8c5f-4f0e-9d3a-… Complete  LiveAnswer   •••••••1123 │",
            "│2026-11-06 09:25 34d7ae04-8c5f-4f0e-9d3a-… Complete  LiveAnswer   •••••••1246 │",
            "│2026-11-06 09:37 51d7ae04-8c5f-4f0e-9d3a-… Complete  LiveAnswer   •••••••1369 │",
            "│2026-11-06 09:50 68d7ae04-8c5f-4f0e-9d3a-… Complete  LiveAnswer   •••••••1492 │",
            "│2026-11-06 10:02 85d7ae04-8c5f-4f0e-9d3a-… Complete  LiveAnswer   •••••••1615 │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└──────────────────────────────────────────────────────── sort Created ▲ · 2/6 ┘",
            "↑↓ move · Esc back · / search · s sort · e export · S reverse · ? keys · q quit",
        ])
    }
    @Test func ascii80x24() {
        expectLines(Self.screen(80, 24, unicode: false), [
            "Proactive Outbound | Total 6,430 | Processed 5,550 (86.3%)      Updated 16:45:30",
            "2026-11-02..2026-11-06 | UTC | Direction: Outgoing",
            "Pend 400 | InProg 160 | Thru 240/h | Clear 1h 40m | Aband/att 10.8% | Conn 64.9%",
            "+ Result LiveAnswer: 6 deliveries ---------------------------------------------+",
            "|Created^         Delivery id               Status    Result       To          |",
            "|2026-11-06 09:00 00d7ae04-8c5f-4f0e-9d3a-~ Complete  LiveAnswer   *******1000 |",
            "|2026-11-06 09:12 17d7ae04-8c5f-4f0e-9d3a-~ Complete  LiveAnswer   *******1123 |",
            "|2026-11-06 09:25 34d7ae04-8c5f-4f0e-9d3a-~ Complete  LiveAnswer   *******1246 |",
            "|2026-11-06 09:37 51d7ae04-8c5f-4f0e-9d3a-~ Complete  LiveAnswer   *******1369 |",
            "|2026-11-06 09:50 68d7ae04-8c5f-4f0e-9d3a-~ Complete  LiveAnswer   *******1492 |",
            "|2026-11-06 10:02 85d7ae04-8c5f-4f0e-9d3a-~ Complete  LiveAnswer   *******1615 |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "+-------------------------------------------------------- sort Created ^ | 2/6 +",
            "up/down move | Esc back | / search | s sort | e export | ? keys | q quit",
        ])
    }

    @Test func addressesAreMaskedUnlessShown() {
        let masked = Self.screen(120, 35).lines().joined(separator: "\n")
        #expect(masked.contains("•••••••1000"))
        #expect(!masked.contains("+14255551000"))
        #expect(!masked.contains("5551000"))
        let ascii = Self.screen(120, 35, unicode: false).lines().joined(separator: "\n")
        #expect(ascii.contains("*******1000"))
        #expect(!ascii.contains("5551000"))
        let shown = Self.screen(120, 35, showAddresses: true).lines().joined(separator: "\n")
        #expect(shown.contains("+14255551000"))
        // The one masking function: the export's.
        #expect(ListColumn.toAddress.text(Self.rows[0], zone: TimeZone(identifier: "UTC")!, showAddresses: false, ascii: false)
            == CSVCell.masked("+14255551000"))
        #expect(CSVCell.masked("1234", bullet: "*") == "*******")
        #expect(CSVCell.masked("", bullet: "*") == "")
    }

    @Test func timesAreInTheFiltersZone() {
        let zone = TimeZone(identifier: "Asia/Kathmandu")!  // +05:45
        #expect(ListColumn.created.text(Self.rows[0], zone: zone, showAddresses: false, ascii: false) == "2026-11-06 14:45")
        #expect(ListTime.format(Self.nine, TimeZone(identifier: "America/New_York")!) == "2026-11-06 04:00")
    }

    @Test func titleSaysTheSearchAndTheFooterTheSort() {
        var list = Self.list()
        list.setSearch("promise")
        list.load(from: MemoryListSource(Self.rows))
        list.reverseSort()
        list.load(from: MemoryListSource(Self.rows))
        let lines = Self.screen(120, 35, list: list).lines()
        #expect(lines[3].hasPrefix("┌ Result LiveAnswer: 3 of 6 deliveries matching \"promise\" ─"))
        #expect(lines[4].contains("Created▼"))
        #expect(lines[33].hasSuffix(" sort Created ▼ · 1/3 ┘"))
        list.setSearch("nothing like it")
        list.load(from: MemoryListSource(Self.rows))
        let none = Self.screen(120, 35, list: list).lines()
        #expect(none[5] == "│No delivery matches the search" + String(repeating: " ", count: 88) + "│")
        #expect(none[33].hasSuffix(" sort Created ▼ · 0 ┘"))
    }

    /// Every text column of a row holds the hostile string: no unsafe character reaches a cell, every line keeps the
    /// screen's width, and the border stays where it is.
    @Test("a hostile string in every text column", arguments: HostileText.table.map(\.name))
    func hostileTextInEveryColumn(_ name: String) throws {
        let value = try #require(HostileText.table.first { $0.name == name }?.value)
        var row = Self.rows[0]
        row.deliveryId = value
        row.status = value
        row.result = value
        row.dialMode = value
        row.configName = value
        row.queueName = value
        row.channel = value
        row.conversationId = value
        row.details.toAddress = value
        row.details.dispositionCodes = value
        var rows = Self.rows
        rows[1] = row
        for unicode in [true, false] {
            for (width, height) in [(120, 35), (80, 24)] {
                for showAddresses in [false, true] {
                    var list = Self.list(rows, height: height, width: width)
                    list.setSearch(value)  // the title shows the search too
                    list.load(from: MemoryListSource(rows))
                    let grid = Self.screen(width, height, unicode: unicode, showAddresses: showAddresses, list: list)
                    let text = grid.lines().joined(separator: "\n")
                    #expect(HostileText.violations(in: text).isEmpty, "\(name) \(width)x\(height)")
                    for line in grid.lines() { #expect(DisplayWidth.of(line) <= width, "\(name): \(line)") }
                    let border = unicode ? "│" : "|"
                    for line in grid.lines()[4..<(height - 2)] {
                        #expect(line.hasPrefix(border) && line.hasSuffix(border), "\(name) \(width)x\(height): \(line)")
                    }
                }
            }
        }
    }
}
