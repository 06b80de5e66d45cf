import LipTwitchDetector

/// The seeded, labelled signal generator: a recording of a scenario, made one sample at a
/// time in physical units (µV or g) with per-sample quality, and the ground truth of what
/// happened in it.
///
/// It streams: memory stays the same however long the recording runs (an 8-hour 2 kHz
/// recording is made block by block, never held). The same scenario, seed, rate, channel
/// count and variation give the same samples and the same truth on every machine.
///
/// `variation` (`.none` unless asked for) departs from the fixed design within ranges
/// drawn from the seed: other action potentials, noise colours, hum, pops, cable motion,
/// rhythms and mountings (`ScenarioVariation`); without it the recordings are what they
/// always were.
///
/// ```swift
/// var generator = ScenarioGenerator(scenario: .clean, seed: 7, durationSeconds: 60)
/// var values: [Float] = [], quality: [SampleQuality] = [], truth: [TruthEvent] = []
/// generator.generate(sampleCount: 2000, values: &values, quality: &quality)
/// generator.takeTruth(into: &truth)
/// ```
public struct ScenarioGenerator: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    public let variation: ScenarioVariation
    public let sampleRateHz: Double
    /// The columns of each frame, in order.
    public let channels: [SignalChannel]
    /// The converter's limit, in the channels' unit: EMG ±16000 µV (an int16 at 0.5 µV a
    /// count, PROTOCOL.md), acceleration ±4 g.
    public let rail: Double
    /// The mains frequency of the recording's hum, Hz; nil when it has none.
    public let mainsHz: Double?
    /// The index of the next sample.
    public private(set) var sampleIndex = 0

    private let recipe: ScenarioRecipe
    private let wearer: Wearer
    private let departures: SignalVariation
    private let endSample: Int?
    private var random: SignalRandom
    private var emgBackgrounds: [ElectrodeBackground] = []
    private var accelerometer: AccelerometerBackground?
    private var frame: GeneratedFrame
    private var voice: Voice?
    private var nextItemSample: Int
    private var clusterTwitchesLeft = 0
    private var pressesLeft = 5
    private var startedFirstItem = false
    private var completedTruth: [TruthEvent] = []

    /// EMG placements, left to right, for up to eight channels.
    private static let emgPlacements = [
        "upper-left", "upper-right", "lower-left", "lower-right", "left-corner", "right-corner", "upper-center",
        "lower-center",
    ]

    /// Items are not started this close to the end of a recording of known length, so the
    /// truth never holds an event the recording cuts short.
    private static let endMarginSeconds = 3.0

    /// A recording of `scenario`. `sampleRateHz` defaults to the scenario's rate;
    /// `emgChannelCount` (1 to 8) applies to EMG scenarios; `durationSeconds`, when given,
    /// keeps the last seconds free of new items; `variation` departs from the fixed design.
    public init(scenario: Scenario, seed: UInt64, sampleRateHz: Double? = nil, emgChannelCount: Int = 1,
                durationSeconds: Double? = nil, variation: ScenarioVariation = .none) {
        precondition((1...8).contains(emgChannelCount), "1 to 8 EMG channels")
        self.scenario = scenario
        self.seed = seed
        self.variation = variation
        let rate = sampleRateHz ?? scenario.defaultSampleRateHz
        self.sampleRateHz = rate
        let departures = SignalVariation(variation, seed: seed)
        self.departures = departures
        let recipe = ScenarioRecipe(scenario, variation: departures)
        self.recipe = recipe
        wearer = Wearer(seed: seed)
        endSample = durationSeconds.map { Int(($0 - Self.endMarginSeconds) * rate) }
        var random = SignalRandom(seed: seed &+ Self.stableHash(scenario.rawValue))
        if scenario.isAccelerometer {
            channels = SignalChannel.Axis.allCases.map {
                SignalChannel(name: "a" + $0.rawValue, quantity: .accelerationG(axis: $0), placement: "lower-center")
            }
            rail = 4
            mainsHz = nil
            accelerometer = AccelerometerBackground(noise: wearer.accelerometerNoise, random: &random)
            frame = GeneratedFrame(channelCount: 3, voluntaryGains: [])
        } else {
            channels = Self.emgPlacements.prefix(emgChannelCount).map { placement in
                let name = emgChannelCount == 1 ? "emg" : "emg_" + placement.replacingHyphens
                return SignalChannel(name: name, quantity: .emgMicrovolts, placement: placement)
            }
            rail = 16_000
            let hum = recipe.hum.upperBound > 0 ? random.logUniform(recipe.hum) : 0
            mainsHz = hum > 0 ? recipe.mainsHz : nil
            let design = ElectrodeBackground.Design(
                noise: wearer.emgNoise * departures.noiseScale, noiseExponent: departures.noiseExponent,
                wander: recipe.wander, mainsHz: recipe.mainsHz, hum: hum, oddHarmonicScale: departures.oddHarmonicScale,
                evenHarmonicScale: departures.evenHarmonicScale)
            for _ in 0..<emgChannelCount {
                emgBackgrounds.append(ElectrodeBackground(design: design, sampleRate: rate, random: &random))
            }
            var gains = [1.0]
            for _ in 1..<emgChannelCount { gains.append(random.uniform(0.6...1.0)) }
            frame = GeneratedFrame(channelCount: emgChannelCount, voluntaryGains: gains)
        }
        self.random = random
        nextItemSample = Int((recipe.isCalibration ? 12 : 2) * rate)
    }

    /// Appends the next `sampleCount` frames to `values` (sample-major: one value per
    /// channel per sample) and their quality to `quality` (the same layout).
    public mutating func generate(sampleCount: Int, values: inout [Float], quality: inout [SampleQuality]) {
        for _ in 0..<sampleCount { next(values: &values, quality: &quality) }
    }

    /// Appends one frame: one value per channel, and its quality.
    public mutating func next(values: inout [Float], quality: inout [SampleQuality]) {
        for index in frame.values.indices {
            frame.railed[index] = false
        }
        if accelerometer != nil {
            let gravity = accelerometer!.next(random: &random)
            frame.values[0] = gravity.x
            frame.values[1] = gravity.y
            frame.values[2] = gravity.z
        } else {
            for index in emgBackgrounds.indices {
                frame.values[index] = emgBackgrounds[index].next(random: &random)
            }
        }
        if voice == nil, sampleIndex >= nextItemSample { startItem() }
        if var current = voice {
            voice = nil
            if current.render(sample: sampleIndex, into: &frame, random: &random) {
                voice = current
            } else {
                if let truth = current.truth { completedTruth.append(truth) }
                scheduleGap()
            }
        }
        if accelerometer != nil, let mount = departures.mount {
            frame.turnAcceleration(about: mount.axis, by: mount.angle)
        }
        frame.emit(rail: rail, into: &values, quality: &quality)
        sampleIndex += 1
    }

    /// Moves the ground truth of every item completed so far into `truth`, in the order
    /// the items happened.
    public mutating func takeTruth(into truth: inout [TruthEvent]) {
        truth.append(contentsOf: completedTruth)
        completedTruth.removeAll(keepingCapacity: true)
    }

    /// The item under way at the last sample, if any: its truth so far (the offset is
    /// where it is planned to end). A wearer feels a twitch as it begins, before its truth
    /// completes.
    public var eventUnderWay: TruthEvent? { voice?.truth }

    /// Ends the recording: the truth of an item still under way (cut at the last sample)
    /// joins the completed truth.
    public mutating func finish() {
        if var truth = voice?.truth {
            truth.offsetSample = min(truth.offsetSample, sampleIndex - 1)
            completedTruth.append(truth)
        }
        voice = nil
    }

    /// A hash of a scenario's name that is the same on every run and machine (unlike
    /// `Hasher`), so each scenario draws its own stream from one seed.
    private static func stableHash(_ name: String) -> UInt64 {
        name.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
    }

    private mutating func scheduleGap() {
        let gap: Double
        if recipe.isCalibration {
            gap = pressesLeft > 0 ? 3 : .infinity
        } else if clusterTwitchesLeft > 0 {
            gap = random.uniform(recipe.clusterGap)
        } else {
            gap = random.uniform(recipe.gap)
        }
        nextItemSample = gap.isFinite ? sampleIndex + Int(gap * sampleRateHz) : .max
    }

    private mutating func startItem() {
        if let endSample, sampleIndex >= endSample {
            nextItemSample = .max
            return
        }
        let item: ScenarioItem
        if clusterTwitchesLeft > 0 {
            clusterTwitchesLeft -= 1
            item = .twitch
        } else if let first = recipe.firstItem, !startedFirstItem {
            item = first
        } else {
            item = pickItem()
        }
        startedFirstItem = true
        voice = makeVoice(item)
    }

    private mutating func pickItem() -> ScenarioItem {
        let total = recipe.items.reduce(0) { $0 + $1.weight }
        var draw = random.uniform(0...total)
        for (item, weight) in recipe.items {
            draw -= weight
            if draw <= 0 { return item }
        }
        return recipe.items[recipe.items.count - 1].item
    }

    private mutating func makeVoice(_ item: ScenarioItem) -> Voice {
        let start = sampleIndex
        let rate = sampleRateHz
        let emgChannel = random.integer(0...(max(1, channels.count) - 1))
        switch item {
        case .twitch:
            return .muscle(MuscleRecipes.twitch(
                channel: emgChannel, start: start, sampleRate: rate,
                gain: wearer.muscleGain * recipe.twitchScale, variation: departures, random: &random))
        case .cluster:
            clusterTwitchesLeft = random.integer(1...5)
            return makeVoice(.twitch)
        case .talking:
            return .muscle(MuscleRecipes.talking(
                start: start, sampleRate: rate, gain: wearer.muscleGain, variation: departures, random: &random))
        case .chewing:
            return .muscle(MuscleRecipes.chewing(
                start: start, sampleRate: rate, gain: wearer.muscleGain, variation: departures, random: &random))
        case .tremor:
            return .muscle(MuscleRecipes.tremor(
                channel: emgChannel, start: start, sampleRate: rate, gain: wearer.muscleGain, variation: departures,
                random: &random))
        case .press:
            pressesLeft -= 1
            return .muscle(MuscleRecipes.press(
                start: start, sampleRate: rate, gain: wearer.muscleGain, variation: departures, random: &random))
        case .pop:
            return .pop(ElectrodePop(
                channel: emgChannel, start: start, sampleRate: rate, variation: departures, random: &random))
        case .cableMotion:
            return .cableMotion(CableMotion(
                channel: emgChannel, start: start, sampleRate: rate, cornerHz: departures.cableMotionCornerHz,
                random: &random))
        case .leadOff:
            return .leadOff(LeadOffSpell(channel: emgChannel, start: start, sampleRate: rate, rail: rail, random: &random))
        case .saturation:
            return .saturation(SaturatingSwing(
                channel: emgChannel, start: start, sampleRate: rate, rail: rail, random: &random))
        case .accelerationTwitch:
            return .accelerationTwitch(AccelerationTwitch(
                start: start, lipNormal: wearer.lipNormal, amplitudeScale: recipe.twitchScale, sampleRate: rate,
                random: &random))
        case .accelerationTremor:
            return .accelerationTremor(AccelerationTremor(
                start: start, lipNormal: wearer.lipNormal, sampleRate: rate, variation: departures, random: &random))
        case .walking:
            return .walking(Walking(start: start, gravity: accelerometer!.gravity, sampleRate: rate, random: &random))
        case .headMotion:
            return .headMotion(HeadMotion(
                start: start, gravity: accelerometer!.gravity, sampleRate: rate, variation: departures,
                random: &random))
        }
    }
}

extension String {
    fileprivate var replacingHyphens: String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
