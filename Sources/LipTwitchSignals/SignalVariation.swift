/// The departures of one varied recording from the generator's fixed design, drawn once
/// from the seed (`ScenarioVariation`). Each is a factor on, or a replacement of, a fixed
/// range of the generator; `standard` is the fixed design itself (factors of exactly 1),
/// and with it the generator does what it always did, draw for draw.
///
/// Ranges come from DOMAIN.md where it gives one (twitches 0.2 to 1.5 s, chewing 1 to 2 Hz,
/// surface EMG 20 to 450 Hz, mains 50 or 60 Hz with harmonics); where it gives none, they
/// are stated as what they are: spreads around the generator's own design, wide enough to
/// matter and kept physically plausible. Each numeric range is a `VariedRange`: tuning
/// draws its inner band, held-out the outer bands around it.
struct SignalVariation {
    /// The action-potential shape of every motor unit. Fixed: triphasic. Tuning: triphasic
    /// or biphasic (half the recordings each). Held-out: asymmetric triphasic, its late
    /// phase stretched 1.6 to 2.6 times (a shape family tuning never sees).
    var actionPotential = ActionPotentialShape.triphasic
    /// Scales the action potentials' widths (fixed σ 0.8 to 2.5 ms). With 0.65 to 1.5, σ
    /// spans 0.52 to 3.75 ms: a Mexican hat's spectral peak (about 0.225 / σ) moves from
    /// 430 Hz down to 60 Hz, inside DOMAIN.md's 20 to 450 Hz surface-EMG band.
    var widthScale = 1.0
    /// Scales every motor unit's firing rates (twitch units fixed at 10 to 25 Hz, up to
    /// 1.3 times that; DOMAIN.md gives no rate). 0.7 to 1.4 keeps twitch units between
    /// 7 and 45 Hz, within what single units reach.
    var firingRateScale = 1.0
    /// How a twitch's burst duration is drawn within DOMAIN.md's 0.2 to 1.5 s (how long
    /// the fasciculation's discharges go on): uniformly (fixed and tuning) or log-uniformly,
    /// so that short bursts dominate (held-out).
    var logUniformTwitchDuration = false
    /// The electrode-skin noise's spectral exponent α (1/f^α), or nil for the fixed white
    /// noise. Tuning 0 to 1 (white to pink), held-out 1 to 2 (pink to brown).
    var noiseExponent: Double?
    /// Scales the wearer's rest noise (fixed 2 to 4 µV RMS; DOMAIN.md gives no level).
    var noiseScale = 1.0
    /// Scales the scenario's hum amplitude range (scenarios without hum keep none).
    var humScale = 1.0
    /// The mains frequency, Hz, for scenarios that do not fix it (hum-50 and hum-60 do):
    /// 50 or 60 (DOMAIN.md), off by up to 0.1 Hz (tuning) or 0.1 to 0.2 Hz (held-out),
    /// as grids drift. Nil: the scenario's.
    var mainsHz: Double?
    /// The grid's deviation from its nominal frequency, Hz, in every hum scenario.
    var mainsDeviationHz = 0.0
    /// Scale the odd (3rd, 5th, 7th) and even harmonics of the hum against the
    /// fundamental (fixed 0.35, 0.18, 0.08 and 0.08, 0.05, 0.03). Held-out: odd harmonics
    /// 1.5 to 3 times stronger (a third harmonic up to the fundamental's size, as from
    /// switched-mode supplies), even ones nearly gone.
    var oddHarmonicScale = 1.0
    var evenHarmonicScale = 1.0
    /// Scales the pops' tail time constant (fixed 0.05 to 0.4 s).
    var popTimeConstantScale = 1.0
    /// Held-out pops have a second, slow tail: this share of the step (0 for none) decays
    /// with a time constant of 0.3 to 1 s (the electrode's potential creeping back).
    var popSlowTailShare = 0.0
    /// Scales how often pops come (their weight among a scenario's items).
    var popRateScale = 1.0
    /// Weight of cable motion among the items of scenarios with artifacts (0: none, the
    /// fixed design), and the range of its bursts' low-pass corner: 3 to 15 Hz (tuning) or
    /// 15 to 40 Hz (held-out: more of it inside the EMG band).
    var cableMotionWeight = 0.0
    var cableMotionCornerHz: ClosedRange<Double> = 3...15
    /// Scales talking's syllable rate (fixed 3 to 6 Hz; DOMAIN.md gives none).
    var syllableRateScale = 1.0
    /// Chewing's rhythm, Hz: fixed 1 to 2 (DOMAIN.md); varied, a band of ±0.1 Hz around a
    /// centre of 1.3 to 1.65 (tuning) or 1.1 to 1.3 and 1.65 to 1.9 (held-out), inside 1 to 2.
    var chewingRateHz: ClosedRange<Double> = 1...2
    /// The accelerometer's mounting: the sensor sits turned by `angle` radians about
    /// `axis`, which turns gravity and every signal (nil: as the fixed design mounts it).
    /// Tuning up to 30°, held-out 30 to 90°.
    var mount: (axis: Vector3, angle: Double)?
    /// Scale head movements' durations (fixed 0.4 to 2 s out and back) and angles (fixed
    /// 10 to 40°): their spectrum moves with the first, their size with the second.
    var headMovementScale = 1.0
    var headAngleScale = 1.0
    /// Weight of a lip tremor among the accelerometer's items (0: none, the fixed design;
    /// varied: 0.15, one item in seven or so, two to five in five minutes), and its
    /// frequency, size and direction (`AccelerationTremor`). Frequency: a band of ±0.1 Hz
    /// around a centre of 4.6 to 5.4 Hz (tuning) or 4.1 to 4.6 and 5.4 to 5.9 Hz
    /// (held-out), inside DOMAIN.md's 4 to 6 Hz. Peak: from 0.8 to 1.25 times a level of
    /// 15 to 40 mg (tuning) or 8 to 15 and 40 to 60 mg (held-out); DOMAIN.md gives none:
    /// 0.1 to 0.6 mm of lip movement at 5 Hz, the size of a twitch's kicks (10 to 60 mg).
    /// Direction: within `accelerationTremorSpread` radians of the lip's normal, up to 0.5
    /// (tuning, as a twitch) or 0.5 to 1.2 (held-out).
    var accelerationTremorWeight = 0.0
    var accelerationTremorHz: ClosedRange<Double> = 4...6
    var accelerationTremorG: ClosedRange<Double> = 0.015...0.04
    var accelerationTremorSpread = 0.5

    /// The fixed design.
    static let standard = SignalVariation()

    private init() {}

    private static let widths = VariedRange(tuning: 0.8...1.25, full: 0.65...1.5)
    private static let firingRates = VariedRange(tuning: 0.85...1.2, full: 0.7...1.4)
    private static let noiseExponents = VariedRange(tuning: 0...1, full: 0...2)
    private static let noiseLevels = VariedRange(tuning: 0.8...1.25, full: 0.6...1.6)
    private static let humLevels = VariedRange(tuning: 0.6...1.6, full: 0.35...3)
    private static let mainsDeviations = VariedRange(tuning: 0...0.1, full: 0...0.2)
    private static let oddHarmonics = VariedRange(tuning: 0.5...1.5, full: 0.5...3)
    private static let evenHarmonics = VariedRange(tuning: 0.5...2, full: 0...2)
    private static let popTimeConstants = VariedRange(tuning: 0.6...1.6, full: 0.3...3)
    private static let popRates = VariedRange(tuning: 0.5...1.5, full: 0.5...3)
    private static let cableMotionWeights = VariedRange(tuning: 0.05...0.15, full: 0.05...0.3)
    private static let syllableRates = VariedRange(tuning: 0.85...1.15, full: 0.7...1.25)
    private static let chewingCentres = VariedRange(tuning: 1.3...1.65, full: 1.1...1.9)
    private static let mountAngles = VariedRange(tuning: 0...30, full: 0...90)
    private static let headMovements = VariedRange(tuning: 0.8...1.25, full: 0.5...1.6)
    private static let headAngles = VariedRange(tuning: 0.8...1.25, full: 0.6...1.5)
    private static let tremorCentres = VariedRange(tuning: 4.6...5.4, full: 4.1...5.9)
    private static let tremorLevels = VariedRange(tuning: 0.015...0.04, full: 0.008...0.06)
    private static let tremorSpreads = VariedRange(tuning: 0...0.5, full: 0...1.2)

    /// The departures of `variation` for `seed`; the fixed design for `.none`.
    init(_ variation: ScenarioVariation, seed: UInt64) {
        guard variation != .none else {
            self = .standard
            return
        }
        let heldOut = variation == .heldOut
        // Its own stream ("Variatio", and the held-out one apart), so the variation of a
        // seed is the same in every scenario.
        var random = SignalRandom(seed: seed ^ (heldOut ? 0x4865_6C64_4F75_7421 : 0x5661_7269_6174_696F))
        func draw(_ range: VariedRange) -> Double { range.draw(heldOut: heldOut, random: &random) }
        if heldOut {
            actionPotential = .asymmetricTriphasic(stretch: random.uniform(1.6...2.6))
            logUniformTwitchDuration = true
            popSlowTailShare = random.uniform(0.2...0.5)
        } else {
            actionPotential = random.chance(0.5) ? .triphasic : .biphasic
        }
        widthScale = draw(Self.widths)
        firingRateScale = draw(Self.firingRates)
        noiseExponent = draw(Self.noiseExponents)
        noiseScale = draw(Self.noiseLevels)
        humScale = draw(Self.humLevels)
        mainsDeviationHz = draw(Self.mainsDeviations) * random.sign()
        mainsHz = random.chance(0.5) ? 50 : 60
        oddHarmonicScale = draw(Self.oddHarmonics)
        evenHarmonicScale = draw(Self.evenHarmonics)
        popTimeConstantScale = draw(Self.popTimeConstants)
        popRateScale = draw(Self.popRates)
        cableMotionWeight = draw(Self.cableMotionWeights)
        cableMotionCornerHz = heldOut ? 15...40 : 3...15
        syllableRateScale = draw(Self.syllableRates)
        let chewing = draw(Self.chewingCentres)
        chewingRateHz = (chewing - 0.1)...(chewing + 0.1)
        mount = (Vector3.randomDirection(random: &random), draw(Self.mountAngles) * Double.pi / 180)
        headMovementScale = draw(Self.headMovements)
        headAngleScale = draw(Self.headAngles)
        // Drawn last, so every departure above is what it was before the tremor existed.
        accelerationTremorWeight = 0.15
        let tremor = draw(Self.tremorCentres)
        accelerationTremorHz = (tremor - 0.1)...(tremor + 0.1)
        let level = draw(Self.tremorLevels)
        accelerationTremorG = (0.8 * level)...(1.25 * level)
        accelerationTremorSpread = draw(Self.tremorSpreads)
    }
}
