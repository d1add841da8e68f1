import Foundation

/// Byte arrays for received pages, handed back once a page is read, so that the next page is received into memory
/// the process already uses. A page of 5,000 deliveries is about 4.4 MB: a fresh array for each one was a fresh
/// mapping from the system (its pages faulted in as they were written, and unmapped again when it went), a third of
/// the page faults of a first sync. The answers to `$batch` requests of conversations (about 460 KB) and the
/// conversations that travel with a page come and go through it as well.
///
/// `@unchecked Sendable`: `free` is read and written only with `lock` held.
public final class PageBuffers: @unchecked Sendable {
    /// The sync's pages.
    public static let shared = PageBuffers(keeping: 8)
    /// Replies smaller than this are not worth keeping.
    public static let smallest = 256 << 10

    private let lock = NSLock()
    private var free: [[UInt8]] = []
    private let keeping: Int

    public init(keeping: Int) { self.keeping = keeping }

    /// An empty array with room for at least `capacity` bytes: a kept one when one is large enough and at most twice
    /// as large (the smallest such), else a new one with an eighth more.
    public func take(capacity: Int) -> [UInt8] {
        lock.lock()
        var best: Int?
        // Not one more than twice as large: a small answer would take a page's array and never give it back.
        for (i, buffer) in free.enumerated() where buffer.capacity >= capacity && buffer.capacity / 2 <= capacity {
            if best.map({ buffer.capacity < free[$0].capacity }) ?? true { best = i }
        }
        let kept = best.map { free.remove(at: $0) }
        lock.unlock()
        if let kept { return kept }
        // With room to spare: pages of one table differ by a few kilobytes, and the next may be the larger.
        var fresh: [UInt8] = []
        fresh.reserveCapacity(capacity + capacity / 8)
        return fresh
    }

    /// Takes `bytes` back for a later `take`, when nothing else holds its storage (else it simply goes) and fewer
    /// than `keeping` wait.
    public func give(_ bytes: inout [UInt8]) {
        guard bytes.capacity >= Self.smallest else { return }
        var buffer: [UInt8] = []
        swap(&buffer, &bytes)
        let before = buffer.withUnsafeBufferPointer { $0.baseAddress }
        // Emptied in place when the storage is this array's alone; shared storage would be copied instead.
        buffer.removeAll(keepingCapacity: true)
        guard buffer.withUnsafeBufferPointer({ $0.baseAddress }) == before else { return }
        lock.lock()
        if free.count < keeping { free.append(buffer) }
        lock.unlock()
    }

    /// Lets every kept array go (a round of the sync has ended: the next may be hours away).
    public func removeAll() {
        lock.lock()
        free.removeAll()
        lock.unlock()
    }

    /// How many arrays wait (for tests).
    public var kept: Int {
        lock.lock()
        defer { lock.unlock() }
        return free.count
    }
}
