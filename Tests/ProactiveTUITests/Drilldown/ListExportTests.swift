import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI

/// `e`'s file: a name of safe characters from the selection and the time, the list's rows (its sort and search)
/// written with the exporter, a second export in the same second beside the first, and an unwritable folder an error
/// (no file, no crash).
@Suite struct ListExportTests {
    @Test func namesAreSafeCharactersOnly() {
        let at = Date(timeIntervalSince1970: 1_793_000_000)  // 2026-10-26T07:33:20Z
        #expect(ListExport.fileName(label: "Result NoAnswer", at: at) == "deliveries-result-noanswer-20261026T073320Z.csv")
        #expect(ListExport.fileName(label: "Configuration ../../etc/passwd\u{1B}[31m", at: at)
            == "deliveries-configuration-..-..-etc-passwd-31m-20261026T073320Z.csv")
        #expect(ListExport.fileName(label: "年末キャンペーン", at: at) == "deliveries-20261026T073320Z.csv")
        let long = ListExport.fileName(label: String(repeating: "a", count: 500), at: at)
        #expect(long.count < 100)
        for name in [long, ListExport.fileName(label: "Status Error on 2026-11-02..2026-11-08", at: at)] {
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }, "\(name)")
            #expect(!name.contains("/"))
        }
    }

    @Test func writesTheListSortedAndSearchedAndReportsAnUnwritableFolder() throws {
        let store = try DrilldownCountTests.Store()
        let source = StoreListSource(index: store.index, store: store.store)
        let data = MetricsEngine.compute(index: store.index, filters: DashboardFilters(range: .all, timeZone: "UTC"),
                                         now: DrilldownCountTests.now)
        let entry = try #require(data.processedByResult.first)
        var list = DeliveryListState(target: DrilldownTarget(filters: data.filters, selection: .result(entry.label),
                                                             label: "Result \(entry.label)", figure: entry.count))
        list.reverseSort()
        list.load(from: source, now: DrilldownCountTests.now)
        let folder = store.folder.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let first = try ListExport.write(list, directory: folder.path, source: source, showAddresses: false, now: DrilldownCountTests.now)
        #expect(first.rows == entry.count)
        let text = try String(contentsOfFile: first.path, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == entry.count + 1)
        // Newest first, as the list shows it.
        let created = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(created == created.sorted(by: >))
        let second = try ListExport.write(list, directory: folder.path, source: source, showAddresses: false, now: DrilldownCountTests.now)
        #expect(second.path != first.path)
        #expect(second.path.hasSuffix("-2.csv"))
        // A search narrows the file as it narrows the list.
        let id = String(lines[1].prefix(8))
        list.setSearch(id)
        list.load(from: source, now: DrilldownCountTests.now)
        let searched = try ListExport.write(list, directory: folder.path, source: source, showAddresses: false, now: DrilldownCountTests.now)
        #expect(searched.rows == list.count)
        #expect(searched.rows >= 1 && searched.rows < entry.count)
        #expect(throws: StoreError.self) {
            _ = try ListExport.write(list, directory: folder.appendingPathComponent("missing").path, source: source,
                                     showAddresses: false, now: DrilldownCountTests.now)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 3, "no partial file left")
    }
}
