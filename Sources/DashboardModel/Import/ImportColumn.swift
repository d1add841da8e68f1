import Foundation

/// The logical (Dataverse) columns the importer uses; every other column is ignored.
enum ImportColumn: Int, CaseIterable {
    // Deliveries (msdyn_proactive_delivery).
    case deliveryId, deliveryRowId, createdOn, modifiedOn, status, result, dialMode, configRef, queueRef, channel
    case conversationRef, engagementType
    // Configurations (msdyn_proactive_engagement_config).
    case configId, configName, stateCode, priority, configType, configQueue
    // Queues (queue).
    case queueId, queueName
    // Conversations (msdyn_ocliveworkitem).
    case workItemId, activityId, isOutbound, conversationQueue
    // A deleted row in a change-tracking (delta) page: `{"@odata.context": ".../$deletedEntity", "id": ..., "reason": "deleted"}`.
    case odataContext, entityId, reason
    // Deliveries' list columns (issue 12): kept for the drill-down and `export`, never filters.
    case toAddress, fromAddress, resultDate, startDate, endDate, windowStartDate, windowEndDate, dispositionCodes
    case contactId, seqNo

    var name: String {
        switch self {
        case .deliveryId: "msdyn_delivery_id"
        case .deliveryRowId: "msdyn_proactive_deliveryid"
        case .createdOn: "createdon"
        case .modifiedOn: "modifiedon"
        case .status: "msdyn_status"
        case .result: "msdyn_result"
        case .dialMode: "msdyn_dialmode_type"
        case .configRef: "msdyn_proactive_engagement_config_id"
        case .queueRef: "msdyn_queue_id"
        case .channel: "msdyn_channel"
        case .conversationRef: "msdyn_conversation_id"
        case .engagementType: "msdyn_engagement_type"
        case .configId: "msdyn_proactive_engagement_configid"
        case .configName: "msdyn_name"
        case .stateCode: "statecode"
        case .priority: "msdyn_priority"
        case .configType: "msdyn_type"
        case .configQueue: "_msdyn_queue_value"
        case .queueId: "queueid"
        case .queueName: "name"
        case .workItemId: "msdyn_ocliveworkitemid"
        case .activityId: "activityid"
        case .isOutbound: "msdyn_isoutbound"
        case .conversationQueue: "_msdyn_cdsqueueid_value"
        case .odataContext: "@odata.context"
        case .entityId: "id"
        case .reason: "reason"
        case .toAddress: "msdyn_to_address"
        case .fromAddress: "msdyn_from_address"
        case .resultDate: "msdyn_result_date"
        case .startDate: "msdyn_start_date"
        case .endDate: "msdyn_end_date"
        case .windowStartDate: "msdyn_window_start_date"
        case .windowEndDate: "msdyn_window_end_date"
        case .dispositionCodes: "msdyn_disposition_codes"
        case .contactId: "msdyn_contact_id"
        case .seqNo: "msdyn_seq_no"
        }
    }

    static let count = allCases.count

    /// The annotation Dataverse puts beside a choice column when asked for labels.
    static let formattedValueSuffix = "@OData.Community.Display.V1.FormattedValue"
}

/// Maps a column name given as bytes to a field slot: `column.rawValue` for the value itself,
/// `ImportColumn.count + column.rawValue` for its `@OData.Community.Display.V1.FormattedValue` label,
/// -1 for anything else. Built once per reader; lookups compare bytes only (no String is made).
final class ColumnNameTable {
    /// Candidates grouped by name length.
    private let byLength: [[(bytes: [UInt8], column: Int)]]
    private let suffix: [UInt8] = Array(ImportColumn.formattedValueSuffix.utf8)
    /// When true, ASCII letters match regardless of case (CSV headers typed by people).
    private let ignoreCase: Bool

    init(ignoreCase: Bool) {
        self.ignoreCase = ignoreCase
        var table: [[(bytes: [UInt8], column: Int)]] = []
        for column in ImportColumn.allCases {
            let bytes = Array(column.name.utf8)
            while table.count <= bytes.count { table.append([]) }
            table[bytes.count].append((bytes, column.rawValue))
        }
        byLength = table
    }

    /// Names seen before, known or not: JSON repeats the same member names in every record.
    private let seen = ByteKeyCache<Int>(buckets: 256)

    @inline(__always)
    func slot(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        if let known = seen.value(p, n) { return known }
        let slot = lookUp(p, n)
        seen.store(slot, p, n)
        return slot
    }

    private func lookUp(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        if let c = column(p, n) { return c }
        let s = suffix.count
        if n > s, matches(p + (n - s), s, suffix), let c = column(p, n - s) {
            return ImportColumn.count + c
        }
        return -1
    }

    func slot(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return -1 }
            return slot(p, b.count)
        }
    }

    private func column(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard n < byLength.count else { return nil }
        for candidate in byLength[n] where matches(p, n, candidate.bytes) { return candidate.column }
        return nil
    }

    @inline(__always)
    private func matches(_ p: UnsafePointer<UInt8>, _ n: Int, _ name: [UInt8]) -> Bool {
        name.withUnsafeBufferPointer { q in
            if !ignoreCase { return memcmp(p, q.baseAddress!, n) == 0 }
            for i in 0..<n {
                var a = p[i]
                if a >= 65 && a <= 90 { a += 32 }
                var b = q[i]
                if b >= 65 && b <= 90 { b += 32 }
                if a != b { return false }
            }
            return true
        }
    }
}
