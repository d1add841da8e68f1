import Foundation
import Testing
@testable import DashboardModel

/// `import --follow`: complete lines only, a partial last line waits, truncation and rotation start over,
/// a bad line is reported and skipped while the good ones land.
@Suite struct FeedFollowerTests {
    let folder: String

    init() throws {
        folder = try TestScratch.newFolder("follow").path
    }

    func line(_ id: String, _ status: String = "Pending", created: String = "2026-11-20T10:00:00Z",
              modified: String = "2026-11-20T10:00:00Z") -> String {
        #"{"msdyn_delivery_id": "\#(id)", "createdon": "\#(created)", "modifiedon": "\#(modified)", "msdyn_status": "\#(status)"}"#
    }

    func append(_ path: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func partialLastLineWaitsForItsEnd() throws {
        let path = folder + "/feed.jsonl"
        try (line("a") + "\n" + String(line("b").prefix(20))).write(toFile: path, atomically: false, encoding: .utf8)
        let follower = FileFollower(path: path)
        #expect(follower.readNewLines().lines.map(\.number) == [1])
        try append(path, String(line("b").dropFirst(20)) + "\n")
        let next = follower.readNewLines().lines
        #expect(next.map(\.number) == [2])
        #expect(String(decoding: next[0].bytes, as: UTF8.self) == line("b"))
        #expect(follower.readNewLines().lines.isEmpty)
    }

    @Test func truncationAndRotationStartFromTheTop() throws {
        let path = folder + "/feed.jsonl"
        try (line("a") + "\n" + line("b") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let follower = FileFollower(path: path)
        #expect(follower.readNewLines().lines.count == 2)
        // Truncated in place, then one new line: read from the top.
        try (line("c") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let afterTruncate = follower.readNewLines()
        #expect(afterTruncate.restarted)
        #expect(afterTruncate.lines.map(\.number) == [1])
        // Rotated: a new file under the same name (a new inode), longer than the old one.
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        try (line("d") + "\n" + line("e") + "\n" + line("f") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let afterRotate = follower.readNewLines()
        #expect(afterRotate.restarted)
        #expect(afterRotate.lines.count == 3)
    }

    @Test func csvKeepsItsHeaderAndQuotedNewlines() throws {
        let path = folder + "/feed.csv"
        try "msdyn_delivery_id,createdon,msdyn_status,msdyn_engagement_type\nx1,2026-11-20T10:00:00Z,Pending,\"AI\nled\"\n"
            .write(toFile: path, atomically: false, encoding: .utf8)
        let follower = FileFollower(path: path)
        let lines = follower.readNewLines().lines
        #expect(lines.map(\.number) == [2])
        let records = try RecordFileReader(name: path, bytes: follower.recordFile(for: lines[0].bytes)).readAll()
        guard case .delivery(let d) = records[0].record else { Issue.record("expected a delivery"); return }
        #expect(d.engagementType == "AI\nled")
        try append(path, "x2,2026-11-20T11:00:00Z,Complete,\n")
        #expect(follower.readNewLines().lines.map(\.number) == [4])
    }

    @Test func badLineIsSkippedAndGoodLinesLand() throws {
        let store = try DeliveryStore.openForWriting(path: folder + "/store.sqlite")
        let path = folder + "/feed.jsonl"
        try (line("a") + "\n{broken\n" + line("b") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let feed = FeedImporter(store: store, paths: [path])
        let first = try feed.poll(now: Date(timeIntervalSince1970: 1_764_000_000))
        #expect(first.summary.deliveries.inserted == 2)
        #expect(first.errors.count == 1)
        #expect(first.errors.first?.line == 2)
        #expect(first.errors.first?.file == path)
        // A newer version of "a" arrives: updated, and nothing else changes.
        try append(path, line("a", "Complete", modified: "2026-11-20T10:30:00Z") + "\n")
        let second = try feed.poll(now: Date(timeIntervalSince1970: 1_764_000_000))
        #expect(second.summary.deliveries.updated == 1)
        #expect(second.summary.deliveries.inserted == 0)
        #expect(second.errors.isEmpty)
        let third = try feed.poll(now: Date(timeIntervalSince1970: 1_764_000_000))
        #expect(third.summary.deliveries.total == 0)
    }
}
