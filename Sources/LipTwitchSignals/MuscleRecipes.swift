/// The lip-muscle activities of the scenarios, with their physiology in numbers
/// (DOMAIN.md): how many motor units, how strong, how fast, for how long. A varied
/// recording (`SignalVariation`) changes the action potentials, the firing rates, the
/// twitches' burst durations and the rhythms of speech and chewing.
enum MuscleRecipes {
    /// A twitch (fasciculation burst): one to three motor units firing on their own at 10
    /// to 25 Hz for 0.2 to 1.5 s, on one channel. The drive swells and fades, so later units
    /// join late and leave early, and the burst waxes and wanes.
    static func twitch(channel: Int, start: Int, sampleRate: Double, gain: Double, variation: SignalVariation,
                       random: inout SignalRandom) -> MuscleActivity {
        let rate = random.uniform(10...25)
        let design = MotorUnitPool.Design(
            unitCount: 1...3, amplitude: 20...100, minimumRate: rate, maximumRate: rate * 1.3,
            highestThreshold: 0.5, recruitmentJitter: 0.06)
        let duration = variation.logUniformTwitchDuration ? random.logUniform(0.2...1.5) : random.uniform(0.2...1.5)
        return MuscleActivity(
            kind: .twitch, channel: channel,
            pool: MotorUnitPool(
                design: design, sampleRate: sampleRate, amplitudeScale: gain, variation: variation, random: &random),
            pattern: .steady(level: 1, ramp: duration * random.uniform(0.1...0.4)), start: start,
            durationSeconds: duration, sampleRate: sampleRate)
    }

    /// A rhythmic tremor: three to six units firing together once a cycle at 4 to 6 Hz,
    /// very regularly, for 5 to 20 s, on one channel.
    static func tremor(channel: Int, start: Int, sampleRate: Double, gain: Double, variation: SignalVariation,
                       random: inout SignalRandom) -> MuscleActivity {
        let frequency = random.uniform(4...6)
        let design = MotorUnitPool.Design(
            unitCount: 3...6, amplitude: 30...90, minimumRate: 20, maximumRate: 25, highestThreshold: 0.3,
            recruitmentJitter: 0.01)
        let train = PulseTrain(
            design: .init(rate: frequency, intervalVariation: 0.03, pulseLength: 0.04...0.07, peak: 0.8...1),
            sampleRate: sampleRate, random: &random)
        return MuscleActivity(
            kind: .tremor, channel: channel,
            pool: MotorUnitPool(
                design: design, sampleRate: sampleRate, amplitudeScale: gain, variation: variation, random: &random),
            pattern: .pulses(train), start: start, durationSeconds: random.uniform(5...20), sampleRate: sampleRate,
            frequencyHz: frequency)
    }

    /// Chewing: the whole lip, rhythmic bursts at 1 to 2 Hz, strong, for 3 to 15 s.
    static func chewing(start: Int, sampleRate: Double, gain: Double, variation: SignalVariation,
                        random: inout SignalRandom) -> MuscleActivity {
        let frequency = random.uniform(variation.chewingRateHz)
        let train = PulseTrain(
            design: .init(rate: frequency, intervalVariation: 0.08, pulseLength: 0.25...0.5, peak: 0.55...1),
            sampleRate: sampleRate, random: &random)
        return MuscleActivity(
            kind: .chewing, channel: nil, pool: voluntaryPool(sampleRate: sampleRate, gain: gain, variation: variation, random: &random),
            pattern: .pulses(train), start: start, durationSeconds: random.uniform(3...15), sampleRate: sampleRate,
            frequencyHz: frequency)
    }

    /// Talking: the whole lip, syllables at 3 to 6 Hz, irregular, of varied strength, with
    /// pauses, for 2 to 10 s.
    static func talking(start: Int, sampleRate: Double, gain: Double, variation: SignalVariation,
                        random: inout SignalRandom) -> MuscleActivity {
        let train = PulseTrain(
            design: .init(
                rate: random.uniform(3...6) * variation.syllableRateScale, intervalVariation: 0.3, pulseLength: 0.08...0.25, peak: 0.15...0.7,
                pauseChance: 0.12, pauseLength: 0.3...0.8),
            sampleRate: sampleRate, random: &random)
        return MuscleActivity(
            kind: .talking, channel: nil, pool: voluntaryPool(sampleRate: sampleRate, gain: gain, variation: variation, random: &random),
            pattern: .pulses(train), start: start, durationSeconds: random.uniform(2...10), sampleRate: sampleRate)
    }

    /// A deliberate lip press: the whole lip, held at 75 to 95 % for 0.8 to 1.5 s.
    static func press(start: Int, sampleRate: Double, gain: Double, variation: SignalVariation,
                      random: inout SignalRandom) -> MuscleActivity {
        MuscleActivity(
            kind: .press, channel: nil, pool: voluntaryPool(sampleRate: sampleRate, gain: gain, variation: variation, random: &random),
            pattern: .steady(level: random.uniform(0.75...0.95), ramp: 0.12), start: start,
            durationSeconds: random.uniform(0.8...1.5), sampleRate: sampleRate)
    }

    /// The units a voluntary movement recruits: 20 to 30, recruited in order of size.
    private static func voluntaryPool(sampleRate: Double, gain: Double, variation: SignalVariation,
                                      random: inout SignalRandom) -> MotorUnitPool {
        let design = MotorUnitPool.Design(
            unitCount: 20...30, amplitude: 40...120, minimumRate: 8, maximumRate: 30, highestThreshold: 0.8,
            recruitmentJitter: 0.03)
        return MotorUnitPool(
            design: design, sampleRate: sampleRate, amplitudeScale: gain, variation: variation, random: &random)
    }
}
