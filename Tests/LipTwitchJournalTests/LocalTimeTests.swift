import LipTwitchJournal
import LipTwitchSignals
import LipTwitchSimulator
import Testing

@Suite struct LocalTimeTests {
    @Test(arguments: [
        (1_795_266_303_250, 60, "2026-11-21T14:05:03.250+01:00"),
        (1_795_266_303_250, 0, "2026-11-21T13:05:03.250+00:00"),
        (1_795_266_303_250, -300, "2026-11-21T08:05:03.250-05:00"),
        (1_795_266_303_250, 345, "2026-11-21T18:50:03.250+05:45"),
        (1_795_266_303_250, -210, "2026-11-21T09:35:03.250-03:30"),
        (1_795_266_303_250, 840, "2026-11-22T03:05:03.250+14:00"),
        (0, 0, "1970-01-01T00:00:00.000+00:00"),
        (-1, 0, "1969-12-31T23:59:59.999+00:00"),
        (951_782_400_000, 0, "2000-02-29T00:00:00.000+00:00"),
        (253_402_300_799_999, 0, "9999-12-31T23:59:59.999+00:00"),
    ] as [(Int64, Int, String)])
    func formatsWithTheLocalOffset(milliseconds: Int64, offset: Int, text: String) throws {
        let time = LocalTime(epochMilliseconds: milliseconds, utcOffsetMinutes: offset)
        #expect(time.rfc3339 == text)
        #expect(LocalTime(rfc3339: text) == time)
    }

    @Test(arguments: [
        ("2026-11-21T13:05:03Z", 1_795_266_303_000, 0),
        ("2026-11-21t13:05:03z", 1_795_266_303_000, 0),
        ("2026-11-21 14:05:03+01:00", 1_795_266_303_000, 60),
        ("2026-11-21T14:05:03.2+01:00", 1_795_266_303_200, 60),
        ("2026-11-21T14:05:03.123456789+01:00", 1_795_266_303_123, 60),
        ("2016-12-31T23:59:60Z", 1_483_228_800_000, 0),
        ("2026-11-21T07:35:03.250-05:30", 1_795_266_303_250, -330),
        ("2026-11-21 14:05:03.250+01:00", 1_795_266_303_250, 60),
    ] as [(String, Int64, Int)])
    func readsEveryRFC3339Spelling(text: String, milliseconds: Int64, offset: Int) {
        #expect(LocalTime(rfc3339: text) == LocalTime(epochMilliseconds: milliseconds, utcOffsetMinutes: offset))
    }

    @Test(arguments: [
        "", "2026-11-21", "2026-11-21T14:05+01:00", "2026-11-21T14:05:03", "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T14:60:00Z", "2026-11-21T14:05:03.+01:00",
        "2026-11-21T14:05:03+24:00", "2026-11-21T14:05:03+01:60", "2026-11-21T14:05:03+0100", "2026-11-21T14:05:03Z ",
        "x2026-11-21T14:05:03Z", "0000-01-01T00:00:00Z", "２０２６-11-21T14:05:03Z",
        // The journal's own 29-byte form, which has a reader of its own.
        "2026-02-29T00:00:00.000+01:00", "2026-11-21T24:00:00.000+01:00", "2026-11-21T14:05:03.000+24:00",
        "2026-11-21T14:05:03.000+01:60", "2026-11-21T14:05:0x.000+01:00", "2026-11-21T14:05:03.0/0+01:00",
        "2026-11-21X14:05:03.000+01:00", "2026-11-21T14:05:03.000*01:00", "0000-11-21T14:05:03.000+01:00",
    ])
    func rejectsWhatIsNotRFC3339(text: String) {
        #expect(LocalTime(rfc3339: text) == nil)
    }

    @Test func randomMomentsSurviveTheRoundTrip() {
        var random = SignalRandom(seed: 5)
        for _ in 0..<20_000 {
            let time = LocalTime(
                epochMilliseconds: Int64.random(in: -62_135_596_800_000 + 86_400_000...253_402_214_400_000, using: &random),
                utcOffsetMinutes: Int.random(in: LocalTime.offsetRange, using: &random))
            #expect(LocalTime(rfc3339: time.rfc3339) == time, "\(time.epochMilliseconds) \(time.utcOffsetMinutes)")
        }
    }

    @Test func civilDatesCountDaysLikeTheCalendar() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
        #expect(CivilDate(year: 1969, month: 12, day: 31)!.daysSinceEpoch == -1)
        #expect(CivilDate(daysSinceEpoch: 20_513) == CivilDate(year: 2026, month: 3, day: 1))
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2026, month: 12, day: 31)!.adding(days: 1) == CivilDate(year: 2027, month: 1, day: 1))
        var day = CivilDate(year: 1899, month: 12, day: 1)!
        for _ in 0..<80_000 {
            let next = day.adding(days: 1)
            #expect(next > day && CivilDate(daysSinceEpoch: next.daysSinceEpoch) == next)
            day = next
        }
    }

    @Test func theMonthOfARecordIsItsLocalMonth() {
        let newYearsEveInUTC = LocalTime(rfc3339: "2026-12-31T23:30:00.000+00:00")!
        #expect(JournalMonth(of: newYearsEveInUTC).fileName == "2026-12.jsonl")
        let sameInstantInBerlin = LocalTime(epochMilliseconds: newYearsEveInUTC.epochMilliseconds, utcOffsetMinutes: 60)
        #expect(JournalMonth(of: sameInstantInBerlin).fileName == "2027-01.jsonl")
        #expect(JournalMonth(fileName: "2026-11.jsonl") == JournalMonth(year: 2026, month: 11))
        for name in ["2026-13.jsonl", "2026-1.jsonl", "2026-11.json", "notes.jsonl", "2026-11.jsonl~"] {
            #expect(JournalMonth(fileName: name) == nil, "\(name)")
        }
    }
}
