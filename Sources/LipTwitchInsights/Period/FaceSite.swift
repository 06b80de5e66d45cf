/// Where on the face a sensor channel sits, read from its placement label (PROTOCOL.md
/// section 6.1): which side, as the wearer sees it, and which region.
public struct FaceSite: Sendable, Hashable {
    /// Left or right as the wearer sees it; `middle` for the centre of the lip or an
    /// unspecified place.
    public enum Side: String, Sendable, CaseIterable {
        case left, right, middle
    }

    /// The lip, or beyond it: the cheek, eyelid and jaw sites exist so that spreading is
    /// measurable.
    public enum Region: String, Sendable {
        case lip, cheek, eyelid, jaw, unspecified

        /// Beyond the lip.
        public var isBeyondLip: Bool { self == .cheek || self == .eyelid || self == .jaw }
    }

    public let placement: String
    public let side: Side
    public let region: Region

    /// Reads the label's dash-separated words (`left-cheek`: left, cheek).
    public init(placement: String) {
        self.placement = placement
        let words = placement.split(separator: "-")
        side = words.contains("left") ? .left : words.contains("right") ? .right : .middle
        if words.contains("cheek") {
            region = .cheek
        } else if words.contains("eyelid") {
            region = .eyelid
        } else if words.contains("jaw") {
            region = .jaw
        } else if words.first == "upper" || words.first == "lower" || words.last == "corner" {
            region = .lip
        } else {
            region = .unspecified
        }
    }

    /// `left eyelid`, `upper lip, left`: the label in words.
    public var words: String {
        switch region {
        case .lip:
            if placement.hasSuffix("-corner") { return "\(side.rawValue) corner of the mouth" }
            let lip = placement.hasPrefix("upper-") ? "upper lip" : "lower lip"
            return side == .middle ? "\(lip), centre" : "\(lip), \(side.rawValue)"
        case .cheek, .eyelid, .jaw:
            return "\(side.rawValue) \(region.rawValue)"
        case .unspecified:
            return placement == "unspecified" ? "unspecified site" : placement
        }
    }
}
