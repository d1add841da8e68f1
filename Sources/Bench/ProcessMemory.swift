import Foundation
import DashboardModel

/// This process's resident memory from /proc/self/status (Linux): peak (VmHWM) and current (VmRSS), in KiB, and of
/// the current, the anonymous pages (RssAnon: the heap, the index's arrays, SQLite's cache) and the pages of files
/// (RssFile: the program and its libraries).
public struct ProcessMemory: Sendable {
    public var peakKiB: Int
    public var currentKiB: Int
    public var anonymousKiB: Int?
    public var fileKiB: Int?

    /// nil where /proc is not available.
    public static func read() -> ProcessMemory? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return Int(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        guard let peak = field("VmHWM"), let current = field("VmRSS") else { return nil }
        return ProcessMemory(peakKiB: peak, currentKiB: current, anonymousKiB: field("RssAnon"), fileKiB: field("RssFile"))
    }
}
