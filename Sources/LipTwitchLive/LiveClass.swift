/// What a line of the live stream is, as its `class` field says (docs/LIVE.md). A client
/// asks for the classes it wants; `version` and `error` come whatever it asks.
public enum LiveClass: String, Sendable, CaseIterable, Hashable {
    /// The first line: the stream's protocol and the daemon's version.
    case version
    /// A sensor connected or disconnected, its status (the journal's device record).
    case device
    /// The link to a sensor changed state: opened, streaming, stalled, gone...
    case link
    /// A twitch began (as soon as the detector is sure of it).
    case onset
    /// A burst shaped like a twitch has just ended (announced at once, away from talking),
    /// or such a burst was not a twitch after all (dismissed).
    case candidate
    /// An episode closed (the journal's episode record).
    case episode
    /// The signal level per channel, a few times a second, for a meter.
    case level
    /// The counters of a sensor's link, or of the daemon, every few seconds.
    case counters
    /// A stretch without data (the journal's gap record).
    case gap
    /// The wearer pressed the sensor's button: "I felt one".
    case marker
    /// The daemon could not do what the client asked; the line says why.
    case error

    /// The classes a client can choose among.
    public static let selectable: [LiveClass] = allCases.filter { $0 != .version && $0 != .error }
}
