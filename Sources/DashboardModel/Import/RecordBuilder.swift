/// Recognises a record's table by its key column and builds the typed record from its raw fields.
enum RecordBuilder {
    enum Table { case delivery, configuration, queue, conversation }

    /// Key columns in the order they are tried: a record is a delivery first, a conversation last.
    static let keys: [(ImportColumn, Table)] = [
        (.deliveryId, .delivery), (.deliveryRowId, .delivery), (.configId, .configuration), (.queueId, .queue),
        (.workItemId, .conversation), (.activityId, .conversation),
    ]

    static let noKeyReason =
        "no key column (expected one of " + keys.map(\.0.name).joined(separator: ", ") + ")"

    /// The table of the current record: the first key column holding a value; failing that, the first key column
    /// present at all (null or empty), so that the error names the missing key; nil when there is no key column.
    static func table(of fields: RecordFields) -> Table? {
        for (column, table) in keys where fields.hasValue(column) { return table }
        for (column, table) in keys where fields.isPresent(column) { return table }
        return nil
    }

    /// Throws `RecordProblem`.
    static func build(_ f: RecordFields) throws -> ImportRecord {
        switch table(of: f) {
        case .delivery: return .delivery(try delivery(f))
        case .configuration: return .configuration(try configuration(f))
        case .queue: return .queue(try queue(f))
        case .conversation: return .conversation(try conversation(f))
        case nil: throw RecordProblem(column: nil, reason: noKeyReason)
        }
    }

    static func missing(_ column: ImportColumn, _ what: String) -> RecordProblem {
        RecordProblem(column: column.name, reason: "missing value (\(what))")
    }

    static func delivery(_ f: RecordFields) throws -> Delivery {
        guard let id = try (f.text(.deliveryId) ?? f.text(.deliveryRowId)).map(GUIDText.normalize) else {
            throw missing(.deliveryId, "a delivery needs msdyn_delivery_id or msdyn_proactive_deliveryid")
        }
        guard let created = try f.timestamp(.createdOn) else {
            throw missing(.createdOn, "a delivery needs its creation time")
        }
        let modified = try f.timestamp(.modifiedOn)
        // Columns whose values repeat go through `repeated...`: decoded and canonicalised once per distinct value.
        guard let status = try f.repeatedText(.status, { DeliveryStatus($0).label }) else {
            throw missing(.status, "a delivery needs its status")
        }
        let result = try f.repeatedText(.result) { DeliveryResult($0).label } ?? ""
        // The dial mode is text in the elastic table, but a choice number is accepted too.
        let dialMode = try f.repeatedChoice(.dialMode) { ChoiceLabels.dialMode($0, formatted: nil) } ?? ""
        // Deliveries are a voice-first table (SMS deliveries say so): an absent channel reads "Voice".
        let channel = try f.repeatedChoice(.channel) { ChoiceLabels.channel($0, formatted: nil) } ?? "Voice"
        return Delivery(
            deliveryId: id, createdOn: created, modifiedOn: modified, status: status,
            result: result, dialMode: dialMode, configId: try f.repeatedText(.configRef, GUIDText.normalize) ?? "",
            queueId: try f.repeatedText(.queueRef, GUIDText.normalize) ?? "", channel: channel,
            conversationId: try f.text(.conversationRef).map(GUIDText.normalize) ?? "",
            engagementType: try f.repeatedText(.engagementType, { $0 }) ?? "")
    }

    static func configuration(_ f: RecordFields) throws -> Configuration {
        guard let id = try f.text(.configId).map(GUIDText.normalize) else { throw missing(.configId, "the configuration's id") }
        return Configuration(
            // A configuration without a name is shown by its id, as an unknown configuration would be.
            id: id, name: try f.text(.configName) ?? id,
            status: try ChoiceLabels.configStatus(f.choice(.stateCode), formatted: f.formattedLabel(.stateCode)),
            priority: try ChoiceLabels.priority(f.choice(.priority), formatted: f.formattedLabel(.priority)),
            dialMode: try ChoiceLabels.dialMode(f.choice(.dialMode), formatted: f.formattedLabel(.dialMode)),
            channel: try ChoiceLabels.channel(f.choice(.configType), formatted: f.formattedLabel(.configType)),
            queueId: try f.text(.configQueue).map(GUIDText.normalize))
    }

    static func queue(_ f: RecordFields) throws -> Queue {
        guard let id = try f.text(.queueId).map(GUIDText.normalize) else { throw missing(.queueId, "the queue's id") }
        // A queue without a name is shown by its id, as an unknown queue would be.
        return Queue(id: id, name: try f.text(.queueName) ?? id)
    }

    static func conversation(_ f: RecordFields) throws -> Conversation {
        guard let id = try (f.text(.workItemId) ?? f.text(.activityId)).map(GUIDText.normalize) else {
            throw missing(.workItemId, "a conversation needs msdyn_ocliveworkitemid or activityid")
        }
        return Conversation(id: id, isOutbound: try f.boolean(.isOutbound),
                            queueId: try f.text(.conversationQueue).map(GUIDText.normalize))
    }
}
