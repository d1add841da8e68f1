import Bench
import DashboardModel
import Foundation

/// Runs `bench-startup` in a fresh process of this same executable and reads what it measured; the wall time
/// is taken from launch to exit here, so it includes loading the program and the Swift runtime.
enum BenchStartupProbe {
    struct Run {
        var wallMs: Double
        /// From just before the launch until the child's first frame was done (not until it exits).
        var launchToFirstFrameMs: Double
        var firstFrameMs: Double
        var loadMs: Double
        var computeMs: Double
        var renderMs: Double
        /// CPU time of the child process up to its first frame (includes program loading).
        var cpuMs: Double
        var peakKiB: Int?
        var rssKiB: Int?
        /// Of the resident memory at the first frame: anonymous pages, pages of files, and the index's own arrays.
        var anonKiB: Int?
        var fileKiB: Int?
        var indexBytes: Int?
        /// From the first frame until the block rows, built on another thread, were ready (nil: none built).
        var blockRowsAfterFirstFrameMs: Double?
    }

    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func run(db: String, width: Int = 200, height: Int = 60) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = ["bench-startup", "--db", db, "--width", String(width), "--height", String(height)]
        let output = Pipe()
        process.standardOutput = output
        let watch = Stopwatch()
        let launchedAt = MonotonicClock.nanoseconds
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let wallMs = watch.milliseconds
        guard process.terminationStatus == 0,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw StoreError("bench-startup failed (exit \(process.terminationStatus)): \(String(decoding: data, as: UTF8.self))")
        }
        func number(_ key: String) -> Double { (object[key] as? NSNumber)?.doubleValue ?? .nan }
        let frameAt = (object["frameMonotonicNs"] as? NSNumber)?.int64Value ?? 0
        let launchToFirstFrameMs = frameAt > 0 ? Double(frameAt - Int64(launchedAt)) / 1_000_000 : .nan
        return Run(wallMs: wallMs, launchToFirstFrameMs: launchToFirstFrameMs, firstFrameMs: number("firstFrameMs"), loadMs: number("loadMs"),
                   computeMs: number("computeMs"), renderMs: number("renderMs"), cpuMs: number("processCPUMs"),
                   peakKiB: (object["vmHWMKiB"] as? NSNumber)?.intValue, rssKiB: (object["vmRSSKiB"] as? NSNumber)?.intValue,
                   anonKiB: (object["rssAnonKiB"] as? NSNumber)?.intValue, fileKiB: (object["rssFileKiB"] as? NSNumber)?.intValue,
                   indexBytes: (object["indexBytes"] as? NSNumber)?.intValue,
                   blockRowsAfterFirstFrameMs: object["blockRows"] as? Bool == true ? number("blockRowsAfterFirstFrameMs") : nil)
    }
}
