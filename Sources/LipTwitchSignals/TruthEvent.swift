/// One thing that really happened in a generated recording: the ground truth the detector
/// is scored against. Sample indices count from 0 at the first sample of the recording;
/// `offsetSample` is the last sample the event touches (inclusive).
public struct TruthEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, CaseIterable {
        /// An involuntary twitch (a fasciculation burst): what LipTwitch must find.
        case twitch
        /// A rhythmic lip tremor (about 4 to 6 Hz, seconds long): reported as its own kind.
        case tremor
        /// Speech: irregular syllable bursts at 3 to 6 Hz, larger than twitches.
        case talking
        /// Chewing: rhythmic bursts at 1 to 2 Hz, multi-second, larger than twitches.
        case chewing
        /// A deliberate lip press (the calibration protocol).
        case press
        /// An electrode pop: a sudden step in the electrode potential that decays.
        case pop
        /// Cable motion: a burst of low-frequency broadband noise from a moving lead (only in
        /// varied recordings, `ScenarioVariation`).
        case cableMotion = "cable_motion"
        /// An electrode off the skin: the amplifier sits at its rail and flags lead-off.
        case leadOff = "lead_off"
        /// A movement large enough to drive the converter to its limit.
        case saturation
        /// Walking (accelerometer): steps near 2 Hz with heel strikes.
        case walking
        /// Head motion (accelerometer): nodding or turning, gravity swings between axes.
        case headMotion = "head_motion"
    }

    public var kind: Kind
    /// The channel (index of the EMG channel or of the accelerometer triad) it happened
    /// on; nil when it involves every channel (talking, chewing, walking).
    public var channel: Int?
    public var onsetSample: Int
    public var offsetSample: Int
    /// Peak amplitude of the event's own contribution, in the channel's unit (µV or g).
    public var peakAmplitude: Double
    /// Its characteristic frequency when it has one (tremor and chewing rhythm, the
    /// oscillation of an accelerometer twitch, the step rate of walking), in Hz.
    public var frequencyHz: Double?

    public init(kind: Kind, channel: Int?, onsetSample: Int, offsetSample: Int, peakAmplitude: Double,
                frequencyHz: Double? = nil) {
        self.kind = kind
        self.channel = channel
        self.onsetSample = onsetSample
        self.offsetSample = offsetSample
        self.peakAmplitude = peakAmplitude
        self.frequencyHz = frequencyHz
    }
}
