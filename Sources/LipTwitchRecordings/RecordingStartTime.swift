/// A calendar date and time of day with no time zone, as an EDF header holds it
/// (`startdate` dd.mm.yy and `starttime` hh.mm.ss, years 1985 to 2084).
public struct RecordingStartTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }
}
