#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal
import LipTwitchSignals
import RealModule

/// A seeded synthetic journal with planted patterns, as the daemon would have written it:
/// each worn day a session starts, the sensor connects, reports its status every few
/// minutes, episodes come as a Poisson process whose rate carries the planted effects
/// (triggers after notes, a trend, growing clusters), and the sensor disconnects at the end
/// of the day. The same configuration and seed give the same records.
///
/// Records are made a day at a time, so a year streams through in the memory of one day.
public struct SyntheticJournal: Sendable {
    public var firstDay: CivilDate
    public var days: Int
    public var utcOffsetMinutes = 60
    public var seed: UInt64
    /// Local hours the sensor is worn each day, `start..<end`.
    public var wearStart = 8
    public var wearEnd = 18
    /// The chance that a day is worn at all.
    public var wornShare = 1.0
    /// The days worn, when set: `wornShare` is not drawn on.
    public var wornDays: Set<Int>?
    /// Days worn around the clock, from midnight to midnight.
    public var roundTheClockDays: Set<Int> = []
    /// The usual episode rate, per hour worn.
    public var episodesPerHour = 2.0
    /// The rate in each local hour of the day is multiplied by this (24 values); nil: flat.
    public var hourProfile: [Double]?
    /// The rate grows by this share each week (0.2: 20 % a week).
    public var weeklyGrowth = 0.0
    /// Mean twitches per episode, and its growth per week.
    public var twitchesPerEpisode = 2.5
    public var clusterWeeklyGrowth = 0.0
    /// Where the episodes are, with weights; the sensor has a channel on each.
    public var sites: [(placement: String, weight: Double)] = [("upper-left", 1)]
    /// Channels the sensor has besides `sites`, where nothing twitches.
    public var quietSites: [String] = []
    /// Sites that only start to twitch on this day.
    public var siteStartDay: [String: Int] = [:]
    public var triggers: [PlantedTrigger] = []
    public var notes: [PlantedNote] = []
    /// Days with one tremor episode at noon.
    public var tremorDays: Set<Int> = []
    /// A device status record this often while worn (minutes); nil for none.
    public var statusMinutes: Int? = 5
    /// A link counters record this often while worn (minutes); nil for none.
    public var countersMinutes: Int?
    /// Link stalls per worn day (Poisson mean), each a four-second gap record.
    public var gapsPerDay = 0.0
    /// On every this many days, the day's last note is withdrawn by a retraction; nil for none.
    public var retractionDays: Int?
    /// Values in each episode's plotting envelope.
    public var envelopePoints = 64

    public static let sensor = "LT-SYN-0001"

    public init(firstDay: CivilDate, days: Int, seed: UInt64) {
        self.firstDay = firstDay
        self.days = days
        self.seed = seed
    }

    /// Hands every record to `body` in the order written.
    public func forEachRecord(_ body: (JournalRecord) throws -> Void) rethrows {
        var random = SignalRandom(seed: seed)
        var effects: [(start: Int64, end: Int64, ratio: Double)] = []
        for day in 0..<days {
            var records = makeDay(day, effects: &effects, random: &random)
            records.sort { $0.time < $1.time }
            for record in records { try body(record) }
        }
    }

    /// Hands out the journal as the lines of its month files: each record's JSON line with
    /// the month whose file it belongs in, a header line first in each month.
    public func forEachLine(_ body: (_ month: JournalMonth, _ line: String) throws -> Void) rethrows {
        var month: JournalMonth?
        try forEachRecord { record in
            let recordMonth = JournalMonth(of: record.time)
            if recordMonth != month {
                month = recordMonth
                let id = UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, UInt8(recordMonth.year % 100),
                                     UInt8(recordMonth.month)))
                let header = JournalRecord(
                    id: id, time: record.time, source: record.source, body: .header(HeaderRecord(month: recordMonth)))
                try body(recordMonth, header.jsonLine)
            }
            try body(recordMonth, record.jsonLine)
        }
    }

    /// The moment `hours` (may be fractional, may pass midnight) after midnight of `day`.
    public func time(day: Int, hours: Double) -> LocalTime {
        let midnight = LocalTime(
            civil: CivilDateTime(date: firstDay.adding(days: day), hour: 0, minute: 0)!,
            utcOffsetMinutes: utcOffsetMinutes)
        return midnight.adding(milliseconds: Int64(hours * 3_600_000))
    }

    private func makeDay(
        _ day: Int, effects: inout [(start: Int64, end: Int64, ratio: Double)], random: inout SignalRandom
    ) -> [JournalRecord] {
        var records: [JournalRecord] = []
        var maker = RecordMaker(random: random)
        defer { random = maker.random }
        for trigger in triggers {
            for _ in 0..<maker.poisson(trigger.notesPerDay) {
                let hours = trigger.hours ?? Double(wearStart - 1)..<Double(wearEnd - 1)
                let at = time(day: day, hours: Double.random(in: hours, using: &maker.random))
                records.append(maker.note(NoteRecord(text: trigger.tag, tags: [trigger.tag], at: at, amount: trigger.amount)))
                let start = at.epochMilliseconds
                effects.append((start, start + Int64(trigger.effectHours * 3_600_000), trigger.rateRatio))
            }
        }
        for note in notes where note.day == day {
            records.append(maker.note(NoteRecord(text: note.text, tags: note.tags, at: time(day: day, hours: Double(note.hour)))))
        }
        let roundTheClock = roundTheClockDays.contains(day)
        guard roundTheClock || wornDays.map({ $0.contains(day) }) ?? (Double.random(in: 0..<1, using: &maker.random) < wornShare)
        else { return records }
        let from = time(day: day, hours: roundTheClock ? 0 : Double(wearStart))
        let to = time(day: day, hours: roundTheClock ? 24 : Double(wearEnd))
        let channels = (sites.map(\.placement) + quietSites).enumerated().map {
            DeviceRecord.Channel(index: $0.offset, placement: $0.element, unit: "uV")
        }
        maker.session = maker.uuid()
        records.append(maker.record(.session(SessionRecord(event: .start, mode: "daemon")), at: from))
        records.append(
            maker.record(
                .device(DeviceRecord(sensor: Self.sensor, event: .connected, path: "/dev/ttyACM0", sensorKind: "emg",
                                     sampleRateHz: 2000, firmware: "1.0.0", channels: channels)),
                at: from.adding(milliseconds: 1)))
        for moment in Self.moments(every: statusMinutes, from: from, to: to) {
            records.append(
                maker.record(.device(DeviceRecord(sensor: Self.sensor, event: .status, batteryPercent: 80)), at: moment))
        }
        for (tick, moment) in Self.moments(every: countersMinutes, from: from, to: to).enumerated() {
            records.append(maker.record(.device(Self.counters(tick: tick + 1, minutes: countersMinutes ?? 0)), at: moment))
        }
        let worn = to.epochMilliseconds - from.epochMilliseconds - 10_000
        for _ in 0..<maker.poisson(gapsPerDay) {
            let start = from.adding(milliseconds: Int64.random(in: 0..<worn, using: &maker.random))
            let gap = GapRecord(
                reason: .linkStall, start: start, end: start.adding(milliseconds: 4000), sensor: Self.sensor,
                lostSamples: 8000)
            records.append(maker.record(.gap(gap), at: start.adding(milliseconds: 5000)))
        }
        effects.removeAll { $0.end < from.epochMilliseconds }
        let weeks = Double(day) / 7
        let baseRate = episodesPerHour * Double.pow(1 + weeklyGrowth, weeks)
        let peakRate = baseRate * effects.reduce(1) { max($0, $1.ratio) } * (hourProfile?.max() ?? 1)
        let meanTwitches = twitchesPerEpisode * Double.pow(1 + clusterWeeklyGrowth, weeks)
        var moment = from.epochMilliseconds
        while true {
            moment += Int64(maker.exponential(peakRate) * 3_600_000)
            guard moment < to.epochMilliseconds - 10_000 else { break }
            let active = effects.filter { $0.start <= moment && moment < $0.end }.map(\.ratio)
            let hour = Int((moment - from.epochMilliseconds) / 3_600_000 + (roundTheClock ? 0 : Int64(wearStart))) % 24
            let rate = baseRate * (active.isEmpty ? 1 : active.max()!) * (hourProfile?[hour] ?? 1)
            guard Double.random(in: 0..<peakRate, using: &maker.random) < rate,
                let site = pickSite(day: day, random: &maker.random)
            else { continue }
            let start = LocalTime(epochMilliseconds: moment, utcOffsetMinutes: utcOffsetMinutes)
            records.append(
                maker.episode(start: start, site: site, channel: channels.firstIndex { $0.placement == site } ?? 0,
                              twitches: 1 + maker.poisson(max(0, meanTwitches - 1)), envelopePoints: envelopePoints))
        }
        if tremorDays.contains(day) {
            records.append(
                maker.episode(start: time(day: day, hours: roundTheClock ? 12 : Double(wearStart + wearEnd) / 2),
                              site: sites[0].placement, channel: 0, twitches: 25, envelopePoints: envelopePoints,
                              tremor: true))
        }
        let retraction = to.adding(milliseconds: -1000)
        if let retractionDays, day % retractionDays == retractionDays - 1,
            let note = records.last(where: { $0.kind == .note && $0.time < retraction })
        {
            records.append(
                maker.record(.retraction(RetractionRecord(retracts: note.id, reason: "wrong time")), at: retraction,
                             source: RecordMaker.noteTool))
        }
        records.append(
            maker.record(.device(DeviceRecord(sensor: Self.sensor, event: .disconnected, reason: "unplugged")), at: to))
        records.append(
            maker.record(.session(SessionRecord(event: .stop, mode: "daemon", reason: "signal")), at: to.adding(milliseconds: 1)))
        return records
    }

    /// Every `minutes` after `from`, before `to`; none when `minutes` is nil.
    private static func moments(every minutes: Int?, from: LocalTime, to: LocalTime) -> [LocalTime] {
        guard let minutes, minutes > 0 else { return [] }
        let step = Int64(minutes) * 60_000
        return stride(from: from.epochMilliseconds + step, to: to.epochMilliseconds, by: Int(step)).map {
            LocalTime(epochMilliseconds: $0, utcOffsetMinutes: from.utcOffsetMinutes)
        }
    }

    /// The link counters after `tick` reports `minutes` apart, at 2 000 samples a second.
    private static func counters(tick: Int, minutes: Int) -> DeviceRecord {
        let seconds = tick * minutes * 60
        return DeviceRecord(
            sensor: sensor, event: .counters,
            counters: [.init(name: "bytes_received", value: seconds * 2880), .init(name: "frames_decoded", value: seconds * 12),
                       .init(name: "crc_failures", value: tick % 3), .init(name: "resyncs", value: tick % 2),
                       .init(name: "lost_frames", value: tick % 4)])
    }

    private func pickSite(day: Int, random: inout SignalRandom) -> String? {
        let open = sites.filter { (siteStartDay[$0.placement] ?? 0) <= day }
        let total = open.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        var pick = Double.random(in: 0..<total, using: &random)
        for site in open {
            pick -= site.weight
            if pick < 0 { return site.placement }
        }
        return open.last?.placement
    }
}
