/// The labelled recordings the generator can make, each a situation the detector must
/// handle. A scenario plus a seed is one exact recording with its ground truth.
public enum Scenario: String, Sendable, CaseIterable {
    /// Isolated twitches on a quiet lip: no hum, little wander.
    case clean
    /// Twitches under strong 50 Hz hum with harmonics, baseline wander and electrode pops.
    case hum50 = "hum-50"
    /// The same with 60 Hz mains.
    case hum60 = "hum-60"
    /// Talking and chewing, with twitches in the quiet moments between.
    case talkingChewing = "talking-chewing"
    /// Twitches in clusters: two to six within a few seconds.
    case clusters
    /// A rhythmic 4 to 6 Hz lip tremor lasting seconds, and isolated twitches apart from it.
    case tremor
    /// Small twitches, a little above the noise floor.
    case nearFloor = "near-floor"
    /// Twitches between spells of lead-off (the electrode lifts, the amplifier rails) and
    /// knocks that saturate the converter.
    case leadOff = "lead-off"
    /// A lip accelerometer (x, y, z in g): twitches, walking, and head motion.
    case accelerometer
    /// A working day: twitches and clusters, talking and chewing, 50 Hz hum, wander, pops,
    /// the odd lead-off and a rare tremor. The simulator's and the benchmarks' default.
    case mixed
    /// The calibration protocol of `liptwitch calibrate`: 12 s of rest, then five
    /// deliberate lip presses of about a second, 3 s apart, then rest.
    case calibration
    /// A lively mix for the virtual sensor: a twitch about 2 s in, then twitches, clusters,
    /// talking, pops, lead-off and saturation a few seconds apart, 50 Hz hum. The default
    /// of `liptwitch simulate`, so a demo shows twitches at once.
    case demo

    /// What the scenario holds, in one line.
    public var summary: String {
        switch self {
        case .clean: "isolated twitches on a quiet lip"
        case .hum50: "twitches under 50 Hz hum, baseline wander and electrode pops"
        case .hum60: "twitches under 60 Hz hum, baseline wander and electrode pops"
        case .talkingChewing: "talking and chewing with twitches in between"
        case .clusters: "clusters of two to six twitches within seconds"
        case .tremor: "a 4 to 6 Hz lip tremor lasting seconds, twitches apart from it"
        case .nearFloor: "small twitches just above the noise floor"
        case .leadOff: "twitches between lead-off spells and saturating knocks"
        case .accelerometer: "accelerometer: twitches, walking and head motion"
        case .mixed: "a working day: everything above except the accelerometer, 50 Hz hum"
        case .calibration: "calibration: 12 s rest, then five deliberate presses 3 s apart"
        case .demo: "lively: a twitch 2 s in, then a mix every few seconds (the simulator's default)"
        }
    }

    /// True for the accelerometer scenario (three columns x, y, z in g); otherwise EMG.
    public var isAccelerometer: Bool { self == .accelerometer }

    /// The sample rate a recording gets unless told otherwise: 2000 Hz for EMG (typical
    /// surface-EMG practice), 500 Hz for the accelerometer.
    public var defaultSampleRateHz: Double { isAccelerometer ? 500 : 2000 }

    /// The lowest sample rate the scenario makes sense at: EMG needs most of its 20 to
    /// 450 Hz band (at least 500 Hz), the accelerometer its 8 to 30 Hz twitch band (at
    /// least 100 Hz).
    public var minimumSampleRateHz: Double { isAccelerometer ? 100 : 500 }
}
