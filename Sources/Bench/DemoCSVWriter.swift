import Foundation
import DashboardModel

/// Writes the demo generator's deliveries as a Dataverse CSV export (logical-name header, as in
/// `samples/msdyn_proactive_deliveries.csv`), for the import benchmark. Queues, configurations and
/// conversations are left out: a delivery CSV holds deliveries only.
public enum DemoCSVWriter {
    static let header = "msdyn_proactive_deliveryid,msdyn_delivery_id,createdon,modifiedon,msdyn_status,msdyn_result,"
        + "msdyn_dialmode_type,msdyn_proactive_engagement_config_id,msdyn_queue_id,msdyn_channel,msdyn_conversation_id,"
        + "msdyn_engagement_type,msdyn_to_address,msdyn_window_start_date,msdyn_window_end_date,msdyn_result_date\n"

    /// Returns the number of deliveries written and the file's size in bytes.
    @discardableResult
    public static func write(_ generator: DemoGenerator, to path: String) throws -> (deliveries: Int, bytes: Int) {
        guard let file = fopen(path, "w") else { throw StoreError("cannot write \(path)") }
        defer { fclose(file) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var bytes = 0
        func flush() {
            buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
            bytes += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        buffer.append(contentsOf: header.utf8)
        var count = 0
        generator.generate { record in
            guard case .delivery(let d) = record else { return }
            count += 1
            appendField(d.deliveryId, &buffer); buffer.append(44)
            appendField(d.deliveryId, &buffer); buffer.append(44)
            appendTime(d.createdOn, &buffer); buffer.append(44)
            if let modified = d.modifiedOn { appendTime(modified, &buffer) }
            buffer.append(44)
            for field in [d.status, d.result, d.dialMode, d.configId, d.queueId, d.channel, d.conversationId, d.engagementType] {
                appendField(field, &buffer); buffer.append(44)
            }
            // To address, window and result date: kept by the importer for the list and export (issue 12), as in a real export.
            appendField("+1425555\(1000 + count % 9000)", &buffer); buffer.append(44)
            appendTime(d.createdOn, &buffer); buffer.append(44)
            appendTime(d.createdOn + 86_400, &buffer); buffer.append(44)
            if d.status == DeliveryStatus.complete.label { appendTime(d.versionStamp, &buffer) }
            buffer.append(10)
            if buffer.count > (1 << 20) - 4096 { flush() }
        }
        flush()
        return (count, bytes)
    }

    /// The deliveries (rows after the header) and bytes of a CSV this writer wrote before.
    public static func census(of path: String) throws -> (deliveries: Int, bytes: Int) {
        // Every row ends with a line feed: the lines after the last one and the header are not deliveries.
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
        return (max(0, try FileImporter.lineCount(path) - 2), size?.intValue ?? 0)
    }

    private static func appendField(_ value: String, _ out: inout [UInt8]) {
        let needsQuotes = value.utf8.contains { (b: UInt8) -> Bool in b == 44 || b == 34 || b == 10 || b == 13 }
        if !needsQuotes { out.append(contentsOf: value.utf8); return }
        out.append(34)
        for byte in value.utf8 {
            if byte == 34 { out.append(34) }
            out.append(byte)
        }
        out.append(34)
    }

    /// `2026-11-17T16:42:46Z`.
    private static func appendTime(_ seconds: Int64, _ out: inout [UInt8]) {
        let day = LocalDate(dayNumber: Int(floorDiv(seconds, 86_400)))
        let s = Int(seconds - Int64(day.dayNumber) * 86_400)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            while divisor > 0 {
                out.append(UInt8(48 + (v / divisor) % 10))
                v %= divisor
                divisor /= 10
            }
        }
        digits(day.year, 4); out.append(45); digits(day.month, 2); out.append(45); digits(day.day, 2)
        out.append(84)
        digits(s / 3600, 2); out.append(58); digits((s % 3600) / 60, 2); out.append(58); digits(s % 60, 2)
        out.append(90)
    }
}
