import Foundation
import Testing

/// The drill-down on the real binary: zoom the result donut, select its first entry, `x` opens the list whose title
/// count equals the donut's figure (and snapshot's), `e` writes a CSV whose data rows equal that count into
/// `--export-dir`, and Esc brings the dashboard back with the same entry selected.
@Suite("End to end: drill-down list and its export")
struct DrilldownEndToEndTests {
    @Test("2, Down, x lists the result's deliveries; e exports them; Esc returns",
          .enabled(if: EndToEnd.canRunTmux, Comment(rawValue: EndToEnd.tmuxUnavailable ?? "")),
          .timeLimit(.minutes(1)))
    func examineAResultAndExport() async throws {
        let exports = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-e2e-exports-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: exports) }
        try await DashboardHarness.with(["--all-dates", "--export-dir", exports.path]) { h in
            try await h.waitForDashboard()
            let snapshot = try await h.store.snapshot(["--all-dates"])
            try #require(!snapshot.processedByResult.isEmpty)

            try await h.tmux.send("2")
            try await h.tmux.send("Down")
            let zoomed = try #require(await h.tmux.waitFor("the zoomed result donut with a selection") { lines in
                lines.contains { $0.contains("2 Processed deliveries by result") }
            })
            try await h.tmux.send("x")
            let list = try #require(await h.tmux.waitFor("the list's title") { lines in
                lines.contains { $0.contains("Result ") && $0.contains(" deliveries ") }
            })
            let titleLine = try #require(list.first { $0.contains("Result ") && $0.contains(" deliveries ") })
            let title = try #require(titleLine.range(of: "Result ").map { String(titleLine[$0.upperBound...]) })
            let label = String(title.prefix { $0 != ":" })
            let count = try #require(Screen.number(after: label + ": ", in: title))
            #expect(count == snapshot.processedByResult[label], "the list's count is the donut's figure for \(label)")
            // The zoomed donut's legend shows the same figure beside the label.
            let legend = zoomed.first { $0.contains(label) }
            #expect(legend?.contains(count.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) == true,
                    "legend: \(legend ?? "none")")
            #expect(list.contains { $0.contains("Delivery id") && $0.contains("Created") })
            // Addresses masked by default.
            #expect(!Screen.text(list).contains("+1425"))

            try await h.tmux.send("e")
            let written = try #require(await h.tmux.waitFor("the export's path in the footer") { lines in
                (lines.last ?? "").contains("wrote ")
            })
            let footer = written.last ?? ""
            #expect(footer.contains("wrote \(count.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) deliveries"))
            let files = try FileManager.default.contentsOfDirectory(atPath: exports.path)
            let csv = try #require(files.first { $0.hasPrefix("deliveries-result-") && $0.hasSuffix(".csv") }, "\(files)")
            #expect(files.count == 1, "no partial file left: \(files)")
            #expect(csv.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." })
            let text = try String(contentsOfFile: exports.appendingPathComponent(csv).path, encoding: .utf8)
            let lines = text.components(separatedBy: "\r\n").dropLast()
            #expect(lines.first?.hasPrefix("msdyn_delivery_id,") == true)
            #expect(lines.count - 1 == count, "the file's data rows equal the list's count")
            #expect(!text.contains("+1425"), "addresses masked in the file")

            // Esc: the dashboard again, the donut zoomed with its entry still selected.
            try await h.tmux.send("Escape")
            try #require(await h.tmux.waitFor("the dashboard again") { lines in
                lines.contains { $0.contains("2 Processed deliveries by result") } && (lines.last ?? "").contains("x list")
            })
            // The same entry is still selected: x lists it again.
            try await h.tmux.send("x")
            let again = try #require(await h.tmux.waitFor("the list again") { lines in lines.contains { $0.contains("Result ") && $0.contains(" deliveries ") } })
            #expect(again.contains(titleLine))
            try await h.tmux.send("Escape")
            try await h.quit()
        }
    }

    /// `export --sort` and `--search`: the list's order and search from the command line.
    @Test(.enabled(if: EndToEnd.executable != nil && EndToEnd.samples != nil), .timeLimit(.minutes(1)))
    func exportSortsAndSearchesAsTheListDoes() async throws {
        let store = try await EndToEndStore.make()
        defer { store.remove() }
        let total = try await store.snapshot(["--all-dates"]).totals.deliveries
        let sorted = try await store.run(["export", "--all-dates", "--sort", "status", "--descending", "--columns",
                                          "msdyn_status,msdyn_delivery_id,createdon"])
        #expect(sorted.status == 0, "\(sorted.stderr)")
        let rows = sorted.stdout.components(separatedBy: "\r\n").dropFirst().dropLast()
        #expect(rows.count == total)
        let statuses = rows.map { String($0.prefix { $0 != "," }) }
        #expect(statuses == statuses.sorted { $0.lowercased() > $1.lowercased() }, "statuses in descending order")
        let id = try #require(rows.first.map { $0.split(separator: ",")[1] })
        let found = try await store.run(["export", "--all-dates", "--search", String(id.prefix(13)).uppercased(), "--columns",
                                         "msdyn_delivery_id"])
        #expect(found.status == 0)
        #expect(found.stdout.components(separatedBy: "\r\n").dropFirst().dropLast() == [String(id)])
        let bad = try await store.run(["export", "--all-dates", "--sort", "colour"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("delivery-id"), "the accepted columns are named")
    }
}
