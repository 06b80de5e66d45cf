/// Where a channel's electrode or accelerometer sits on the face, as the wearer sees it
/// (PROTOCOL.md section 6.1: left is the wearer's left).
public enum Placement: UInt8, Sendable, CaseIterable {
    case unspecified = 0
    case upperLeft = 1
    case upperCenter = 2
    case upperRight = 3
    case lowerLeft = 4
    case lowerCenter = 5
    case lowerRight = 6
    case leftCorner = 7
    case rightCorner = 8
    case leftCheek = 9
    case rightCheek = 10
    case leftEyelid = 11
    case rightEyelid = 12
    case leftJaw = 13
    case rightJaw = 14

    /// The placement of a wire code; codes this version does not know (a later minor
    /// version may add sites) read as `.unspecified`.
    public init(code: UInt8) {
        self = Placement(rawValue: code) ?? .unspecified
    }

    /// The label of PROTOCOL.md section 6.1, e.g. "upper-left".
    public var label: String {
        switch self {
        case .unspecified: "unspecified"
        case .upperLeft: "upper-left"
        case .upperCenter: "upper-center"
        case .upperRight: "upper-right"
        case .lowerLeft: "lower-left"
        case .lowerCenter: "lower-center"
        case .lowerRight: "lower-right"
        case .leftCorner: "left-corner"
        case .rightCorner: "right-corner"
        case .leftCheek: "left-cheek"
        case .rightCheek: "right-cheek"
        case .leftEyelid: "left-eyelid"
        case .rightEyelid: "right-eyelid"
        case .leftJaw: "left-jaw"
        case .rightJaw: "right-jaw"
        }
    }
}
