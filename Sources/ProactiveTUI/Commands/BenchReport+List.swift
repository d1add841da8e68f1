import Bench
import DashboardModel
import Foundation

/// The drill-down list's first page and the CSV export, in `bench`'s table and JSON (issue 12's figures).
extension BenchReport {
    static let listP95Target = 50.0, exportTarget = 500_000.0

    var listStats: DurationStats { DurationStats(list.map(\.totalMs)) }
    var listInconsistent: Int { list.filter { !$0.consistent }.count }

    /// The kinds of selection in the order they were measured, each with its samples' statistics.
    var listByKind: [(kind: String, stats: DurationStats)] {
        var kinds: [String] = []
        for sample in list where !kinds.contains(sample.kind) { kinds.append(sample.kind) }
        return kinds.map { kind in (kind, DurationStats(list.filter { $0.kind == kind }.map(\.totalMs))) }
    }

    var listTable: [String] {
        guard !list.isEmpty else { return [] }
        var out: [String] = []
        func ms(_ v: Double) -> String { String(format: "%.2f ms", v) }
        let s = listStats
        let states = Set(list.map(\.state)).count
        out.append(Self.line("list first page (\(ListBenchmark.pageSize) rows) + count, \(s.count) queries",
                             "median \(ms(s.median)), p95 \(ms(s.p95)), max \(ms(s.max)) (\(states) states)",
                             "p95 ≤ 50: " + (s.p95 <= Self.listP95Target ? "met" : "MISSED")))
        out.append(Self.line("  of which count", "median \(ms(DurationStats(list.map(\.countMs)).median)), p95 \(ms(DurationStats(list.map(\.countMs)).p95))", ""))
        for (kind, k) in listByKind {
            out.append(Self.line("  \(kind)", "median \(ms(k.median)), p95 \(ms(k.p95)), max \(ms(k.max))", ""))
        }
        out.append(Self.line("  page rows = min(count, \(ListBenchmark.pageSize))",
                             listInconsistent == 0 ? "in every query" : "NOT in \(listInconsistent) queries", ""))
        return out
    }

    var exportTable: [String] {
        exports.map { r in
            Self.line("export CSV, \(r.rows.formatted()) rows, \(r.workers) worker\(r.workers == 1 ? "" : "s")",
                      String(format: "%.2f s, %.0f rows/s (CPU %.2f s, %.0f MB)", r.seconds, r.rowsPerSecond,
                             r.cpuSeconds, Double(r.bytes) / 1e6),
                      r.workers == 1 ? "" : "≥ 500000/s: " + (r.rowsPerSecond >= Self.exportTarget ? "met" : "MISSED"))
        }
    }

    var listJSON: JSONValue {
        let s = listStats
        let kinds: [JSONValue] = listByKind.map { entry in
            .object([("kind", .string(entry.kind)), ("medianMs", .double(entry.stats.median)),
                     ("p95Ms", .double(entry.stats.p95)), ("maxMs", .double(entry.stats.max))])
        }
        return .object([("pageSize", .int(ListBenchmark.pageSize)), ("queries", .int(s.count)),
                        ("states", .int(Set(list.map(\.state)).count)),
                        ("medianMs", .double(s.median)), ("p95Ms", .double(s.p95)), ("maxMs", .double(s.max)),
                        ("countP95Ms", .double(DurationStats(list.map(\.countMs)).p95)),
                        ("byKind", .array(kinds)), ("inconsistent", .int(listInconsistent)),
                        ("targetP95Ms", .double(Self.listP95Target)), ("met", .bool(s.p95 <= Self.listP95Target))])
    }

    var exportJSON: JSONValue {
        .array(exports.map { r in
            .object([("workers", .int(r.workers)), ("rows", .int(r.rows)), ("bytes", .int(r.bytes)),
                     ("seconds", .double(r.seconds)), ("cpuSeconds", .double(r.cpuSeconds)),
                     ("rowsPerSecond", .double(r.rowsPerSecond)), ("targetRowsPerSecond", .int(Int(Self.exportTarget)))])
        })
    }
}
