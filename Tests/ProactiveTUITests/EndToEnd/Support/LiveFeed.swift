import Foundation

/// New deliveries in the shape of the sample JSON Lines export, with fresh ids and `createdon` inside the samples'
/// dates (2026-11-07..2026-11-20), for the tests that add data to a running dashboard's store.
enum LiveFeed {
    /// A configuration and a queue of the samples.
    static let configurationId = "03e0a813-bdc2-4e99-a3d2-e49085ef3430"
    static let queueId = "795b929e-9a9a-40fd-aa7b-5bf55eb561a4"

    /// `count` JSON Lines records; `seed` keeps the ids of different batches apart.
    static func lines(count: Int, seed: Int) -> [String] {
        (0..<count).map { i in
            let n = seed * 1000 + i
            let id = String(format: "e2e0%04x-0000-4000-8000-%012d", seed, n)
            let created = String(format: "2026-11-15T%02d:%02d:00Z", 8 + i % 10, (seed * 7 + i) % 60)
            let modified = String(format: "2026-11-15T%02d:%02d:30Z", 8 + i % 10, (seed * 7 + i) % 60)
            let status = i % 3 == 2 ? "Expired" : "Complete"
            let result = status == "Complete" ? "\"CallEnded\"" : "null"
            return """
                {"@odata.etag": "W/\\"\(90000 + n)\\"", "msdyn_proactive_deliveryid": "\(id)", "msdyn_delivery_id": "\(id)", \
                "createdon": "\(created)", "modifiedon": "\(modified)", "msdyn_status": "\(status)", "msdyn_result": \(result), \
                "msdyn_dialmode_type": "Progressive", "msdyn_proactive_engagement_config_id": "\(configurationId)", \
                "msdyn_queue_id": "\(queueId)", "msdyn_channel": "Voice", "msdyn_conversation_id": null, \
                "msdyn_engagement_type": null, "msdyn_to_address": "+1425555\(String(format: "%04d", n % 10000))", \
                "msdyn_window_start_date": "\(created)", "msdyn_window_end_date": null, "msdyn_result_date": null}
                """
        }
    }
}
