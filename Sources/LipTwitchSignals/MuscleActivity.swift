/// One stretch of lip-muscle activity, involuntary or voluntary: a motor-unit pool driven
/// by an activation pattern, on one channel (a twitch is local) or on all of them (speech
/// and chewing move the whole lip). It knows its own ground truth.
struct MuscleActivity {
    /// How the activation evolves.
    enum Pattern {
        /// Level `level` for the whole activity, reached and left over `ramp` seconds.
        case steady(level: Double, ramp: Double)
        /// A train of pulses.
        case pulses(PulseTrain)
    }

    let kind: TruthEvent.Kind
    /// The channel it lives on, or nil for all channels.
    let channel: Int?
    private var pool: MotorUnitPool
    private var pattern: Pattern
    private let start: Int
    private let activeSamples: Double
    private let sampleRate: Double
    private let frequencyHz: Double?
    private var peak = 0.0

    init(kind: TruthEvent.Kind, channel: Int?, pool: MotorUnitPool, pattern: Pattern, start: Int,
         durationSeconds: Double, sampleRate: Double, frequencyHz: Double? = nil) {
        self.kind = kind
        self.channel = channel
        self.pool = pool
        self.pattern = pattern
        self.start = start
        self.activeSamples = durationSeconds * sampleRate
        self.sampleRate = sampleRate
        self.frequencyHz = frequencyHz
    }

    /// The EMG this activity adds at `sample`, µV, or nil once it is over.
    mutating func next(sample: Int, random: inout SignalRandom) -> Double? {
        let t = Double(sample - start)
        let drive = t < activeSamples ? activation(at: t, random: &random) : 0
        if drive == 0, t >= activeSamples, !pool.isSounding(at: Double(sample)) { return nil }
        let value = pool.next(at: Double(sample), activation: drive, random: &random)
        peak = max(peak, abs(value))
        return value
    }

    private mutating func activation(at t: Double, random: inout SignalRandom) -> Double {
        switch pattern {
        case .steady(let level, let ramp):
            let rampSamples = max(1, ramp * sampleRate)
            return level * min(1, (t + 1) / rampSamples, (activeSamples - t) / rampSamples)
        case .pulses(var train):
            let value = train.activation(at: t, random: &random)
            pattern = .pulses(train)
            return value
        }
    }

    /// The ground truth, once the activity is over: from its first discharge to the end
    /// of its last action potential. Nil if not a single unit fired.
    var truth: TruthEvent? {
        guard let first = pool.firstDischarge, let last = pool.lastDischarge else { return nil }
        return TruthEvent(
            kind: kind, channel: channel, onsetSample: Int(first.rounded(.up)),
            offsetSample: Int((last + pool.tailSamples / 2).rounded()), peakAmplitude: peak,
            frequencyHz: frequencyHz)
    }
}
