import Testing

@testable import DashboardModel

@Suite struct ImportTimestampTests {
    @Test func zonesAndOffsets() {
        #expect(TimestampParser.parse("1970-01-01T00:00:00Z") == 0)
        #expect(TimestampParser.parse("2026-11-17T16:42:46Z") == 1_794_933_766)
        #expect(TimestampParser.parse("2026-03-08T01:30:00-05:00") == 1_772_951_400)
        #expect(TimestampParser.parse("2026-03-08T01:30:00-0500") == 1_772_951_400)
        #expect(TimestampParser.parse("2026-03-08T01:30:00-05") == 1_772_951_400)
        #expect(TimestampParser.parse("2026-03-08T12:15:00+05:45") == 1_772_951_400)
        #expect(TimestampParser.parse("2026-03-08T06:30:00+00:00") == 1_772_951_400)
        #expect(TimestampParser.parse("2026-03-08 06:30:00z") == 1_772_951_400)
        #expect(TimestampParser.parse("2026-03-08T06:30Z") == 1_772_951_400)
        #expect(TimestampParser.parse("1969-12-31T23:59:59Z") == -1)
    }

    @Test func fractionsAreTruncated() {
        #expect(TimestampParser.parse("2026-03-08T06:30:00.999Z") == 1_772_951_400)
        #expect(TimestampParser.parse("2026-03-08T06:30:00.1234567Z") == 1_772_951_400)
        #expect(TimestampParser.parse("2026-03-08T01:30:00,5-05:00") == 1_772_951_400)
    }

    @Test func leapDays() {
        #expect(TimestampParser.parse("2024-02-29T00:00:00Z") == 1_709_164_800)
        #expect(TimestampParser.parse("2000-02-29T00:00:00Z") == 951_782_400)
        #expect(TimestampParser.parse("2026-02-29T00:00:00Z") == nil)
        #expect(TimestampParser.parse("1900-02-29T00:00:00Z") == nil)
    }

    @Test func invalid() {
        for text in [
            "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-11-28T09:30:00", "2026-11-28", "2026-11-28T24:00:00Z", "2026-11-28T09:60:00Z",
            "2026-11-28T09:30:61Z", "2026-11-28T09:30:00.Z", "2026-11-28T09:30:00+5:00", "2026-11-28T09:30:00+05:00x",
            "2026/11/28T09:30:00Z", "26-11-28T09:30:00Z", "2026-11-28T09:30:00 Z", "", "yesterday",
            "2026-11-28T09:30:00+24:00",
        ] {
            #expect(TimestampParser.parse(text) == nil, "\(text)")
        }
    }

    @Test func fromAFile() throws {
        let text = """
            msdyn_delivery_id,createdon,modifiedon,msdyn_status
            d1,2026-03-08T01:30:00-05:00,2026-03-08T06:30:00.75Z,Pending
            """
        let all = try importRead("d.csv", text).1
        #expect(all.first?.record == .delivery(Delivery(deliveryId: "d1", createdOn: 1_772_951_400, modifiedOn: 1_772_951_400, status: "Pending")))
    }
}
