import Foundation
@testable import DashboardModel

/// Web API pages made in code for the sync tests, as the service sends them.
enum SyncPages {
    static let org = "https://contoso.crm.dynamics.com/api/data/v9.2/"

    /// A page of `value` entries; `next` / `delta` become `@odata.nextLink` / `@odata.deltaLink`.
    static func page(_ table: SyncTable, _ entries: [[String: Any]], next: String? = nil, delta: String? = nil) -> [UInt8] {
        var object: [String: Any] = ["@odata.context": org + "$metadata#" + table.entitySet, "value": entries]
        if let next { object["@odata.nextLink"] = next }
        if let delta { object["@odata.deltaLink"] = delta }
        return bytes(object)
    }

    static func bytes(_ object: Any) -> [UInt8] {
        // Test data made in code: serialising it cannot fail.
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    /// A delivery row with a row id that differs from its delivery id (as in a real organization).
    static func delivery(row: String, id: String, created: String, status: String = "Pending", modified: String? = nil,
                         result: String? = nil, dial: String? = nil, config: String? = nil, queue: String? = nil,
                         conversation: String? = nil) -> [String: Any] {
        var d: [String: Any] = [
            "@odata.etag": "W/\"1\"", "msdyn_proactive_deliveryid": row, "msdyn_delivery_id": id, "createdon": created,
            "msdyn_status": status, "msdyn_channel": "Voice",
        ]
        d["modifiedon"] = modified ?? created
        d["msdyn_result"] = result ?? NSNull()
        d["msdyn_dialmode_type"] = dial ?? NSNull()
        d["msdyn_proactive_engagement_config_id"] = config ?? NSNull()
        d["msdyn_queue_id"] = queue ?? NSNull()
        d["msdyn_conversation_id"] = conversation ?? NSNull()
        return d
    }

    /// A `$deletedEntity` entry.
    static func deleted(_ table: SyncTable, _ id: String) -> [String: Any] {
        ["@odata.context": org + "$metadata#" + table.entitySet + "/$deletedEntity", "id": id, "reason": "deleted"]
    }

    /// A GUID made from a number, for rows made in bulk: `00000000-0000-4000-8000-00000000002a`.
    static func guid(_ n: Int, prefix: UInt32 = 0) -> String {
        let hex = String(n, radix: 16)
        let tail = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        let head = String(prefix, radix: 16)
        return String(repeating: "0", count: max(0, 8 - head.count)) + head + "-0000-4000-8000-" + tail
    }
}
