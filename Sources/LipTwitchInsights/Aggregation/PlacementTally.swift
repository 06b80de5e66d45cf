/// Episodes at one sensor site over the period.
public struct PlacementTally: Sendable, Equatable {
    public let site: FaceSite
    public var episodes = 0
    public var twitches = 0
    /// Day indices of the first and last episode there.
    public var firstDay: Int
    public var lastDay: Int

    init(site: FaceSite, day: Int) {
        self.site = site
        firstDay = day
        lastDay = day
    }
}
