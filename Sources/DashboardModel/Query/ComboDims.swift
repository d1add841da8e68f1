/// A combination's interned value per dimension, in `FilterDimension.allCases` order (`AggregateIndex.slotOf`), held
/// inline: no array to allocate, count and free per combination (a store has thousands; each snapshot process loads
/// them all once).
struct ComboDims {
    private var values: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)

    static let count = 8

    init(_ channel: Int32, _ queue: Int32, _ configuration: Int32, _ conversationType: Int32, _ direction: Int32,
         _ dialMode: Int32, _ status: Int32, _ result: Int32) {
        values = (channel, queue, configuration, conversationType, direction, dialMode, status, result)
    }

    /// The value of the dimension at `slot` (0 ..< 8).
    subscript(slot: Int) -> Int32 {
        precondition(slot >= 0 && slot < Self.count, "a dimension slot is 0 ..< 8")
        return withUnsafeBytes(of: values) { $0.load(fromByteOffset: slot * MemoryLayout<Int32>.stride, as: Int32.self) }
    }
}
