import Testing
@testable import DashboardModel

/// The largest k with (abandoned + k) / (live + k) <= 3%, at its edges, and against counting k up one by one.
@Suite struct AbandonsToLimitTests {
    func k(_ abandoned: Int, _ live: Int) -> Int {
        ComplianceRow.abandonsToLimit(abandoned: abandoned, liveAnswered: live, limitPercent: 3)
    }

    @Test func edgesByHand() {
        #expect(k(0, 0) == 0)  // a first abandoned call of none answered is 100%
        #expect(k(0, 32) == 0)  // 1/33 = 3.03%: over
        #expect(k(0, 33) == 1)  // 1/34 = 2.94%
        #expect(k(0, 97) == 3)  // 3/100 = 3% exactly: at the limit, allowed
        #expect(k(0, 96) == 2)  // 3/99 = 3.03%: over, so 2 (2/98 = 2.04%)
        #expect(k(3, 100) == 0)  // 3/100: at the limit, nothing more
        #expect(k(2, 100) == 1)  // 3/101 = 2.97%; 4/102 = 3.92%
        #expect(k(4, 100) == 0)  // over already
        #expect(k(1, 200) == 5)  // 6/205 = 2.93%; 7/206 = 3.40%
        #expect(k(30, 1000) == 0)
        #expect(k(29, 1000) == 1)  // 30/1001 = 2.997%
        #expect(k(0, 1_000_000) == 30_927)  // 3,000,000 / 97 rounded down
    }

    @Test func atTheLimitIsNotOver() {
        #expect(!ComplianceRow(id: "a", name: "a", liveAnswered: 100, abandoned: 3).isOver())
        #expect(ComplianceRow(id: "a", name: "a", liveAnswered: 100, abandoned: 4).isOver())
        #expect(ComplianceRow(id: "a", name: "a", liveAnswered: 33, abandoned: 1).isOver())  // 3.03%
        #expect(!ComplianceRow(id: "a", name: "a", liveAnswered: 0, abandoned: 0).isOver())
        #expect(ComplianceRow(id: "a", name: "a", liveAnswered: 0, abandoned: 0).rate == nil)
    }

    /// Every (abandoned, live) up to 25 / 700: k is the last count for which the rule still holds, counting up.
    @Test func equalsCountingUp() {
        for a in 0...25 {
            for l in a...700 {
                var expected = 0
                if 100 * a <= 3 * l {
                    while 100 * (a + expected + 1) <= 3 * (l + expected + 1) { expected += 1 }
                }
                #expect(k(a, l) == expected, "abandoned \(a), live \(l)")
            }
        }
    }
}
