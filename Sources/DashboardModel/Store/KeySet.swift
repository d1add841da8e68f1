/// A set of 64-bit keys: open addressing with a cheap hash (the keys are hashes already). The writer keeps the
/// delivery keys a transaction inserted into a store that held none, so it knows a key is free without asking SQLite.
struct KeySet {
    private var keys: [Int64]
    private var used: [Bool]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        used = Array(repeating: false, count: size)
        mask = size - 1
    }

    @inline(__always) private func start(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask
    }

    func contains(_ key: Int64) -> Bool {
        var i = start(key)
        while used[i] {
            if keys[i] == key { return true }
            i = (i + 1) & mask
        }
        return false
    }

    mutating func insert(_ key: Int64) {
        if (count + 1) * 2 > mask + 1 { grow() }
        var i = start(key)
        while used[i] {
            if keys[i] == key { return }
            i = (i + 1) & mask
        }
        used[i] = true
        keys[i] = key
        count += 1
    }

    private mutating func grow() {
        let old = (keys, used)
        self = KeySet(capacity: mask + 1)
        for i in old.0.indices where old.1[i] { insert(old.0[i]) }
    }
}
