import DashboardModel
import Foundation

/// `e` in the list: the list as it stands (its filters, selection, sort and search) written as CSV with the export
/// command's exporter (every column, addresses masked unless `--show-addresses`, formula-safe cells; a temporary
/// file renamed when complete) into the export folder, under a name made of the selection and the time.
enum ListExport {
    /// `deliveries-result-noanswer-20261106T164530Z.csv`: letters, digits, `-` and `.` only (anything else in the
    /// label becomes `-`, runs of them one), at most 60 characters of label.
    static func fileName(label: String, at now: Date) -> String {
        var slug = ""
        for scalar in label.lowercased().unicodeScalars {
            let v = scalar.value
            let safe = (v >= 48 && v <= 57) || (v >= 97 && v <= 122) || v == 46
            if safe {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        slug = String(slug.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let stamp = ExportStamp.utc(seconds)
        return "deliveries" + (slug.isEmpty ? "" : "-" + slug) + "-" + stamp + ".csv"
    }

    /// Writes the file; returns its path and how many rows it holds.
    static func write(_ list: DeliveryListState, directory: String, source: StoreListSource, showAddresses: Bool,
                      now: Date = Date()) throws -> (path: String, rows: Int) {
        let folder = directory.isEmpty ? "." : directory
        let base = (folder as NSString).appendingPathComponent(fileName(label: list.target.label, at: now))
        // Two exports in the same second: -2, -3, ... rather than replacing the first.
        var path = base
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = String(base.dropLast(4)) + "-\(n).csv"
            n += 1
        }
        let sink = try AtomicFileSink(path: path)
        let exporter = DeliveryExporter(options: ExportOptions(format: .csv, showAddresses: showAddresses))
        let rows = try exporter.export(list.query(now: now), index: source.index, store: source.store, to: sink)
        try sink.commit()
        return (path, rows)
    }
}

/// `20261106T164530Z`.
enum ExportStamp {
    static func utc(_ seconds: Int64) -> String {
        let day = LocalDate(dayNumber: Int(floorDiv(seconds, 86_400)))
        let s = Int(seconds - Int64(day.dayNumber) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return day.iso.replacingOccurrences(of: "-", with: "") + "T" + two(s / 3600) + two(s % 3600 / 60) + two(s % 60) + "Z"
    }
}
