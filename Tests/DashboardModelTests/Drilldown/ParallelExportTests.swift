import Foundation
import Testing
@testable import DashboardModel

/// The CSV export on several threads (`ParallelCSVExport`) writes exactly the bytes of the export on one read, in
/// every filter state and for pieces of every size; the pieces tile the range; the board writes pieces in order
/// whatever order they finish in, and workers that see different states of the store give up (the caller then
/// reads once).
@Suite struct ParallelExportTests {
    static let now = MX.instant(MX.defaultNow)

    final class Collect: ByteSink {
        var bytes: [UInt8] = []
        func write(_ more: [UInt8]) throws { bytes += more }
    }

    /// 3,000 deliveries over 40 days before now, mixed values (some hostile), GUID and text ids, some timestamps
    /// missing; deterministic.
    static func store() throws -> MXStore {
        let s = try MXStore()
        var seed: UInt64 = 0xfeed
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let statuses = ["Pending", "InProcess", "Complete", "Complete", "Expired", "=cmd", "Error"]
        let end = MX.utc(MX.defaultNow)
        var deliveries: [Delivery] = []
        for k in 0..<3000 {
            let created = end - Int64(next(40 * 86_400))
            let guid = String(format: "%08x-0000-4000-8000-%012x", k, k * 7)
            deliveries.append(Delivery(
                deliveryId: k % 5 == 0 ? "text-id,\(k)" : guid, createdOn: created, modifiedOn: created + Int64(next(9000)),
                status: statuses[next(statuses.count)], result: ["CallEnded", "", "NoAnswer"][next(3)],
                dialMode: ["Copilot", "Preview"][next(2)], configId: "cfg-\(next(5))", queueId: "q-\(next(4))",
                channel: next(4) == 0 ? "SMS" : "Voice", conversationId: k % 3 == 0 ? guid : "",
                details: DeliveryDetails(toAddress: k % 7 == 0 ? "+44 20 \"x\"" : "+1425555\(1000 + k)",
                                         resultDate: k % 2 == 0 ? created + 60 : nil,
                                         dispositionCodes: k % 11 == 0 ? "a,b" : "", seqNo: k % 4 == 0 ? nil : Int64(k - 50))))
        }
        try s.write(deliveries: deliveries)
        return s
    }

    @Test func manyThreadsWriteTheBytesOfOne() throws {
        let s = try Self.store()
        let index = try s.index()
        let states = [MX.filters(), MX.filters(.lastDays(7), tz: "Asia/Kathmandu"),
                      MX.filters(.all, [.status: ["Complete", "Pending"], .queue: ["q-1"]])]
        for filters in states {
            for selection: DeliverySelection in [.all, .processed, .queue(id: "q-2", processedOnly: false), .pending] {
                let query = DeliveryQuery(filters: filters, selection: selection, now: Self.now)
                var one = DeliveryExporter(options: ExportOptions())
                one.workers = 1
                let expected = Collect()
                let expectedRows = try one.export(query, index: index, store: s.store, to: expected)
                #expect(expectedRows == (try query.count(index: index, store: s.store)))
                for (workers, piece) in [(2, 1), (2, 150), (3, 400), (4, 10_000)] {
                    var many = DeliveryExporter(options: ExportOptions())
                    many.workers = workers
                    many.rowsPerPiece = piece
                    let got = Collect()
                    let rows = try many.export(query, index: index, store: s.store, to: got)
                    #expect(rows == expectedRows, "\(selection) \(workers) workers, pieces of \(piece)")
                    #expect(got.bytes == expected.bytes, "\(selection) \(workers) workers, pieces of \(piece)")
                }
            }
        }
    }

    @Test func piecesCutTheRangeAtSlotStartsIntoSimilarParts() throws {
        let s = try Self.store()
        let index = try s.index()
        let query = DeliveryQuery(filters: MX.filters(), now: Self.now)
        let plan = query.plan(index)
        let cuts = query.pieceCuts(plan, index: index, rowsPerPiece: 300)
        #expect(cuts.count >= 7 && cuts.count <= 10)
        #expect(cuts == cuts.sorted() && Set(cuts).count == cuts.count)
        #expect(cuts.allSatisfy { $0 % TimeSlots.slotSeconds == 0 })
        // Each piece holds at least the asked rows (the last may hold fewer, but not under a quarter of them).
        let bounds: [Int64?] = [nil] + cuts.map { Optional($0) } + [nil]
        var total = 0
        for k in 0..<(bounds.count - 1) {
            var rows = 0
            try s.store.read { db in
                try DeliveryQuery.forEachRow(db, plan: plan.narrowed(from: bounds[k], before: bounds[k + 1])) { _ in rows += 1 }
            }
            #expect(rows >= (k == bounds.count - 2 ? 75 : 300), "piece \(k)")
            total += rows
        }
        #expect(total == 3000)
        // Selections by modified time are one piece.
        let lastHour = DeliveryQuery(filters: MX.filters(), selection: .processedLastHour, now: Self.now)
        #expect(lastHour.pieceCuts(lastHour.plan(index), index: index, rowsPerPiece: 1).isEmpty)
    }

    @Test func theBoardWritesPiecesInOrderWhateverOrderTheyFinishIn() throws {
        let board = ExportPieceBoard(pieces: 40, workers: 3, ahead: 6)
        final class Lines: @unchecked Sendable {  // appended to only by the worker holding the writing turn
            var values: [UInt8] = []
        }
        let lines = Lines()
        WorkerThreads.run(3) { worker in
            #expect(board.agree(on: 7))
            while let piece = board.take() {
                usleep(UInt32((piece * 7919 + worker * 104_729) % 3000))
                let buffer = ExportBuffer(capacity: 8)
                buffer.append(UInt8(piece))
                try? board.finish(piece, buffer, rows: 2) { lines.values.append(contentsOf: $0) }
            }
        }
        #expect(lines.values == (0..<40).map { UInt8($0) })
        #expect(board.rows == 80)
        #expect(board.agreed)
    }

    @Test func workersThatSeeDifferentStatesOfTheStoreGiveUp() {
        let board = ExportPieceBoard(pieces: 4, workers: 2, ahead: 4)
        let results = Results()
        WorkerThreads.run(2) { worker in
            results.add(board.agree(on: Int64(10 + worker)))
        }
        #expect(results.values == [false, false])
        #expect(!board.agreed)
    }

    private final class Results: @unchecked Sendable {  // `values` only under `lock`
        private let lock = NSLock()
        private var stored: [Bool] = []
        func add(_ value: Bool) { lock.withLock { stored.append(value) } }
        var values: [Bool] { lock.withLock { stored } }
    }
}
