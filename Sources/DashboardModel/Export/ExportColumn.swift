import Foundation

/// A column of `export`, named by its Dataverse logical name (the CSV header, the JSONL keys).
public enum ExportColumn: String, CaseIterable, Sendable {
    case deliveryId = "msdyn_delivery_id"
    case rowId = "msdyn_proactive_deliveryid"
    case createdOn = "createdon"
    case modifiedOn = "modifiedon"
    case status = "msdyn_status"
    case result = "msdyn_result"
    case dialMode = "msdyn_dialmode_type"
    case configId = "msdyn_proactive_engagement_config_id"
    case queueId = "msdyn_queue_id"
    case channel = "msdyn_channel"
    case conversationId = "msdyn_conversation_id"
    case engagementType = "msdyn_engagement_type"
    case toAddress = "msdyn_to_address"
    case fromAddress = "msdyn_from_address"
    case resultDate = "msdyn_result_date"
    case startDate = "msdyn_start_date"
    case endDate = "msdyn_end_date"
    case windowStartDate = "msdyn_window_start_date"
    case windowEndDate = "msdyn_window_end_date"
    case dispositionCodes = "msdyn_disposition_codes"
    case contactId = "msdyn_contact_id"
    case seqNo = "msdyn_seq_no"

    public var name: String { rawValue }

    /// Phone numbers: personal data, masked unless asked for.
    public var isAddress: Bool { self == .toAddress || self == .fromAddress }

    /// Columns whose values are whole numbers (JSONL writes them as numbers).
    var isNumber: Bool { self == .seqNo }

    /// A time column's value (nil: none, or not a time column): written as bytes, it needs no quoting or guard.
    func time(of row: DeliveryRow) -> Int64?? {
        switch self {
        case .createdOn: return .some(row.createdOn)
        case .modifiedOn: return .some(row.modifiedOn)
        case .resultDate: return .some(row.details.resultDate)
        case .startDate: return .some(row.details.startDate)
        case .endDate: return .some(row.details.endDate)
        case .windowStartDate: return .some(row.details.windowStartDate)
        case .windowEndDate: return .some(row.details.windowEndDate)
        default: return nil
        }
    }

    /// Parses `--columns a,b,...`; nil names the first unknown one.
    public static func parseList(_ text: String) -> Result<[ExportColumn], UnknownColumn> {
        var columns: [ExportColumn] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = ExportColumn(rawValue: name) else { return .failure(UnknownColumn(name: String(part))) }
            if !columns.contains(column) { columns.append(column) }
        }
        return .success(columns)
    }

    public struct UnknownColumn: Error, Sendable {
        public let name: String
    }

    /// The text of a column of a row (times as ISO-8601 UTC, `2026-11-05T10:00:00Z`; none as empty).
    func value(of row: DeliveryRow) -> String {
        func time(_ t: Int64?) -> String { t.map(ExportTime.format) ?? "" }
        switch self {
        case .deliveryId: return row.deliveryId
        case .rowId: return row.rowId
        case .createdOn: return ExportTime.format(row.createdOn)
        case .modifiedOn: return ExportTime.format(row.modifiedOn)
        case .status: return row.status
        case .result: return row.result
        case .dialMode: return row.dialMode
        case .configId: return row.configId
        case .queueId: return row.queueId
        case .channel: return row.channel
        case .conversationId: return row.conversationId
        case .engagementType: return row.engagementType
        case .toAddress: return row.details.toAddress
        case .fromAddress: return row.details.fromAddress
        case .resultDate: return time(row.details.resultDate)
        case .startDate: return time(row.details.startDate)
        case .endDate: return time(row.details.endDate)
        case .windowStartDate: return time(row.details.windowStartDate)
        case .windowEndDate: return time(row.details.windowEndDate)
        case .dispositionCodes: return row.details.dispositionCodes
        case .contactId: return row.details.contactId
        case .seqNo: return row.details.seqNo.map(String.init) ?? ""
        }
    }
}

/// `2026-11-05T10:00:00Z`, without a formatter (export writes several a row).
enum ExportTime {
    static func format(_ seconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        append(seconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the instant's 20 bytes (years outside 0...9999 as they come, with a sign when negative).
    @inline(__always) static func append(_ seconds: Int64, to out: inout [UInt8]) {
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { t in
            let n = write(seconds, to: t.baseAddress!.assumingMemoryBound(to: UInt8.self))
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: t[0..<n]))
        }
    }

    /// The most bytes `write` writes (a year of twelve digits and a sign: the extremes of Int64 seconds).
    static let maxBytes = 40

    /// Writes the instant at `t` and returns how many bytes it took (20 for the years 0...9999).
    @inline(__always) static func write(_ seconds: Int64, to t: UnsafeMutablePointer<UInt8>) -> Int {
        let dayNumber = floorDiv(seconds, 86_400)
        let day = LocalDate(dayNumber: Int(dayNumber))
        // Exact with wrapping arithmetic: the true difference is 0..<86400 even where the product overflows.
        let s = Int(seconds &- dayNumber &* 86_400)
        var year = day.year
        var at = 0
        if year < 0 { t[0] = UInt8(ascii: "-"); at = 1; year = -year }
        if year > 9999 {
            for byte in String(year / 10_000).utf8 { t[at] = byte; at += 1 }
            year %= 10_000
        }
        let digits = twoDigits.utf8Start
        @inline(__always) func two(_ offset: Int, _ v: Int) {
            t[at + offset] = digits[v &* 2]
            t[at + offset + 1] = digits[v &* 2 + 1]
        }
        two(0, year / 100); two(2, year % 100); t[at + 4] = 45
        two(5, day.month); t[at + 7] = 45
        two(8, day.day); t[at + 10] = 84
        two(11, s / 3600); t[at + 13] = 58
        two(14, (s % 3600) / 60); t[at + 16] = 58
        two(17, s % 60); t[at + 19] = 90
        return at + 20
    }

    /// 00 to 99, two digits each.
    static let twoDigits: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
}
