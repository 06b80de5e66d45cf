/// Where a simulated channel's samples come from: one value at a time, in physical units
/// (µV for EMG), and word of each twitch as it begins, so that the simulator can press the
/// marker button and write the ground truth. `TwitchSignal` is the simple one built in; a
/// labelled scenario generator can take its place.
public protocol SignalSource: Sendable {
    /// The next sample.
    mutating func nextSample() -> Double
    /// The twitch that began with the sample just returned, if one did.
    var twitchStarted: SimulatedTwitch? { get }
}
