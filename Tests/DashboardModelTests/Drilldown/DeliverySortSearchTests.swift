import Foundation
import Testing
@testable import DashboardModel

/// The list's sort and search, done in SQL: every sort column gives the rows in the order the values give them
/// (ties in created order, the same direction), both ways; the search finds exactly the rows whose id, address or
/// disposition codes contain the text; counts follow the search; paging by offset through a sort gives the whole list.
@Suite struct DeliverySortSearchTests {
    static let now = MX.instant(DeliveryQueryTests.now)

    static func value(_ row: DeliveryRow, _ column: DeliverySort.Column) -> String {
        func blank(_ s: String) -> String { s.isEmpty ? "(Blank)" : s }
        switch column {
        case .created: return ""
        case .deliveryId: return row.deliveryId
        case .status: return row.status
        case .result: return blank(row.result)
        case .dialMode: return blank(row.dialMode)
        case .configuration: return blank(row.configName.isEmpty ? row.configId : row.configName)
        case .queue: return blank(row.queueName.isEmpty ? row.queueId : row.queueName)
        case .channel: return blank(row.channel)
        case .toAddress: return row.details.toAddress
        case .resultDate: return row.details.resultDate.map { String(format: "%020lld", $0) } ?? ""
        case .dispositionCodes: return row.details.dispositionCodes
        case .modified: return String(format: "%020lld", row.modifiedOn)
        case .conversationId: return row.conversationId
        }
    }

    @Test func everyColumnSortsBothWays() throws {
        let s = try DeliveryQueryTests.store()
        let index = try s.index()
        let filters = MX.filters(.all, tz: "UTC")
        let all = try DeliveryQuery(filters: filters, now: Self.now).page(index: index, store: s.store, limit: 10_000).rows
        #expect(all.count == 600)
        for column in DeliverySort.Column.allCases {
            for descending in [false, true] {
                let query = DeliveryQuery(filters: filters, now: Self.now, sort: DeliverySort(column, descending: descending))
                let rows = try query.page(index: index, store: s.store, limit: 10_000).rows
                #expect(rows.count == all.count, "\(column)")
                #expect(Set(rows.map(\.key)) == Set(all.map(\.key)), "\(column)")
                // Adjacent rows: the value does not go backwards; on equal values, created order in the same direction.
                for (a, b) in zip(rows, rows.dropFirst()) {
                    let (va, vb) = (Self.value(a, column).lowercased(), Self.value(b, column).lowercased())
                    let ok = descending ? (va > vb || (va == vb && (a.createdOn, a.key) > (b.createdOn, b.key)))
                                        : (va < vb || (va == vb && (a.createdOn, a.key) < (b.createdOn, b.key)))
                    #expect(ok, "\(column) \(descending ? "desc" : "asc"): \(va) then \(vb)")
                    if !ok { break }
                }
                // Paging by offset through the sort gives the same rows.
                var paged: [DeliveryRow] = []
                for offset in stride(from: 0, to: 600, by: 130) {
                    paged += try query.page(index: index, store: s.store, offset: offset, limit: 130).rows
                }
                #expect(paged == rows, "\(column) paged")
            }
        }
    }

    @Test func searchFindsIdsAddressesAndDispositionCodes() throws {
        let s = try MXStore()
        let guid = "3b7dae04-8c5f-4f0e-9d3a-1c2b3a4d5e6f"
        var deliveries = [
            Delivery(deliveryId: guid, createdOn: MX.utc("2026-11-09T10:00:00Z"), status: "Complete", result: "CallEnded",
                     details: DeliveryDetails(toAddress: "+14255550001", dispositionCodes: "\"PromiseToPay\"")),
            Delivery(deliveryId: "ORDER-77", createdOn: MX.utc("2026-11-09T11:00:00Z"), status: "Pending",
                     details: DeliveryDetails(toAddress: "+442079460000", dispositionCodes: "\"SpokeToAgent\",\"PromiseToPay\"")),
            Delivery(deliveryId: "order-78", createdOn: MX.utc("2026-11-09T12:00:00Z"), status: "Pending",
                     details: DeliveryDetails(toAddress: "+14255559999")),
        ]
        deliveries.append(Delivery(deliveryId: "100%_literal", createdOn: MX.utc("2026-11-09T13:00:00Z"), status: "Error"))
        try s.write(now: DeliveryQueryTests.now, deliveries: deliveries)
        let index = try s.index()
        func ids(_ text: String, selection: DeliverySelection = .all) throws -> [String] {
            let query = DeliveryQuery(filters: MX.filters(.all, tz: "UTC"), selection: selection, now: Self.now, search: text)
            let rows = try query.page(index: index, store: s.store, limit: 100).rows
            #expect(try query.count(index: index, store: s.store) == rows.count, "count for \(text)")
            return rows.map(\.deliveryId)
        }
        #expect(try ids("") == [guid, "ORDER-77", "order-78", "100%_literal"])
        #expect(try ids("8C5F-4F0E") == [guid], "a packed GUID, by its text, any case")
        #expect(try ids("3b7dae048c5f") == [guid], "a packed GUID's digits without hyphens")
        #expect(try ids("order-7") == ["ORDER-77", "order-78"], "text ids, any case")
        #expect(try ids("4255559") == ["order-78"], "to-address")
        #expect(try ids("promisetopay") == [guid, "ORDER-77"], "disposition codes")
        #expect(try ids("promisetopay", selection: .status("Pending")) == ["ORDER-77"], "within the selection")
        #expect(try ids("%") == ["100%_literal"], "no LIKE wildcards")
        #expect(try ids("_") == ["100%_literal"])
        #expect(try ids("nothing-like-it").isEmpty)
        #expect(try ids("  order-78 ") == ["order-78"], "blanks around the text are ignored")
    }

    @Test func aCursorPagesOnlyTheCreatedOrder() throws {
        let s = try DeliveryQueryTests.store()
        let index = try s.index()
        let filters = MX.filters(.all, tz: "UTC")
        let newest = DeliveryQuery(filters: filters, now: Self.now, sort: DeliverySort.created.reversed)
        let all = try newest.page(index: index, store: s.store, limit: 10_000).rows
        var byCursor: [DeliveryRow] = []
        var cursor: DeliveryCursor?
        repeat {
            let page = try newest.page(index: index, store: s.store, after: cursor, limit: 97)
            byCursor += page.rows
            cursor = page.next
        } while cursor != nil
        #expect(byCursor == all)
        #expect(all.first.map(\.createdOn) == all.map(\.createdOn).max())
        let sorted = DeliveryQuery(filters: filters, now: Self.now, sort: DeliverySort(.status))
        #expect(throws: StoreError.self) {
            _ = try sorted.page(index: index, store: s.store, after: all[0].cursor, limit: 10)
        }
    }
}
