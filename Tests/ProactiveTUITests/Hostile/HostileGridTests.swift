import CommandSupport
import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI
@testable import TerminalUI

/// Every hostile string in every text the dashboard draws (configuration, queue, status, result and dial mode
/// names, facet labels, the active filters): no unsafe character reaches a cell, and every row keeps its width.
@Suite("Hostile text on the dashboard's grid and through the command-line writer")
struct HostileGridTests {
    static func hostileData(_ value: String) -> DashboardData {
        var d = AppFixture.data
        d.byConfiguration[0].name = value
        d.byConfiguration[1].id = value  // an unknown id is shown as the name
        d.byConfiguration[1].name = value
        d.byConfiguration[0].status = value
        d.byConfiguration[0].priority = value
        d.byQueue[0].name = value
        d.deliveriesByStatus[0] = CountEntry(value, d.deliveriesByStatus[0].count)
        d.processedByResult[0] = CountEntry(value, d.processedByResult[0].count)
        d.processedByDialMode[0] = CountEntry(value, d.processedByDialMode[0].count)
        d.statusByDate[4].counts[0] = CountEntry(value, d.statusByDate[4].counts[0].count)
        for dimension in FilterDimension.allCases {
            if var values = d.facets[dimension], !values.isEmpty {
                values[0].label = value
                values[0].value = value
                values[0].selected = true
                d.facets[dimension] = values
            }
        }
        d.filters.set(.queue, [value])
        d.filters.set(.status, [value])
        return d
    }

    @Test("no unsafe character reaches a cell", arguments: HostileText.table.map(\.name))
    func gridIsClean(_ name: String) throws {
        let value = try #require(HostileText.table.first { $0.name == name }?.value)
        let data = Self.hostileData(value)
        for unicode in [true, false] {
            for (width, height) in [(120, 35), (70, 20)] {
                let theme: Theme = unicode ? .unicode(colors: true) : .ascii(colors: true)
                let grid = ScreenComposer.compose(data: data, state: UIState(), context: ScreenContext(theme: theme),
                                                  width: width, height: height).grid
                for cell in grid.cells {
                    let bad = HostileText.violations(in: cell.text)
                    #expect(bad.isEmpty, "\(name), \(width)x\(height), unicode \(unicode): \(bad) in cell \(cell.text.debugDescription)")
                    #expect(cell.text.unicodeScalars.count <= TerminalGlyph.maxScalars)
                }
                // Every row takes exactly the grid's width: nothing shifts a border.
                for y in 0..<height {
                    var columns = 0
                    for x in 0..<width where !grid[x, y].isContinuation { columns += max(1, DisplayWidth.of(grid[x, y].text)) }
                    #expect(columns == width, "\(name): row \(y) takes \(columns) columns")
                }
                #expect(HostileText.violations(in: grid.lines().joined(separator: "\n")).isEmpty)
            }
        }
    }

    @Test("the command-line writer makes every line safe and bounded", arguments: HostileText.table.map(\.name))
    func consoleLineIsClean(_ name: String) throws {
        let value = try #require(HostileText.table.first { $0.name == name }?.value)
        let line = Console.safe("deliveries.json:3: record 2, column msdyn_status: " + value)
        #expect(HostileText.violations(in: line).isEmpty, "\(HostileText.violations(in: line))")
        #expect(line.count <= Console.lineLimit)
        #expect(!line.contains("\n"))
        let shown = SafeText.value(value)
        #expect(shown.count <= TextSafety.valueLimit)
        #expect(HostileText.violations(in: shown).isEmpty)
    }
}
