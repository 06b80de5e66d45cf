/// One thing a scenario's timeline can make happen next.
enum ScenarioItem: Sendable {
    case twitch
    /// A cluster: two to six twitches a short gap apart.
    case cluster
    case talking
    case chewing
    case tremor
    case press
    case pop
    /// The lead moving: a burst of low-frequency broadband noise (varied recordings only).
    case cableMotion
    case leadOff
    case saturation
    case accelerationTwitch
    /// A rhythmic lip tremor on the accelerometer (varied recordings only).
    case accelerationTremor
    case walking
    case headMotion
}
