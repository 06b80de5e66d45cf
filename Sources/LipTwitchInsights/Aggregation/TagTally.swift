/// One note tag over the period: how many notes, and which bins lie in the window after
/// one of them (the tag's exposure).
public struct TagTally: Sendable, Equatable {
    public let tag: String
    /// The window after a note in which its effect is looked for.
    public let windowMilliseconds: Int64
    /// Notes whose window reaches into the period and that count as an exposure.
    public var exposures = 0
    /// `sleep` notes of a full night (6 h or more), which are not exposures.
    public var fullNights = 0
    /// Bins inside the window after a note.
    public private(set) var exposed: BinSet

    init(tag: String, windowMilliseconds: Int64, binCount: Int) {
        self.tag = tag
        self.windowMilliseconds = windowMilliseconds
        exposed = BinSet(capacity: binCount)
    }

    mutating func expose(from: Int64, in period: ReportPeriod) {
        exposures += 1
        // A bin belongs to the window when at least half of it lies inside.
        period.forEachBin(from: from, to: from + windowMilliseconds) { bin, milliseconds in
            if milliseconds * 2 >= ReportPeriod.binMilliseconds { exposed.insert(bin) }
        }
    }
}
