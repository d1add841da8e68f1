@testable import DashboardModel
import Foundation
@testable import ProactiveTUI

/// Rows in memory for the list's state tests: the source sorts and searches them as the store does (the column's
/// value, then created order, the whole order reversed for descending; search on id, address and codes), and keeps
/// every read it was asked for.
final class MemoryListSource: DeliveryListSource {
    var rows: [DeliveryRow]
    private(set) var reads: [(offset: Int, limit: Int, sort: DeliverySort)] = []
    private(set) var counts = 0

    init(_ rows: [DeliveryRow]) { self.rows = rows }

    static func value(_ row: DeliveryRow, _ column: DeliverySort.Column) -> String {
        switch column {
        case .created: ""
        case .deliveryId: row.deliveryId
        case .status: row.status
        case .result: row.result
        case .toAddress: row.details.toAddress
        default: ""
        }
    }

    func ordered(_ query: DeliveryQuery) -> [DeliveryRow] {
        let needle = query.search.lowercased()
        var list = rows.filter { row in
            needle.isEmpty || [row.deliveryId, row.details.toAddress, row.details.dispositionCodes]
                .contains { $0.lowercased().contains(needle) }
        }
        let column = query.sort.column
        list.sort { a, b in
            let (va, vb) = (Self.value(a, column), Self.value(b, column))
            return va != vb ? va < vb : (a.createdOn, a.key) < (b.createdOn, b.key)
        }
        return query.sort.descending ? list.reversed() : list
    }

    func count(_ query: DeliveryQuery) throws -> Int {
        counts += 1
        return ordered(query).count
    }

    func rows(_ query: DeliveryQuery, offset: Int, limit: Int) throws -> [DeliveryRow] {
        reads.append((offset, limit, query.sort))
        return Array(ordered(query).dropFirst(offset).prefix(limit))
    }
}

enum ListFixture {
    static let base: Int64 = 1_793_000_000  // 2026-10-26T...

    static func row(_ k: Int, created: Int64? = nil, status: String = "Complete", result: String = "CallEnded",
                    to: String = "+14255550000", codes: String = "") -> DeliveryRow {
        DeliveryRow(key: Int64(k), deliveryId: String(format: "d-%05d", k), rowId: "", createdOn: created ?? base + Int64(k) * 60,
                    modifiedOn: (created ?? base + Int64(k) * 60) + 30, status: status, result: result, dialMode: "Progressive",
                    configId: "cfg-1", configName: "Payment Reminder", queueId: "q-1", queueName: "Collections Q",
                    channel: "Voice", engagementType: "", direction: .outgoing, conversationId: "",
                    details: DeliveryDetails(toAddress: to, dispositionCodes: codes))
    }

    static func rows(_ n: Int) -> [DeliveryRow] { (0..<n).map { row($0) } }

    static var target: DrilldownTarget {
        DrilldownTarget(filters: AppFixture.filters, selection: .result("CallEnded"), label: "Result CallEnded", figure: 1000)
    }
}
