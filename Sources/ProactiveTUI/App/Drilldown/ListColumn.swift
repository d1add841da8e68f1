import DashboardModel
import Foundation
import TerminalUI

/// The drill-down list's columns, in the order they show, with the width each wants and how long each is kept
/// when the screen is narrow (the conversation id goes first, the created time last), and each one's text for a row.
enum ListColumn: Int, CaseIterable {
    case created, deliveryId, status, result, dialMode, configuration, queue, channel, toAddress, resultDate
    case dispositionCodes, modified, conversationId

    var title: String {
        switch self {
        case .created: "Created"
        case .deliveryId: "Delivery id"
        case .status: "Status"
        case .result: "Result"
        case .dialMode: "Dial mode"
        case .configuration: "Configuration"
        case .queue: "Queue"
        case .channel: "Channel"
        case .toAddress: "To"
        case .resultDate: "Result date"
        case .dispositionCodes: "Dispositions"
        case .modified: "Modified"
        case .conversationId: "Conversation"
        }
    }

    /// The sort `s` reaches at this column.
    var sortColumn: DeliverySort.Column {
        switch self {
        case .created: .created
        case .deliveryId: .deliveryId
        case .status: .status
        case .result: .result
        case .dialMode: .dialMode
        case .configuration: .configuration
        case .queue: .queue
        case .channel: .channel
        case .toAddress: .toAddress
        case .resultDate: .resultDate
        case .dispositionCodes: .dispositionCodes
        case .modified: .modified
        case .conversationId: .conversationId
        }
    }

    /// Least and largest width, and rank (higher is kept longer).
    var spec: RecordTable.Column {
        switch self {
        case .created: RecordTable.Column(title, min: 16, max: 16, rank: 13)
        case .deliveryId: RecordTable.Column(title, min: 12, max: 36, rank: 12)
        case .status: RecordTable.Column(title, min: 9, max: 9, rank: 11)
        case .result: RecordTable.Column(title, min: 12, max: 16, rank: 10)
        case .toAddress: RecordTable.Column(title, min: 12, max: 16, rank: 9)
        case .configuration: RecordTable.Column(title, min: 16, max: 24, rank: 8)
        case .dispositionCodes: RecordTable.Column(title, min: 12, max: 32, rank: 7)
        case .resultDate: RecordTable.Column(title, min: 16, max: 16, rank: 6)
        case .queue: RecordTable.Column(title, min: 12, max: 16, rank: 5)
        case .dialMode: RecordTable.Column(title, min: 8, max: 11, rank: 4)
        case .channel: RecordTable.Column(title, min: 5, max: 7, rank: 3)
        case .modified: RecordTable.Column(title, min: 16, max: 16, rank: 2)
        case .conversationId: RecordTable.Column(title, min: 12, max: 36, rank: 1)
        }
    }

    /// The cell's text (raw: the table sanitises it). Times in `zone`; addresses masked unless `showAddresses`
    /// (`*` in ASCII); disposition codes without their quotes (`PromiseToPay, SpokeToAgent`).
    func text(_ row: DeliveryRow, zone: TimeZone, showAddresses: Bool, ascii: Bool) -> String {
        switch self {
        case .created: return ListTime.format(row.createdOn, zone)
        case .deliveryId: return row.deliveryId
        case .status: return row.status
        case .result: return row.result
        case .dialMode: return row.dialMode
        case .configuration: return row.configName.isEmpty ? row.configId : row.configName
        case .queue: return row.queueName.isEmpty ? row.queueId : row.queueName
        case .channel: return row.channel
        case .toAddress:
            return showAddresses ? row.details.toAddress : CSVCell.masked(row.details.toAddress, bullet: ascii ? "*" : "•")
        case .resultDate: return row.details.resultDate.map { ListTime.format($0, zone) } ?? ""
        case .dispositionCodes:
            return row.details.dispositionCodes.replacingOccurrences(of: "\"", with: "")
                .split(separator: ",", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        case .modified: return ListTime.format(row.modifiedOn, zone)
        case .conversationId: return row.conversationId
        }
    }
}
