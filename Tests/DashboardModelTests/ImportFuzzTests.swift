import Foundation
import Synchronization
import Testing

@testable import DashboardModel

/// The hostile-input campaign, kept: seeded mutants of the sample files are imported into one store. Each must
/// finish (no crash, no hang); a refused file leaves every table as it was; an accepted one leaves the counts equal
/// to a recount of the delivery rows, and the dashboard built from the store counts every delivery once.
///
/// `PROACTIVE_TUI_FUZZ_MUTANTS=N` runs N mutants (default 300); `PROACTIVE_TUI_FUZZ_SEED=S` picks the run's seed.
/// A failure names the mutant's seed: `PROACTIVE_TUI_FUZZ_SEED=S PROACTIVE_TUI_FUZZ_MUTANTS=1` replays it alone.
@Suite struct ImportFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let mutantCount = environment["PROACTIVE_TUI_FUZZ_MUTANTS"].flatMap { Int($0) }.map { max(1, $0) } ?? 300
    static let seed = environment["PROACTIVE_TUI_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_2026_1201
    /// No import of these small files may take longer than this.
    static let timeLimit: TimeInterval = 10

    @Test func mutatedSampleFilesNeverCrashHangOrHalfWrite() throws {
        let store = try MXStore()
        for seed in FuzzSeeds.all {
            let outcome = FileImporter.importFile(try importTempFile(seed.name, seed.text), into: store.store)
            try #require(outcome.error == nil, "the seed \(seed.name) imports: \(outcome.error ?? "")")
        }
        var refused = 0, accepted = 0
        var master = SplitMix64(seed: Self.seed)
        for n in 0..<Self.mutantCount {
            // Each mutant has its own seed, so that one can be replayed without the others.
            let mutantSeed = n == 0 ? Self.seed : master.next()
            var rng = SplitMix64(seed: mutantSeed)
            let source = FuzzSeeds.all[Int(rng.next() % UInt64(FuzzSeeds.all.count))]
            var mutator = Mutator(rng: rng)
            let bytes = mutator.mutate(Array(source.text.utf8))
            let what = "mutant seed \(mutantSeed) of \(source.name) (\(mutator.applied.joined(separator: ", ")))"
            let path = try importTempFile(source.name, bytes)
            defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }

            let before = try StoreDigest.of(store.store)
            guard let outcome = Self.importWithin(Self.timeLimit, path, store.store) else {
                Issue.record("\(what): the import did not finish within \(Self.timeLimit) s")
                return
            }
            if outcome.error != nil {
                refused += 1
                let after = try StoreDigest.of(store.store)
                #expect(after == before, "\(what): refused (\(outcome.error ?? "")) but the store changed")
            } else {
                accepted += 1
                let problems = try StoreDigest.inconsistencies(store.store)
                #expect(problems.isEmpty, "\(what): accepted, but \(problems.joined(separator: "; "))")
            }
        }
        print("import fuzz: seed \(Self.seed), \(Self.mutantCount) mutants: \(refused) refused, \(accepted) accepted")
        // The campaign means something only when both kinds of mutant occur (a replay of one mutant aside).
        if Self.mutantCount >= 100 {
            #expect(refused > Self.mutantCount / 10 && accepted > Self.mutantCount / 10, "refused \(refused), accepted \(accepted)")
        }
    }

    /// The import on a thread of its own; nil when it has not finished in time (the thread is left behind).
    static func importWithin(_ seconds: TimeInterval, _ path: String, _ store: DeliveryStore) -> FileImporter.Outcome? {
        final class Box: Sendable { let outcome = Mutex<FileImporter.Outcome?>(nil) }
        let box = Box(), done = DispatchSemaphore(value: 0)
        Thread {
            let outcome = FileImporter.importFile(path, into: store)
            box.outcome.withLock { $0 = outcome }
            done.signal()
        }.start()
        return done.wait(timeout: .now() + seconds) == .success ? box.outcome.withLock({ $0 }) : nil
    }
}

/// Damages a file the ways a download, an editor or an attacker would: one to three mutations per mutant.
struct Mutator {
    var rng: SplitMix64
    private(set) var applied: [String] = []

    init(rng: SplitMix64) { self.rng = rng }

    static let hostile: [[UInt8]] = [
        [0], [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x1B, 0x5D, 0x30, 0x3B, 0x07],
        [0x1B, 0x5B, 0x36, 0x6E], [0xC2, 0x9B], Array("\u{202E}".utf8), [0x22], [0x7B], [0x7D], [0x5B], [0x5D], [0x2C],
        [0x0D], [0x0A], [0x5C], Array("\\u0000".utf8), Array("\\ud800".utf8), Array("99999999999999999999999".utf8),
        Array("-9223372036854775809".utf8), Array("1e999".utf8), Array("9999-12-31T23:59:59Z".utf8),
        Array("0001-01-01T00:00:00Z".utf8), Array("1999-12-31T23:59:59Z".utf8), Array("2026-02-30T00:00:00Z".utf8),
        Array("null".utf8), Array("true".utf8), Array("\"\"".utf8), Array(repeating: 0x41, count: 5000),
    ]

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(3) { bytes = mutateOnce(bytes) }
        return bytes
    }

    private mutating func mutateOnce(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        guard !bytes.isEmpty else { return Self.hostile[below(Self.hostile.count)] }
        let at = below(bytes.count)
        switch below(10) {
        case 0:
            bytes[at] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            applied.append("flip a bit at \(at)")
        case 1:
            bytes.removeSubrange(at...)
            applied.append("cut at \(at)")
        case 2:
            let delimiters: [UInt8] = [0x2C, 0x22, 0x0A, 0x3A, 0x7B, 0x7D, 0x5B, 0x5D]
            let d = delimiters[below(delimiters.count)]
            let places = bytes.indices.filter { bytes[$0] == d }
            if let place = places.isEmpty ? nil : places[below(places.count)] {
                if below(2) == 0 { bytes.remove(at: place); applied.append("drop \(d) at \(place)") }
                else { bytes.insert(d, at: place); applied.append("double \(d) at \(place)") }
            }
        case 3, 4, 5:
            let insert = Self.hostile[below(Self.hostile.count)]
            if below(2) == 0 {
                bytes.insert(contentsOf: insert, at: at)
                applied.append("insert \(insert.prefix(8)) at \(at)")
            } else {
                let end = min(bytes.count, at + 1 + below(24))
                bytes.replaceSubrange(at..<end, with: insert)
                applied.append("replace \(at)..<\(end) by \(insert.prefix(8))")
            }
        case 6:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if lines.count > 2 {
                let a = below(lines.count), b = below(lines.count)
                lines.swapAt(a, b)
                bytes = Array(lines.joined(separator: [0x0A]))
                applied.append("swap lines \(a + 1) and \(b + 1)")
            }
        case 7:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            let line = below(lines.count)
            if below(2) == 0 { lines.insert(lines[line], at: line); applied.append("repeat line \(line + 1)") }
            else { lines.remove(at: line); applied.append("drop line \(line + 1)") }
            bytes = Array(lines.joined(separator: [0x0A]))
        case 8:
            // A digit changed: dates, counts and choice numbers move, often out of range.
            let digits = bytes.indices.filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
            if let place = digits.isEmpty ? nil : digits[below(digits.count)] {
                bytes[place] = 0x30 + UInt8(below(10))
                applied.append("digit at \(place)")
            }
        default:
            let control = UInt8(below(32))
            bytes.insert(control, at: at)
            applied.append("control \(control) at \(at)")
        }
        return bytes
    }
}
