import LipTwitchJournal

/// The tremor episodes of the period (a rhythmic train, reported apart from twitches).
public struct TremorTally: Sendable, Equatable {
    public var episodes = 0
    public var first: LocalTime?
    public var last: LocalTime?
    public var lowestHz = Double.infinity
    public var highestHz = 0.0
    public var longestSeconds = 0.0
    public private(set) var days: BinSet

    init(dayCount: Int) {
        days = BinSet(capacity: dayCount)
    }

    mutating func add(_ episode: EpisodeRecord, day: Int) {
        episodes += 1
        if first.map({ episode.start < $0 }) ?? true { first = episode.start }
        if last.map({ episode.start > $0 }) ?? true { last = episode.start }
        lowestHz = min(lowestHz, episode.dominantFrequencyHz)
        highestHz = max(highestHz, episode.dominantFrequencyHz)
        longestSeconds = max(longestSeconds, episode.durationSeconds)
        days.insert(day)
    }
}
