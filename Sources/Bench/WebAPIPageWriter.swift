import Foundation
import DashboardModel

/// Writes deliveries as one Dataverse Web API page (`{"@odata.context": ..., "value": [...], "@odata.nextLink": ...}`),
/// the shape `DeliveryStore.applySyncPage` takes: for the sync benchmark (and any stand-in service). Each row carries
/// its row id (`msdyn_proactive_deliveryid`) beside its delivery id, an etag and the columns a real page carries.
public enum WebAPIPageWriter {
    /// - Parameters:
    ///   - deliveries: the rows, with their `rowId` (else the delivery id is the row id).
    ///   - context: the page's `@odata.context`.
    ///   - nextLink, deltaLink: the page's paging or change-tracking link, if any.
    public static func page(_ deliveries: [Delivery], context: String, nextLink: String? = nil,
                            deltaLink: String? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(deliveries.count * 720 + 256)
        out.append(contentsOf: "{\"@odata.context\":".utf8)
        string(context, &out)
        out.append(contentsOf: ",\"value\":[".utf8)
        for (i, d) in deliveries.enumerated() {
            if i > 0 { out.append(44) }
            out.append(contentsOf: "{\"@odata.etag\":\"W/\\\"".utf8)
            out.append(contentsOf: String(d.versionStamp).utf8)
            out.append(contentsOf: "\\\"\",\"msdyn_proactive_deliveryid\":".utf8)
            string(d.rowId.isEmpty ? d.deliveryId : d.rowId, &out)
            member("msdyn_delivery_id", d.deliveryId, &out)
            out.append(contentsOf: ",\"createdon\":".utf8)
            time(d.createdOn, &out)
            out.append(contentsOf: ",\"modifiedon\":".utf8)
            time(d.versionStamp, &out)
            member("msdyn_status", d.status, &out)
            member("msdyn_result", d.result, &out)
            member("msdyn_dialmode_type", d.dialMode, &out)
            member("msdyn_proactive_engagement_config_id", d.configId, &out)
            member("msdyn_queue_id", d.queueId, &out)
            member("msdyn_channel", d.channel, &out)
            member("msdyn_conversation_id", d.conversationId, &out)
            member("msdyn_engagement_type", d.engagementType, &out)
            member("msdyn_to_address", "+14255550100", &out)
            out.append(contentsOf: ",\"msdyn_window_start_date\":".utf8)
            time(d.createdOn, &out)
            out.append(contentsOf: ",\"msdyn_window_end_date\":".utf8)
            time(d.createdOn + 86_400, &out)
            out.append(125)
        }
        out.append(93)
        if let nextLink {
            out.append(contentsOf: ",\"@odata.nextLink\":".utf8)
            string(nextLink, &out)
        }
        if let deltaLink {
            out.append(contentsOf: ",\"@odata.deltaLink\":".utf8)
            string(deltaLink, &out)
        }
        out.append(125)
        return out
    }

    /// `,"name":"value"`, or `,"name":null` for an empty value (as the service writes empty columns).
    private static func member(_ name: String, _ value: String, _ out: inout [UInt8]) {
        out.append(44)
        out.append(34)
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: "\":".utf8)
        if value.isEmpty { out.append(contentsOf: "null".utf8) } else { string(value, &out) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func string(_ value: String, _ out: inout [UInt8]) {
        out.append(34)
        for b in value.utf8 {
            switch b {
            case 34: out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(34)
    }

    /// `"2026-11-17T16:42:46Z"`.
    static func time(_ seconds: Int64, _ out: inout [UInt8]) {
        let day = LocalDate(dayNumber: Int(floorDiv(seconds, 86_400)))
        let s = Int(seconds - Int64(day.dayNumber) * 86_400)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(48 + (value / divisor) % 10))
                divisor /= 10
            }
        }
        out.append(34)
        digits(day.year, 4); out.append(45); digits(day.month, 2); out.append(45); digits(day.day, 2)
        out.append(84)
        digits(s / 3600, 2); out.append(58); digits((s % 3600) / 60, 2); out.append(58); digits(s % 60, 2)
        out.append(90)
        out.append(34)
    }
}
