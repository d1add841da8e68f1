/// A value whose ownership moves to a thread the caller starts, where the type system cannot see the move: the
/// value (a closure that reads a file into a lent stager, say) is used on the new thread only, and the starting
/// thread touches nothing reachable only through it until it has waited for that thread to end.
///
/// `@unchecked Sendable` is the move itself: every use says who owns the value and what the starting thread waits
/// on before it may look at anything the value reached (`PipelinedWrite.run`: the producer's end semaphore).
struct HandedOver<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
