import Foundation

/// Writes the rows of a `DeliveryQuery` as CSV (RFC 4180, a header of logical names, CRLF line ends) or JSON Lines
/// (one object a line, keys the logical names), in created order, to a `ByteSink`.
public struct DeliveryExporter: Sendable {
    public let options: ExportOptions
    /// Bytes gathered before they go to the sink.
    let flushBytes: Int
    /// CSV from `DeliveryRow` values rather than from the statement's bytes (tests compare the two).
    var bySlowPath = false
    /// Threads of the CSV export (`ParallelCSVExport`; default: one per core, at most 4); 1 reads on one thread.
    public var workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4)
    /// Rows a piece of the parallel export holds, about (by the index's counts).
    var rowsPerPiece = 20_000

    public init(options: ExportOptions) { self.init(options: options, flushBytes: 1 << 20) }

    init(options: ExportOptions, flushBytes: Int) {
        self.options = options
        self.flushBytes = flushBytes
    }

    /// Returns the number of rows written.
    @discardableResult
    public func export(_ query: DeliveryQuery, index: AggregateIndex, store: DeliveryStore, to sink: ByteSink) throws -> Int {
        if options.format == .csv, !bySlowPath, query.readsInCreatedOrder {
            return try exportCSV(query, index: index, store: store, to: sink)
        }
        if options.format == .csv, !bySlowPath { return try exportSortedCSV(query, index: index, store: store, to: sink) }
        var out: [UInt8] = []
        out.reserveCapacity(flushBytes + 65_536)
        let columns = options.columns
        if options.format == .csv {
            CSVCell.appendRow(columns.map { clean($0.name) }, to: &out)
        }
        var rows = 0
        try query.forEach(index: index, store: store) { row in
            append(row, columns, to: &out)
            rows += 1
            if out.count >= flushBytes {
                try sink.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try sink.write(out)
        return rows
    }

    /// CSV from the statement's bytes in another order or narrowed by a search (the list's `s` and `/`): one read.
    private func exportSortedCSV(_ query: DeliveryQuery, index: AggregateIndex, store: DeliveryStore,
                                 to sink: ByteSink) throws -> Int {
        var header: [UInt8] = []
        CSVCell.appendRow(options.columns.map { clean($0.name) }, to: &header)
        try sink.write(header)
        let out = ExportBuffer(capacity: flushBytes + 65_536)
        var writer: CSVRowWriter?
        var rows = 0
        try query.forEachStatement(index: index, store: store) { statement, reader in
            if writer == nil { writer = CSVRowWriter(exporter: self, reader: reader) }
            try writer!.append(statement, to: out)
            rows += 1
            if out.count >= flushBytes {
                try sink.write(raw: out.bytes)
                out.removeAll()
            }
        }
        try sink.write(raw: out.bytes)
        return rows
    }

    /// CSV from the statement's bytes (`CSVRowWriter`): on several threads when the selection is large enough to cut
    /// into pieces and the output needs no cleaning (a terminal's export stays on one), else on one read.
    private func exportCSV(_ query: DeliveryQuery, index: AggregateIndex, store: DeliveryStore,
                           to sink: ByteSink) throws -> Int {
        let plan = query.plan(index)
        var header: [UInt8] = []
        CSVCell.appendRow(options.columns.map { clean($0.name) }, to: &header)
        try sink.write(header)
        if plan.isEmpty { return 0 }
        if workers > 1, options.clean == nil {
            let cuts = query.pieceCuts(plan, index: index, rowsPerPiece: rowsPerPiece)
            if !cuts.isEmpty {
                let parallel = ParallelCSVExport(exporter: self, plan: plan, cuts: cuts, workers: min(workers, cuts.count + 1))
                if let rows = try parallel.run(index: index, store: store, to: sink) { return rows }
            }
        }
        return try store.read { db in
            let reader = try DeliveryQuery.prepareRows(db, catalog: index.catalog)
            let writer = CSVRowWriter(exporter: self, reader: reader)
            let out = ExportBuffer(capacity: flushBytes + 65_536)
            var rows = 0
            try DeliveryQuery.forEachRow(db, plan: try query.boundedToRecent(db, plan, index: index)) { statement in
                try writer.append(statement, to: out)
                rows += 1
                if out.count >= flushBytes {
                    try sink.write(raw: out.bytes)
                    out.removeAll()
                }
            }
            try sink.write(raw: out.bytes)
            return rows
        }
    }

    /// One row: CSV cells or a JSON object, then the line end.
    func append(_ row: DeliveryRow, _ columns: [ExportColumn], to out: inout [UInt8]) {
        switch options.format {
        case .csv:
            for (i, column) in columns.enumerated() {
                if i > 0 { out.append(44) }
                if let time = column.time(of: row) {
                    if let time { ExportTime.append(time, to: &out) }
                    continue
                }
                var value = column.value(of: row)
                if column.isAddress, !options.showAddresses { value = CSVCell.masked(value) }
                appendCSVCell(value, to: &out)
            }
            out.append(13)
            out.append(10)
        case .jsonl:
            out.append(UInt8(ascii: "{"))
            for (i, column) in columns.enumerated() {
                if i > 0 { out.append(44) }
                out.append(34)
                out.append(contentsOf: column.name.utf8)
                out.append(contentsOf: "\":".utf8)
                if let time = column.time(of: row) {
                    if let time {
                        out.append(34)
                        ExportTime.append(time, to: &out)
                        out.append(34)
                    } else {
                        out.append(contentsOf: "null".utf8)
                    }
                    continue
                }
                let value = cell(column, row)
                if value.isEmpty {
                    out.append(contentsOf: "null".utf8)
                } else if column.isNumber {
                    out.append(contentsOf: value.utf8)
                } else {
                    JSONLine.appendString(value, to: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
            out.append(10)
        }
    }

    /// One CSV cell from its text: cleaned (on a terminal), formula-guarded (unless raw), quoted as RFC 4180 asks.
    func appendCSVCell(_ value: String, to out: inout [UInt8]) {
        var value = clean(value)
        if !options.raw { value = CSVCell.formulaSafe(value) }
        CSVCell.append(value, to: &out)
    }

    private func cell(_ column: ExportColumn, _ row: DeliveryRow) -> String {
        var value = column.value(of: row)
        if column.isAddress, !options.showAddresses { value = CSVCell.masked(value) }
        return clean(value)
    }

    @inline(__always) private func clean(_ value: String) -> String {
        guard let clean = options.clean else { return value }
        // Plain printable ASCII needs no look.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return value }
        return clean(value)
    }
}

/// JSON strings for JSON Lines: quotes, backslashes and every control character escaped (C0, DEL, C1 as `\u00XX`),
/// and the line and paragraph separators too, so a line of JSONL is one line for every reader.
enum JSONLine {
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(34)
        let hex = Array("0123456789abcdef".utf8)
        for scalar in value.unicodeScalars {
            let v = scalar.value
            switch v {
            case 34: out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
                out.append(contentsOf: [92, UInt8(ascii: "u"), hex[Int(v >> 12) & 15], hex[Int(v >> 8) & 15],
                                        hex[Int(v >> 4) & 15], hex[Int(v) & 15]])
            default:
                if v < 0x80 { out.append(UInt8(v)) } else { out.append(contentsOf: String(scalar).utf8) }
            }
        }
        out.append(34)
    }
}
