/// The CSV export's hot loop: a row written from the statement's columns as bytes, the same cells
/// `DeliveryExporter.append(_:_:to:)` makes from a `DeliveryRow`, without a String per value. A value that is not
/// plain (a byte outside printable ASCII, a comma or quote, a formula's first character) takes the String path, so
/// every rule lives in one place (`CSVCell`, `ExportOptions.clean`). The cells of a combination's values are made once
/// per combination.
final class CSVRowWriter {
    private let exporter: DeliveryExporter
    private let columns: [ExportColumn]
    private let reader: DeliveryRowReader
    /// Cells of the combination's columns by combination id, then by position in `columns` (empty for others).
    private var comboCells: [Int64: [[UInt8]]] = [:]

    init(exporter: DeliveryExporter, reader: DeliveryRowReader) {
        self.exporter = exporter
        self.columns = exporter.options.columns
        self.reader = reader
    }

    func append(_ s: RawStatement, to out: inout [UInt8]) throws {
        let (comboId, combo) = try reader.combo(s)
        let cells = try comboCells[comboId] ?? makeComboCells(comboId, combo)
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(44) }
            switch column {
            case .status, .result, .dialMode, .configId, .queueId, .channel, .engagementType:
                out.append(contentsOf: cells[i])
            case .deliveryId: id(s, 1, to: &out)
            case .rowId: if s.isNull(5) { id(s, 1, to: &out) } else { id(s, 5, to: &out) }
            case .conversationId: if !s.isNull(16) { id(s, 16, to: &out) }
            case .createdOn: try time(s, 2, "created", to: &out, required: true)
            case .modifiedOn: try time(s, 3, "modified", to: &out, required: true)
            case .resultDate: try time(s, 8, "result_date", to: &out)
            case .startDate: try time(s, 9, "start_date", to: &out)
            case .endDate: try time(s, 10, "end_date", to: &out)
            case .windowStartDate: try time(s, 11, "window_start_date", to: &out)
            case .windowEndDate: try time(s, 12, "window_end_date", to: &out)
            case .toAddress: address(s, 6, to: &out)
            case .fromAddress: address(s, 7, to: &out)
            case .dispositionCodes: text(s, 13, to: &out)
            case .contactId: text(s, 14, to: &out)
            case .seqNo:
                if let n = try StoredInteger.readOptional(s, 15, "deliveries.seq_no", in: Int64.min...Int64.max) {
                    exporter.appendCSVCell(String(n), to: &out)
                }
            }
        }
        out.append(13)
        out.append(10)
    }

    private func makeComboCells(_ id: Int64, _ combo: ComboKey) throws -> [[UInt8]] {
        let cells = columns.map { column -> [UInt8] in
            let value: String
            switch column {
            case .status: value = combo.status
            case .result: value = combo.result
            case .dialMode: value = combo.dialMode
            case .configId: value = combo.configId
            case .queueId: value = combo.queueId
            case .channel: value = combo.channel
            case .engagementType: value = combo.engagementType
            default: return []
            }
            var cell: [UInt8] = []
            exporter.appendCSVCell(value, to: &cell)
            return cell
        }
        comboCells[id] = cells
        return cells
    }

    /// An id column: a packed GUID as its text, else the stored text.
    @inline(__always) private func id(_ s: RawStatement, _ c: Int32, to out: inout [UInt8]) {
        if s.isBlob(c), GUIDBytes.appendText(s.blob(c), to: &out) { return }
        text(s, c, to: &out)
    }

    @inline(__always) private func time(_ s: RawStatement, _ c: Int32, _ name: String, to out: inout [UInt8],
                                        required: Bool = false) throws {
        if !required, s.isNull(c) { return }
        ExportTime.append(try StoredInteger.read(s, c, "deliveries.\(name)", in: Int64.min...Int64.max), to: &out)
    }

    /// A text column: its bytes when plain, else through the String rules.
    @inline(__always) private func text(_ s: RawStatement, _ c: Int32, to out: inout [UInt8]) {
        if s.isNull(c) { return }
        let bytes = s.blob(c)
        if Self.isPlain(bytes) {
            out.append(contentsOf: bytes)
        } else {
            exporter.appendCSVCell(s.string(c) ?? "", to: &out)
        }
    }

    /// An address: masked from its bytes when they are plain, else through `CSVCell.masked`.
    @inline(__always) private func address(_ s: RawStatement, _ c: Int32, to out: inout [UInt8]) {
        if s.isNull(c) { return }
        if exporter.options.showAddresses { return text(s, c, to: &out) }
        let bytes = s.blob(c)
        if bytes.isEmpty { return }
        if Self.isPlain(bytes, first: false) {
            // Plain ASCII: the last four characters are the last four bytes (none shown when there are four or fewer).
            out.append(contentsOf: Self.bullets)
            if bytes.count > 4 { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 4)...])) }
        } else {
            exporter.appendCSVCell(CSVCell.masked(s.string(c) ?? ""), to: &out)
        }
    }

    private static let bullets: [UInt8] = Array(String(repeating: "•", count: 7).utf8)

    /// Printable ASCII without a comma or quote, and (for a cell's start) not a formula's first character.
    @inline(__always) static func isPlain(_ bytes: UnsafeRawBufferPointer, first: Bool = true) -> Bool {
        guard let head = bytes.first else { return true }
        if first, head == UInt8(ascii: "=") || head == UInt8(ascii: "+") || head == UInt8(ascii: "-") || head == UInt8(ascii: "@") {
            return false
        }
        for b in bytes where b < 0x20 || b >= 0x7F || b == 44 || b == 34 { return false }
        return true
    }
}
