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

    /// Throws `RecordProblem`. With a stager, a delivery is staged from the file's bytes and nil is returned.
    static func build(_ f: RecordFields, staging stager: DeliveryStager? = nil) throws -> ImportRecord? {
        if let deletion = try deletion(f) { return .deletion(deletion) }
        switch table(of: f) {
        case .delivery:
            if let stager {
                try stageDelivery(f, into: stager)
                return nil
            }
            return .delivery(try delivery(f))
        case .configuration: return .configuration(try configuration(f))
        case .queue: return .queue(try queue(f))
        case .conversation: return .conversation(try conversation(f))
        case nil: throw RecordProblem(column: nil, reason: noKeyReason)
        }
    }

    /// A `$deletedEntity` entry: its `@odata.context` ends with `/$deletedEntity`, or it has no key column but an
    /// `id` and `"reason": "deleted"`. Nil for any other record.
    static func deletion(_ f: RecordFields) throws -> DeletedRecord? {
        let context = f.raw(.odataContext).kind == .string ? try f.text(.odataContext) : nil
        let entitySet = context.flatMap(DeletedRecord.entitySet(ofContext:))
        if entitySet == nil {
            guard f.isPresent(.entityId), f.isPresent(.reason), table(of: f) == nil,
                  f.raw(.reason).kind == .string, try f.text(.reason) == "deleted" else { return nil }
        }
        guard let id = try f.text(.entityId).map(GUIDText.normalize) else {
            throw missing(.entityId, "a deleted entity needs the primary key of the deleted row")
        }
        return DeletedRecord(table: entitySet.flatMap(SyncTable.init(entitySet:)), entitySet: entitySet, id: id)
    }

    static func missing(_ column: ImportColumn, _ what: String) -> RecordProblem {
        RecordProblem(column: column.name, reason: "missing value (\(what))")
    }

    static func delivery(_ f: RecordFields) throws -> Delivery {
        guard let id = try (f.idText(.deliveryId) ?? f.idText(.deliveryRowId))?.string else { throw missingDeliveryId }
        let (created, modified, base) = try deliveryValues(f)
        let rowId = try f.idText(.deliveryRowId)?.string ?? ""
        return Delivery(
            deliveryId: id, createdOn: created, modifiedOn: modified, status: base.status, result: base.result,
            dialMode: base.dialMode, configId: base.configId, queueId: base.queueId, channel: base.channel,
            conversationId: try f.idText(.conversationRef)?.string ?? "",
            engagementType: base.engagementType, rowId: rowId == id ? "" : rowId, details: try deliveryDetails(f))
    }

    /// The list columns as Strings (the path that makes a `Delivery`).
    static func deliveryDetails(_ f: RecordFields) throws -> DeliveryDetails {
        let v = try detailValues(f)
        return DeliveryDetails(
            toAddress: v.toAddress?.string ?? "", fromAddress: v.fromAddress?.string ?? "", resultDate: v.resultDate,
            startDate: v.startDate, endDate: v.endDate, windowStartDate: v.windowStartDate,
            windowEndDate: v.windowEndDate, dispositionCodes: v.dispositionCodes?.string ?? "",
            contactId: v.contactId?.string ?? "", seqNo: v.seqNo)
    }

    /// The list columns, read from the record's bytes (an unparseable date or sequence number is a problem).
    static func detailValues(_ f: RecordFields) throws -> DetailValues {
        var v = DetailValues()
        v.toAddress = try f.detailText(.toAddress)
        v.fromAddress = try f.detailText(.fromAddress)
        v.dispositionCodes = try f.detailText(.dispositionCodes)
        v.contactId = try f.detailText(.contactId)
        v.resultDate = try f.timestamp(.resultDate)
        v.startDate = try f.timestamp(.startDate)
        v.endDate = try f.timestamp(.endDate)
        v.windowStartDate = try f.timestamp(.windowStartDate)
        v.windowEndDate = try f.timestamp(.windowEndDate)
        v.seqNo = try f.integer(.seqNo)
        return v
    }

    /// `stager.stage(delivery(f))`, without making the `Delivery` or Strings for its ids.
    static func stageDelivery(_ f: RecordFields, into stager: DeliveryStager) throws {
        let deliveryId = try f.idText(.deliveryId)
        let rowId = try f.idText(.deliveryRowId)
        guard let id = deliveryId ?? rowId else { throw missingDeliveryId }
        let (created, modified, base) = try deliveryValues(f)
        let conversation = try f.idText(.conversationRef)
        let details = try detailValues(f)
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        // The row id is kept beside the delivery id only when both are given (the stager drops it when equal).
        let keptRowId = deliveryId == nil ? nil : rowId
        _ = id.withBytes { id in
            func stage(_ conversation: UnsafeBufferPointer<UInt8>) -> Bool {
                if let keptRowId {
                    return keptRowId.withBytes {
                        stager.stage(id: id, conversation: conversation, rowId: $0, created: created, stamp: modified ?? created,
                                     base: base, details: details)
                    }
                }
                return stager.stage(id: id, conversation: conversation, created: created, stamp: modified ?? created, base: base,
                                    details: details)
            }
            return conversation.map { $0.withBytes(stage) } ?? stage(none)
        }
    }

    static let missingDeliveryId = missing(.deliveryId, "a delivery needs msdyn_delivery_id or msdyn_proactive_deliveryid")

    /// A delivery's times and filterable values, checked.
    private static func deliveryValues(_ f: RecordFields) throws -> (Int64, Int64?, DeliveryStager.Base) {
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
        let base = DeliveryStager.Base(
            channel: channel, queueId: try f.repeatedText(.queueRef, GUIDText.normalize) ?? "",
            configId: try f.repeatedText(.configRef, GUIDText.normalize) ?? "", status: status, result: result,
            dialMode: dialMode, engagementType: try f.repeatedText(.engagementType, { $0 }) ?? "")
        return (created, modified, base)
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
        guard let id = try (f.idText(.workItemId) ?? f.idText(.activityId))?.string else {
            throw missing(.workItemId, "a conversation needs msdyn_ocliveworkitemid or activityid")
        }
        return Conversation(id: id, isOutbound: try f.boolean(.isOutbound),
                            queueId: try f.text(.conversationQueue).map(GUIDText.normalize))
    }
}
