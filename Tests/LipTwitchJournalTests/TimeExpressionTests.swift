import LipTwitchJournal
import Testing

/// `--at` and `--since` times, resolved against a synthetic Central European zone (UTC+1,
/// UTC+2 in summer: from 2026-03-29 01:00 UTC to 2026-10-25 01:00 UTC).
@Suite struct TimeExpressionTests {
    static let summerStart = LocalTime(rfc3339: "2026-03-29T01:00:00Z")!.epochMilliseconds
    static let summerEnd = LocalTime(rfc3339: "2026-10-25T01:00:00Z")!.epochMilliseconds

    static func berlin(_ instant: Int64) -> Int {
        (summerStart..<summerEnd).contains(instant) ? 120 : 60
    }

    func resolve(_ text: String, now: String) throws(TimeExpressionError) -> LocalTime {
        try TimeExpression(parsing: text).resolve(now: LocalTime(rfc3339: now)!, offsetAt: Self.berlin)
    }

    @Test(arguments: [
        ("now", "2026-11-21T14:07:00.000+01:00"),
        ("14:05", "2026-11-21T14:05:00.000+01:00"),
        ("14:15", "2026-11-21T14:15:00.000+01:00"),
        ("23:30", "2026-11-20T23:30:00.000+01:00"),
        ("14:05:30", "2026-11-21T14:05:30.000+01:00"),
        ("today 09:00", "2026-11-21T09:00:00.000+01:00"),
        ("Yesterday 22:30", "2026-11-20T22:30:00.000+01:00"),
        ("today", "2026-11-21T00:00:00.000+01:00"),
        ("yesterday", "2026-11-20T00:00:00.000+01:00"),
        ("2026-11-01", "2026-11-01T00:00:00.000+01:00"),
        ("2026-08-01", "2026-08-01T00:00:00.000+02:00"),
        ("2026-11-20T14:05", "2026-11-20T14:05:00.000+01:00"),
        ("2026-11-20 14:05:09", "2026-11-20T14:05:09.000+01:00"),
        ("2026-11-20T14:05:09.25", "2026-11-20T14:05:09.250+01:00"),
        ("2026-11-20T14:05-05:00", "2026-11-20T14:05:00.000-05:00"),
        ("2026-11-20T14:05:00Z", "2026-11-20T14:05:00.000+00:00"),
        ("2d", "2026-11-19T14:07:00.000+01:00"),
        ("12h", "2026-11-21T02:07:00.000+01:00"),
        ("1h30m", "2026-11-21T12:37:00.000+01:00"),
        ("90min ago", "2026-11-21T12:37:00.000+01:00"),
        ("1w", "2026-11-14T14:07:00.000+01:00"),
    ])
    func resolvesAgainstNow(text: String, expected: String) throws {
        #expect(try resolve(text, now: "2026-11-21T14:07:00.000+01:00").rfc3339 == expected)
    }

    @Test func spansBackAcrossDaylightSavingTimeKeepTheOffsetOfThen() throws {
        #expect(try resolve("2d", now: "2026-03-30T12:00:00.000+02:00").rfc3339 == "2026-03-28T11:00:00.000+01:00")
    }

    @Test func theHourSkippedInSpringIsAnError() {
        do {
            let time = try resolve("2026-03-29T02:30", now: "2026-11-21T14:07:00.000+01:00")
            Issue.record("resolved to \(time)")
        } catch {
            #expect(error == .skippedByClock(LocalTime(rfc3339: "2026-03-29T02:30:00Z")!.civil))
            #expect(error.description.hasPrefix("2026-03-29 02:30 never happened here"))
        }
    }

    @Test func theHourRepeatedInAutumnIsItsFirstPass() throws {
        #expect(try resolve("2026-10-25T02:30", now: "2026-11-21T14:07:00.000+01:00").rfc3339
            == "2026-10-25T02:30:00.000+02:00")
        let civil = try #require(LocalTime(rfc3339: "2026-10-25T02:30:00.000+02:00")?.civil)
        #expect(civil.instants(offsetAt: Self.berlin).map(\.rfc3339)
            == ["2026-10-25T02:30:00.000+02:00", "2026-10-25T02:30:00.000+01:00"])
    }

    @Test func justAfterMidnightABareTimeMeansLastNight() throws {
        #expect(try resolve("23:30", now: "2026-11-21T00:10:00.000+01:00").rfc3339 == "2026-11-20T23:30:00.000+01:00")
        #expect(try resolve("00:15", now: "2026-11-21T00:10:00.000+01:00").rfc3339 == "2026-11-21T00:15:00.000+01:00")
    }

    @Test(arguments: ["", "soon", "25:00", "14:5", "14h05", "2026-11-31", "2026-11-20T25:00", "3 days", "-2d", "2x",
                      "yesterday 22", "tomorrow 10:00", "2d ago ago", "1234567d"])
    func unreadableTimesSayHowToWriteThem(text: String) {
        do {
            _ = try TimeExpression(parsing: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.hasPrefix("cannot read the time '\(text)'; write it like 14:05"))
        }
    }
}
