import Foundation
import Testing
@testable import DashboardModel

/// Combinations carried from one write transaction to the next (`ComboCache`).
@Suite struct ComboCacheTests {
    struct Refused: Error {}

    @Test func aRolledBackTransactionLeavesNoCombinationBehind() throws {
        let s = try MXStore()
        try s.write(deliveries: [MX.d("a", "2026-11-05T10:00:00Z", "Pending")])
        #expect(throws: Refused.self) {
            try s.store.write(now: MX.instant(MX.defaultNow)) { w in
                try w.upsert(MX.d("b", "2026-11-05T11:00:00Z", "OnHold"))
                throw Refused()
            }
        }
        try s.write(deliveries: [MX.d("b", "2026-11-05T11:00:00Z", "OnHold")])
        #expect(try s.compute().mxStatus == ["Pending": 1, "OnHold": 1])
    }

    @Test func combinationsWrittenByAnotherStoreObjectAreReadBeforeUse() throws {
        let s = try MXStore()
        try s.write(deliveries: [MX.d("a", "2026-11-05T10:00:00Z", "Pending")])
        let other = try DeliveryStore.openForWriting(path: s.store.path)
        try other.write(now: MX.instant(MX.defaultNow)) { w in try w.upsert(MX.d("b", "2026-11-05T11:00:00Z", "Expired")) }
        // The first object's cache does not know "Expired": it must find the other's row, not insert a second one.
        try s.write(deliveries: [MX.d("c", "2026-11-05T12:00:00Z", "Expired"), MX.d("d", "2026-11-05T12:00:00Z", "Error")])
        #expect(try s.compute().mxStatus == ["Pending": 1, "Expired": 2, "Error": 1])
        let combos = try s.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM combos") ?? 0 }
        #expect(combos == 3)
    }
}
