import Foundation
import CoreValues

/// Where a large write spends its time, for tuning: with `PROACTIVE_TUI_TRACE_IMPORT=1` in the environment, each
/// phase of a write (batches handed over and applied, the reader waiting, the end of reading, counts, links,
/// snapshot, commit; and the sync's requests and stages) prints a line to standard error: wall seconds since the first mark, the calling thread's CPU
/// seconds, and the phase. Otherwise a mark costs one test.
public enum ImportTrace {
    public static let isOn = ProcessEnvironment.values["PROACTIVE_TUI_TRACE_IMPORT"] == "1"
    private static let start = Date()

    @inline(__always) public static func mark(_ phase: @autoclosure () -> String) {
        if isOn { write(phase()) }
    }

    private static func write(_ phase: String) {
        var cpu = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
        let line = String(format: "import trace %8.3f s  cpu %7.3f s  %@\n", Date().timeIntervalSince(start),
                          Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9, phase)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
