import Foundation

/// A delivery's list columns (`DeliveryDetails`) on their way to the store, as the importer read them: text as the
/// file's bytes when they need no decoding (`IdText.bytes`), so staging a row makes no String.
struct DetailValues {
    var toAddress: IdText?
    var fromAddress: IdText?
    var dispositionCodes: IdText?
    var contactId: IdText?
    var resultDate: Int64?
    var startDate: Int64?
    var endDate: Int64?
    var windowStartDate: Int64?
    var windowEndDate: Int64?
    var seqNo: Int64?

    init() {}

    init(_ d: DeliveryDetails) {
        func text(_ s: String) -> IdText? { s.isEmpty ? nil : .string(s) }
        toAddress = text(d.toAddress)
        fromAddress = text(d.fromAddress)
        dispositionCodes = text(d.dispositionCodes)
        contactId = text(d.contactId)
        resultDate = d.resultDate
        startDate = d.startDate
        endDate = d.endDate
        windowStartDate = d.windowStartDate
        windowEndDate = d.windowEndDate
        seqNo = d.seqNo
    }
}

/// The list columns of a staged delivery, packed into its batch's byte arena (`StagedBatch.text`) at
/// `StagedDelivery.detailsStart`, so a staged version stays plain data:
///
///     0   6 x Int64 LE   result, start, end, window start, window end dates, seq no (Int64.min: none)
///     48  4 x Int32 LE   byte counts of to address, from address, disposition codes, contact id
///     64  UInt8          1 when the 16 bytes at 65 are the conversation id packed (`GUIDBytes`), else 0
///     65  16 bytes       the packed conversation id (zeros when none)
///     81  the four texts' bytes, one after another
enum StagedDetails {
    static let integerCount = 6, textCount = 4
    static let textCountsAt = 48, packedFlagAt = 64, packedConversationAt = 65, textsAt = 81

    /// Appends the block and returns where it starts.
    static func append(_ values: DetailValues, conversation: UnsafeBufferPointer<UInt8>, to arena: inout [UInt8]) -> Int32 {
        let start = arena.count
        appendInteger(values.resultDate, to: &arena)
        appendInteger(values.startDate, to: &arena)
        appendInteger(values.endDate, to: &arena)
        appendInteger(values.windowStartDate, to: &arena)
        appendInteger(values.windowEndDate, to: &arena)
        appendInteger(values.seqNo, to: &arena)
        let countsAt = arena.count
        arena.append(contentsOf: repeatElement(0, count: 4 * textCount))
        if conversation.count > 0, let guid = GUIDBytes.pack(conversation) {
            arena.append(1)
            GUIDBytes.append(guid, to: &arena)
        } else {
            arena.append(0)
            arena.append(contentsOf: repeatElement(0, count: 16))
        }
        appendText(values.toAddress, 0, countsAt, to: &arena)
        appendText(values.fromAddress, 1, countsAt, to: &arena)
        appendText(values.dispositionCodes, 2, countsAt, to: &arena)
        appendText(values.contactId, 3, countsAt, to: &arena)
        return Int32(start)
    }

    @inline(__always) private static func appendInteger(_ value: Int64?, to arena: inout [UInt8]) {
        withUnsafeBytes(of: (value ?? Int64.min).littleEndian) { arena.append(contentsOf: $0) }
    }

    @inline(__always) private static func appendText(_ text: IdText?, _ i: Int, _ countsAt: Int, to arena: inout [UInt8]) {
        guard let text else { return }
        let before = arena.count
        text.withBytes { arena.append(contentsOf: $0) }
        let n = UInt32(truncatingIfNeeded: arena.count - before).littleEndian
        withUnsafeBytes(of: n) { bytes in
            for k in 0..<4 { arena[countsAt + 4 * i + k] = bytes[k] }
        }
    }

    /// Binds the eleven detail columns, from `first`, in the order of `columnList`.
    static func bind(_ statement: RawStatement, _ first: Int32, block: UnsafePointer<UInt8>,
                     conversation: UnsafeBufferPointer<UInt8>) {
        let raw = UnsafeRawPointer(block)
        func integer(_ i: Int) -> Int64? {
            let v = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self))
            return v == Int64.min ? nil : v
        }
        var textAt = textsAt
        func text(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: textCountsAt + 4 * i, as: UInt32.self)))
            defer { textAt += n }
            return UnsafeBufferPointer(start: block + textAt, count: n)
        }
        func bindText(_ i: Int, _ offset: Int32) {
            let bytes = text(i)
            if bytes.count > 0 { statement.bindStatic(first + offset, bytes) } else { statement.bindNull(first + offset) }
        }
        func bindInteger(_ i: Int, _ offset: Int32) {
            if let v = integer(i) { statement.bind(first + offset, v) } else { statement.bindNull(first + offset) }
        }
        // Texts in block order: to (first), from (+1), disposition codes (+7), contact (+8).
        bindText(0, 0); bindText(1, 1); bindText(2, 7); bindText(3, 8)
        bindInteger(0, 2); bindInteger(1, 3); bindInteger(2, 4); bindInteger(3, 5); bindInteger(4, 6); bindInteger(5, 9)
        if block[packedFlagAt] == 1 {
            statement.bindStaticBlob(first + 10, UnsafeBufferPointer(start: block + packedConversationAt, count: 16))
        } else if conversation.count > 0 {
            statement.bindStatic(first + 10, conversation)
        } else {
            statement.bindNull(first + 10)
        }
    }

    /// The `deliveries` columns `bind` fills, in its order.
    static let columns = ["to_address", "from_address", "result_date", "start_date", "end_date", "window_start_date",
                          "window_end_date", "disposition_codes", "contact_id", "seq_no", "conversation_id"]
    static var columnList: String { columns.joined(separator: ", ") }
}
