import DashboardModel
import Foundation

/// How each synced table is read from the Web API: its entity set and the columns asked for (those the import
/// reads; fewer bytes than every column of an elastic table).
enum WebAPITable {
    static func entitySet(_ table: SyncTable) -> String { table.entitySet }

    static func select(_ table: SyncTable) -> String {
        switch table {
        case .deliveries:
            return ["msdyn_proactive_deliveryid", "msdyn_delivery_id", "createdon", "modifiedon", "msdyn_status", "msdyn_result",
                    "msdyn_dialmode_type", "msdyn_proactive_engagement_config_id", "msdyn_queue_id", "msdyn_channel",
                    "msdyn_conversation_id", "msdyn_engagement_type",
                    // The list's and export's columns (issue 12), read as `import` reads them (DOMAIN.md's columns only:
                    // the Web API refuses a `$select` that names a column the table does not have).
                    "msdyn_to_address", "msdyn_from_address", "msdyn_window_start_date", "msdyn_window_end_date", "msdyn_start_date",
                    "msdyn_end_date", "msdyn_result_date", "msdyn_disposition_codes", "msdyn_seq_no",
                ].joined(separator: ",")
        case .configurations:
            return ["msdyn_proactive_engagement_configid", "msdyn_name", "statecode", "msdyn_priority", "msdyn_dialmode_type",
                    "msdyn_type", "_msdyn_queue_value", "modifiedon"].joined(separator: ",")
        case .queues:
            return "queueid,name,modifiedon"
        case .conversations:
            return "msdyn_ocliveworkitemid,msdyn_isoutbound,_msdyn_cdsqueueid_value,msdyn_channel"
        }
    }

    static let conversationKey = "msdyn_ocliveworkitemid"

    /// The conversations with these ids (GUIDs only): the `In` query function with parameter aliases,
    /// `$filter=Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)&@p1='KEY'&@p2=['ID',...]`, about 45
    /// URL bytes an id (`KEY eq ID or ...` takes about 70).
    static func conversationsURL(root: String, ids: [String]) -> URL? {
        guard ids.allSatisfy(isGUID) else {
            let values = "[" + ids.map { "'\($0)'" }.joined(separator: ",") + "]"
            return url(root: root, .conversations, extra: [inFilter, inProperty, ("@p2", values)])
        }
        // GUIDs need no escape: the list is written as `URLComponents` writes it (brackets escaped, quotes and
        // commas as they are), without percent-encoding 27 KB of text for each GET (5 ms a page of deliveries).
        guard let head = url(root: root, .conversations, extra: [inFilter, inProperty]) else { return nil }
        var text = head.absoluteString
        text.reserveCapacity(text.utf8.count + 12 + ids.count * 39)
        text += "&@p2=%5B"
        for (i, id) in ids.enumerated() {
            if i > 0 { text += "," }
            text += "'"
            text += id
            text += "'"
        }
        text += "%5D"
        return URL(string: text)
    }

    private static let inFilter = ("$filter", "Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)")
    private static let inProperty = ("@p1", "'\(conversationKey)'")

    /// `{root}{set}?$select=...` plus more query items, percent-encoded as the Web API expects.
    static func url(root: String, _ table: SyncTable, extra: [(String, String)] = []) -> URL? {
        var parts = URLComponents(string: root + entitySet(table))
        var items = [URLQueryItem(name: "$select", value: select(table))]
        for (name, value) in extra { items.append(URLQueryItem(name: name, value: value)) }
        parts?.queryItems = items
        // URLComponents leaves '+' as it is; in a query it would read as a space.
        let encoded = parts?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        parts?.percentEncodedQuery = encoded
        return parts?.url
    }

    /// A GUID as Dataverse prints one (hex and hyphens, 36 characters): the only text put into a `$filter`.
    static func isGUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != UInt8(ascii: "-") { return false }
            } else if !((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)) {
                return false
            }
        }
        return true
    }
}
