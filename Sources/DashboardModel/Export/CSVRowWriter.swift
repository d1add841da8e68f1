/// The CSV export's hot loop: a row written from the statement's columns as bytes into an `ExportBuffer`, the same
/// cells `DeliveryExporter.append(_:_:to:)` makes from a `DeliveryRow`, without a String per value. A value that is not
/// plain (a byte outside printable ASCII, a comma or quote, a formula's first character) takes the String path, so
/// every rule lives in one place (`CSVCell`, `ExportOptions.clean`).
///
/// The columns are compiled once into a list of steps with plain payloads (no reference counting per row). The cells
/// of the combination's columns (status, result, dial mode, configuration, queue, channel, type) are made once per
/// combination: each run of such columns that stand next to each other is one block of bytes, commas included. The
/// date part of a time (`2026-11-05T`) is kept for the last few days seen.
final class CSVRowWriter {
    private enum Step {
        /// A run of combination columns (its number in `runs`).
        case combo(Int)
        case deliveryId
        case rowId
        case conversationId
        /// A time column: statement column, its name's index in `timeNames`, whether a value is required.
        case time(Int32, Int, Bool)
        case address(Int32)
        case text(Int32)
        case seqNo
    }

    private let exporter: DeliveryExporter
    private let reader: DeliveryRowReader
    private let steps: [Step]
    private let runs: [[ExportColumn]]
    private let timeNames: [String]
    private let showAddresses: Bool

    /// Combination id -> dense number (or -1 when not seen yet), for ids below `directIds`; larger ids (hand-made
    /// stores) go through `sparseIds`.
    private var denseById: [Int32] = []
    private var sparseIds: [Int64: Int32] = [:]
    private static let directIds = 1 << 20
    /// Per dense number and run: where the run's cells start in `comboBytes`, and their length.
    private var spans: [Int] = []
    private var denseCount = 0
    private let comboBytes = ExportBuffer(capacity: 1 << 16)
    /// The String path's scratch.
    private var scratch: [UInt8] = []
    /// Date parts (`YYYY-MM-DDT`, 11 bytes) of the last days seen, 8 slots by day number, each slot 32 bytes (the
    /// whole 20-byte instant is written there, then its first 11 bytes are copied).
    private let cachedDays = UnsafeMutablePointer<Int64>.allocate(capacity: 8)
    private let cachedPrefixes = UnsafeMutablePointer<UInt8>.allocate(capacity: 8 * 32)

    init(exporter: DeliveryExporter, reader: DeliveryRowReader) {
        self.exporter = exporter
        self.reader = reader
        showAddresses = exporter.options.showAddresses
        var steps: [Step] = [], runs: [[ExportColumn]] = [], timeNames: [String] = []
        var previousWasCombo = false
        for column in exporter.options.columns {
            let isCombo: Bool
            switch column {
            case .status, .result, .dialMode, .configId, .queueId, .channel, .engagementType:
                isCombo = true
                if previousWasCombo { runs[runs.count - 1].append(column) } else {
                    steps.append(.combo(runs.count))
                    runs.append([column])
                }
            case .deliveryId: isCombo = false; steps.append(.deliveryId)
            case .rowId: isCombo = false; steps.append(.rowId)
            case .conversationId: isCombo = false; steps.append(.conversationId)
            case .createdOn, .modifiedOn, .resultDate, .startDate, .endDate, .windowStartDate, .windowEndDate:
                isCombo = false
                let (c, name, required): (Int32, String, Bool) = switch column {
                case .createdOn: (2, "created", true)
                case .modifiedOn: (3, "modified", true)
                case .resultDate: (8, "result_date", false)
                case .startDate: (9, "start_date", false)
                case .endDate: (10, "end_date", false)
                case .windowStartDate: (11, "window_start_date", false)
                default: (12, "window_end_date", false)
                }
                steps.append(.time(c, timeNames.count, required))
                timeNames.append(name)
            case .toAddress: isCombo = false; steps.append(.address(6))
            case .fromAddress: isCombo = false; steps.append(.address(7))
            case .dispositionCodes: isCombo = false; steps.append(.text(13))
            case .contactId: isCombo = false; steps.append(.text(14))
            case .seqNo: isCombo = false; steps.append(.seqNo)
            }
            previousWasCombo = isCombo
        }
        self.steps = steps
        self.runs = runs
        self.timeNames = timeNames
        cachedDays.initialize(repeating: Int64.min, count: 8)
        cachedPrefixes.initialize(repeating: 0, count: 8 * 32)
    }

    deinit {
        cachedDays.deallocate()
        cachedPrefixes.deallocate()
    }

    func append(_ s: RawStatement, to out: ExportBuffer) throws {
        let comboId = try StoredInteger.read(s, 4, "deliveries.combo", in: StoredInteger.comboId)
        let dense = try denseNumber(comboId, s)
        var first = true
        for step in steps {
            if first { first = false } else { out.append(44) }
            switch step {
            case .combo(let run):
                let at = dense * runs.count + run
                out.append(UnsafeRawBufferPointer(start: comboBytes.base + spans[2 * at], count: spans[2 * at + 1]))
            case .deliveryId: id(s, 1, to: out)
            case .rowId: if s.isNull(5) { id(s, 1, to: out) } else { id(s, 5, to: out) }
            case .conversationId: if !s.isNull(16) { id(s, 16, to: out) }
            case .time(let c, let name, let required):
                if !required, s.isNull(c) { continue }
                time(try StoredInteger.read(s, c, "deliveries.\(timeNames[name])", in: Int64.min...Int64.max), to: out)
            case .address(let c): address(s, c, to: out)
            case .text(let c): text(s, c, to: out)
            case .seqNo:
                guard let n = try StoredInteger.readOptional(s, 15, "deliveries.seq_no", in: Int64.min...Int64.max) else {
                    continue
                }
                if n >= 0 { digits(n, to: out) } else { slowCell(String(n), to: out) }
            }
        }
        out.append(13, 10)
    }

    /// The dense number of a combination, its cells made the first time it is seen.
    @inline(__always) private func denseNumber(_ id: Int64, _ s: RawStatement) throws -> Int {
        if id < Self.directIds {
            let i = Int(id)
            if i < denseById.count, denseById[i] >= 0 { return Int(denseById[i]) }
        } else if let dense = sparseIds[id] {
            return Int(dense)
        }
        return try makeCells(id, s)
    }

    @inline(never) private func makeCells(_ id: Int64, _ s: RawStatement) throws -> Int {
        let combo = try reader.combo(s).key
        let dense = denseCount
        denseCount += 1
        for run in runs {
            let start = comboBytes.count
            var cells: [UInt8] = []
            for (k, column) in run.enumerated() {
                if k > 0 { cells.append(44) }
                let value: String = switch column {
                case .status: combo.status
                case .result: combo.result
                case .dialMode: combo.dialMode
                case .configId: combo.configId
                case .queueId: combo.queueId
                case .channel: combo.channel
                default: combo.engagementType
                }
                exporter.appendCSVCell(value, to: &cells)
            }
            comboBytes.append(cells)
            spans.append(start)
            spans.append(comboBytes.count - start)
        }
        if id < Self.directIds {
            let i = Int(id)
            if denseById.count <= i { denseById.append(contentsOf: repeatElement(-1, count: i + 1 - denseById.count)) }
            denseById[i] = Int32(dense)
        } else {
            sparseIds[id] = Int32(dense)
        }
        return dense
    }

    /// An id column: a packed GUID as its text, else the stored text.
    @inline(__always) private func id(_ s: RawStatement, _ c: Int32, to out: ExportBuffer) {
        if s.isBlob(c) {
            let bytes = s.blob(c)
            if bytes.count == 16 {
                _ = GUIDBytes.write(bytes, to: out.tail(reserving: 36))
                out.advance(36)
                return
            }
        }
        text(s, c, to: out)
    }

    /// A time as `ExportTime` writes it, the date part from the cache when the day was seen lately.
    @inline(__always) private func time(_ seconds: Int64, to out: ExportBuffer) {
        let day = floorDiv(seconds, 86_400)
        let slot = Int(day & 7)
        let prefix = cachedPrefixes + slot * 32
        if cachedDays[slot] != day {
            // Only the days of the years 0...9999 (the 20-byte form) are kept; others are written in full.
            guard Self.cachedDayRange.contains(day) else {
                out.advance(ExportTime.write(seconds, to: out.tail(reserving: ExportTime.maxBytes)))
                return
            }
            _ = ExportTime.write(day * 86_400, to: prefix)
            cachedDays[slot] = day
        }
        let t = out.tail(reserving: 20)
        t.update(from: prefix, count: 11)
        let s = Int(seconds - day * 86_400)
        let digits = ExportTime.twoDigits.utf8Start
        @inline(__always) func two(_ at: Int, _ v: Int) {
            t[at] = digits[v &* 2]
            t[at + 1] = digits[v &* 2 + 1]
        }
        two(11, s / 3600); t[13] = 58
        two(14, (s % 3600) / 60); t[16] = 58
        two(17, s % 60); t[19] = 90
        out.advance(20)
    }

    /// A whole number that is not negative (no formula guard applies), in decimal.
    @inline(__always) private func digits(_ n: Int64, to out: ExportBuffer) {
        var value = UInt64(n)
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { t in
            var at = 24
            repeat {
                at -= 1
                t[at] = UInt8(48 + value % 10)
                value /= 10
            } while value > 0
            out.append(UnsafeRawBufferPointer(rebasing: t[at..<24]))
        }
    }

    /// A text column: its bytes when plain, else through the String rules.
    @inline(__always) private func text(_ s: RawStatement, _ c: Int32, to out: ExportBuffer) {
        if s.isNull(c) { return }
        let bytes = s.blob(c)
        if Self.isPlain(bytes) {
            out.append(bytes)
        } else {
            slowCell(s.string(c) ?? "", to: out)
        }
    }

    /// An address: masked from its bytes when they are plain, else through `CSVCell.masked`.
    @inline(__always) private func address(_ s: RawStatement, _ c: Int32, to out: ExportBuffer) {
        if s.isNull(c) { return }
        if showAddresses { return text(s, c, to: out) }
        let bytes = s.blob(c)
        if bytes.isEmpty { return }
        if Self.isPlain(bytes, first: false) {
            // Plain ASCII: the last four characters are the last four bytes (none shown when there are four or fewer).
            Self.bullets.withUnsafeBytes { out.append($0) }
            if bytes.count > 4 { out.append(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 4)...])) }
        } else {
            slowCell(CSVCell.masked(s.string(c) ?? ""), to: out)
        }
    }

    /// One cell through `DeliveryExporter.appendCSVCell` (cleaning, formula guard, quoting).
    @inline(never) private func slowCell(_ value: String, to out: ExportBuffer) {
        scratch.removeAll(keepingCapacity: true)
        exporter.appendCSVCell(value, to: &scratch)
        out.append(scratch)
    }

    /// Day numbers of 0000-01-01 through 9999-12-31.
    private static let cachedDayRange: ClosedRange<Int64> = -719_528...2_932_896

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
