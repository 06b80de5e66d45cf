import LipTwitchJournal

/// One local day of the period: what was found, where, and how long the sensor was on.
public struct DayTally: Sendable, Equatable {
    public let date: CivilDate
    /// Episodes of every kind (twitch and tremor).
    public var episodes = 0
    public var tremorEpisodes = 0
    /// Twitches in the day's episodes.
    public var twitches = 0
    /// Twitches in the largest cluster of each of the day's episodes: an episode whose
    /// twitches all stood alone counts one, a tremor none, and an episode recorded before
    /// the journal said clusters (format 1.0) all its twitches.
    public var clusterTwitches = 0
    /// The episodes' total duration.
    public var twitchingSeconds = 0.0
    /// Episodes by side of the face (`episodes(on:)`).
    private var leftEpisodes = 0
    private var rightEpisodes = 0
    private var middleEpisodes = 0
    /// Seconds measured (filled in when the pass ends).
    public var observedSeconds = 0.0
    /// Notes about moments on this day.
    public var notes = 0
    /// The notes' tags, each once, in the order first seen.
    public var noteTags: [String] = []

    init(date: CivilDate) {
        self.date = date
    }

    /// Twitch episodes (not tremor).
    public var twitchEpisodes: Int { episodes - tremorEpisodes }

    public var observedHours: Double { observedSeconds / 3600 }

    /// Measured at all, or an episode proves it was.
    public var isMeasured: Bool { observedSeconds > 0 || episodes > 0 }

    public func episodes(on side: FaceSite.Side) -> Int {
        switch side {
        case .left: leftEpisodes
        case .right: rightEpisodes
        case .middle: middleEpisodes
        }
    }

    /// Counts an episode on `side`.
    mutating func addEpisode(on side: FaceSite.Side) {
        switch side {
        case .left: leftEpisodes += 1
        case .right: rightEpisodes += 1
        case .middle: middleEpisodes += 1
        }
    }
}
