import Foundation
import Testing

@testable import DashboardModel

/// `RecordChannel.hold`: while a sync's transaction ends, the reading may go on, but hands over no batch.
@Suite struct RecordChannelHoldTests {
    @Test func aHeldChannelTakesLightItemsButKeepsCountedOnesWaitingUntilReleased() throws {
        let channel = RecordChannel<Int>(capacity: 4)
        channel.hold()
        try channel.put(1, counts: false)
        let putDone = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? channel.put(2)
            putDone.signal()
        }
        thread.start()
        // Room enough, yet the counted item waits.
        #expect(putDone.wait(timeout: .now() + 0.3) == .timedOut)
        #expect(channel.take() == 1)
        channel.release()
        #expect(putDone.wait(timeout: .now() + 5) == .success)
        #expect(channel.take() == 2)
    }

    @Test func cancellingWakesAPutThatWaitsOnAHold() {
        let channel = RecordChannel<Int>(capacity: 4)
        channel.hold()
        let threw = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { try channel.put(1) } catch is RecordChannel<Int>.Cancelled { threw.signal() } catch {}
        }
        thread.start()
        // Still waiting on the hold (room enough) until the cancel.
        #expect(threw.wait(timeout: .now() + 0.3) == .timedOut)
        channel.cancel()
        #expect(threw.wait(timeout: .now() + 5) == .success)
    }
}
