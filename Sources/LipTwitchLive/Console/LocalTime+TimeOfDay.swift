import LipTwitchJournal

extension LocalTime {
    /// `14:05:03`: the time of day the local clock showed, to the second.
    public var timeOfDay: String {
        let civil = civil
        return [civil.hour, civil.minute, civil.second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }
}
