import Foundation
import DashboardModel

/// The machine a benchmark ran on.
public struct MachineInfo: Sendable {
    public var cores: Int
    public var cpuModel: String
    public var memoryBytes: UInt64
    public var operatingSystem: String

    public static func current() -> MachineInfo {
        let info = ProcessInfo.processInfo
        var model = "unknown"
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return MachineInfo(cores: info.activeProcessorCount, cpuModel: model, memoryBytes: info.physicalMemory,
                           operatingSystem: info.operatingSystemVersionString)
    }
}
