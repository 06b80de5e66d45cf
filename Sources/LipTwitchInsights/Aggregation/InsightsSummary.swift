/// Everything a report is made from, gathered in one pass over the journal: per day, per
/// hour of day, per site, per note tag, per five-minute bin. Its size depends on the
/// period's length, never on how many records the journal holds.
public struct InsightsSummary: Sendable {
    /// Tags beyond this many distinct ones are counted, not analysed (keeps memory bounded
    /// whatever the notes say).
    public static let maximumTags = 32
    /// Symptom notes kept as evidence; more are counted.
    public static let keptSymptomNotes = 20

    public let period: ReportPeriod
    public let windows: TriggerWindows
    public internal(set) var days: [DayTally]
    /// Episodes per (day, hour of day), by each episode's own local time.
    var dayHourEpisodes: [Int32]
    /// Episodes and measured seconds per hour of day over the period.
    public internal(set) var hourEpisodes: [Int]
    public internal(set) var hourObservedSeconds: [Double]
    /// Episodes per site, by placement label.
    public internal(set) var placements: [String: PlacementTally] = [:]
    /// The sites, most episodes first, ties by placement label: a report lists them in the
    /// same order every time (a dictionary's order changes from one run to the next).
    public var sitesByEpisodes: [PlacementTally] {
        placements.values.sorted {
            $0.episodes != $1.episodes ? $0.episodes > $1.episodes : $0.site.placement < $1.site.placement
        }
    }
    /// Sites a connected sensor had a channel on, with the first day it did (0 when it
    /// was already connected when the period began).
    public internal(set) var measuredSites: [String: Int] = [:]
    /// Note tags that are looked at as triggers (not symptom tags).
    public internal(set) var tags: [String: TagTally] = [:]
    /// Notes whose tags were beyond `maximumTags`.
    public internal(set) var untrackedTagNotes = 0
    public internal(set) var bins: TimeBins
    public internal(set) var tremor: TremorTally
    public internal(set) var symptomNotes: [SymptomNote] = []
    public internal(set) var symptomNoteCount = 0

    init(period: ReportPeriod, windows: TriggerWindows) {
        self.period = period
        self.windows = windows
        days = (0..<period.dayCount).map { DayTally(date: period.date(ofDay: $0)) }
        dayHourEpisodes = Array(repeating: 0, count: period.dayCount * 24)
        hourEpisodes = Array(repeating: 0, count: 24)
        hourObservedSeconds = Array(repeating: 0, count: 24)
        bins = TimeBins(period: period)
        tremor = TremorTally(dayCount: period.dayCount)
    }

    /// Episodes that started on day `day` in hour `hour` (local time).
    public func episodes(day: Int, hour: Int) -> Int { Int(dayHourEpisodes[day * 24 + hour]) }

    public var episodes: Int { days.reduce(0) { $0 + $1.episodes } }
    public var twitches: Int { days.reduce(0) { $0 + $1.twitches } }
    public var twitchingSeconds: Double { days.reduce(0) { $0 + $1.twitchingSeconds } }
    public var observedHours: Double { days.reduce(0) { $0 + $1.observedHours } }
    public var measuredDays: Int { days.filter(\.isMeasured).count }
    public var twitchDays: Int { days.filter { $0.twitchEpisodes > 0 }.count }

    /// Episodes by side over the period.
    public func episodes(on side: FaceSite.Side) -> Int { days.reduce(0) { $0 + $1.episodes(on: side) } }

    /// The sides that had a sensor on them (or an episode) during the period.
    public var measuredSides: Set<FaceSite.Side> {
        Set(measuredSites.keys.map { FaceSite(placement: $0).side })
            .union(placements.values.map(\.site.side))
    }
}
