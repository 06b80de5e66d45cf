/// Cuts the envelope into bursts with hysteresis: a burst starts when the envelope rises
/// above `onsetRatio` × floor (its onset then placed back where the envelope left
/// `onsetBacktrackRatio` × floor, and further back down to the bottom of the valley it
/// rose from) and ends once the envelope has stayed below
/// `offsetRatio` × floor for `mergeGapSeconds` (a shorter dip does not end it: this is the
/// refractory time that keeps one twitch one burst). While a burst is open it measures it.
struct BurstSegmenter: Sendable {
    /// One sample's worth of what the segmenter looks at.
    struct Sample {
        var index: Int
        var envelope: Double
        var energy: Double
        /// The energy in the unit of the press: the EMG band through both mains combs, as
        /// calibration measures it, where the search stopped them (else `energy`).
        var strengthEnergy: Double
        var components: SIMD3<Double>
        /// The slow band (EMG: below the band, where cable motion and pops show; else 0).
        var slow: Double
        var quality: SampleQuality
        var isFlat: Bool
        var inMotion: Bool

        /// Lost on the way (a gap), and nothing else wrong with it.
        var isLost: Bool { quality == .gap }
    }

    private let onsetRatio: Double
    private let offsetRatio: Double
    private let offsetPeakFraction: Double
    private let backtrackRatio: Double
    private let mergeGap: Int
    private let lookback: Int
    private let openingLength: Int
    private let envelopeLength: Int
    private var envelopes: HistoryRing<Double>
    /// Each sample's energy and strength energy.
    private var energies: HistoryRing<SIMD2<Double>>
    private var previous = SIMD3<Double>.zero
    /// The burst under way, when `isOpen` (kept in place, not as an optional: it is
    /// measured at every sample).
    private var burst = Burst(onset: 0, end: 0, floor: 0)
    private var isOpen = false
    /// Where the envelope fell below the offset threshold, and the burst's tallies then.
    private var fall: Fall?
    private var lastLost = Int.min / 2
    /// The lowest envelope since the last burst closed on its own peak's fraction (0 when
    /// it closed at the floor, or before the first): the next one must rise from it
    /// (`DetectorConfiguration.offsetPeakFraction`).
    private var valley = 0.0

    private struct Fall {
        var index: Int
        var energy: Double
        var strengthEnergy: Double
        var samples: Int
        var lostSamples: Int

        init(index: Int, of burst: Burst) {
            self.index = index
            energy = burst.energy
            strengthEnergy = burst.strengthEnergy
            samples = burst.samples
            lostSamples = burst.lostSamples
        }
    }

    init(configuration: DetectorConfiguration, sampleRate: Double, envelopeLength: Int, isAccelerometer: Bool) {
        onsetRatio = configuration.onsetRatio
        offsetRatio = configuration.offsetRatio
        offsetPeakFraction = configuration.offsetPeakFraction
        backtrackRatio = configuration.onsetBacktrackRatio
        let gap = isAccelerometer ? configuration.accelerationMergeGapSeconds : configuration.mergeGapSeconds
        mergeGap = max(1, Int(gap * sampleRate))
        lookback = max(1, Int(configuration.onsetLookbackSeconds * sampleRate))
        openingLength = max(1, Int(configuration.popWindowSeconds * sampleRate))
        self.envelopeLength = envelopeLength
        envelopes = HistoryRing(minimumCapacity: lookback + 1, initial: 0)
        energies = HistoryRing(minimumCapacity: lookback + 1, initial: .zero)
    }

    /// The onset of the burst under way, if one is.
    var openOnset: Int? { isOpen ? burst.onset : nil }

    /// The strength (`Burst.strength`) of the burst under way so far, if one is.
    var openStrength: Double? { isOpen ? burst.strength : nil }

    /// Adds a sample; returns the burst it closed, if it closed one. No floor: no bursts.
    /// A lost sample, or one whose envelope window still holds lost ones (what the filters
    /// made of the gap bridge), neither starts a burst nor holds one open.
    @inline(__always)
    mutating func add(_ sample: Sample, floor: Double?) -> Burst? {
        defer {
            envelopes.append(sample.envelope)
            energies.append(SIMD2(sample.energy, sample.strengthEnergy))
            previous = sample.components
        }
        if sample.isLost { lastLost = sample.index }
        let bridged = sample.index - lastLost < envelopeLength
        guard let floor else { return nil }
        if !isOpen {
            valley = min(valley, sample.envelope)
            // The valley counts where it stands above the floor's offset level.
            let base = valley > offsetRatio * floor ? valley : 0
            guard !bridged, sample.envelope > max(onsetRatio * floor, onsetRatio / offsetRatio * base) else { return nil }
            open(at: sample.index, floor: floor, base: base)
        }
        measure(sample)
        if sample.envelope < max(offsetRatio * floor, offsetPeakFraction * burst.peakEnvelope) {
            if fall == nil { fall = Fall(index: sample.index, of: burst) }
        } else if !bridged {
            fall = nil
        }
        guard let fall, sample.index - fall.index >= mergeGap else { return nil }
        // Ended on its own peak's fraction (in the ringing it left): the next burst must
        // rise from here. Ended at the floor: nothing to rise from.
        valley = offsetPeakFraction * burst.peakEnvelope > offsetRatio * floor ? sample.envelope : 0
        return close(at: fall)
    }

    /// Ends the burst under way, if any, at `index` (the end of the input).
    mutating func finish(at index: Int) -> Burst? {
        guard isOpen else { return nil }
        return close(at: fall ?? Fall(index: index, of: burst))
    }

    /// Opens a burst at `index`, its onset traced back to where the envelope left
    /// `backtrackRatio` × floor (or `base`, the valley it rose from, if higher).
    private mutating func open(at index: Int, floor: Double, base: Double) {
        var age = 0
        var energy = SIMD2<Double>.zero
        let limit = min(lookback, envelopes.count)
        while age < limit, envelopes[age: age] > max(backtrackRatio * floor, base) {
            energy += energies[age: age]
            age += 1
        }
        while age + 1 < limit, envelopes[age: age] > floor, envelopes[age: age + 1] < envelopes[age: age] {
            energy += energies[age: age]
            age += 1
        }
        var opened = Burst(onset: index - age, end: index, floor: floor)
        opened.energy = energy[0]
        opened.strengthEnergy = energy[1]
        opened.samples = age
        opened.openingEnergy = energy[0]
        burst = opened
        isOpen = true
        fall = nil
    }

    /// Measures a sample into the burst; a lost one is only counted (what the filters make
    /// of the held value in its place is not the signal).
    @inline(__always)
    private mutating func measure(_ sample: Sample) {
        if sample.isLost {
            burst.lostSamples += 1
            return
        }
        burst.energy += sample.energy
        burst.strengthEnergy += sample.strengthEnergy
        burst.samples += 1
        if sample.index - burst.onset < openingLength { burst.openingEnergy += sample.energy }
        burst.peakEnvelope = max(burst.peakEnvelope, sample.envelope)
        let c = sample.components
        burst.peakValue = max(burst.peakValue, abs(c.x), abs(c.y), abs(c.z))
        burst.peakSlow = max(burst.peakSlow, abs(sample.slow))
        burst.componentEnergy += sample.components * sample.components
        for axis in 0..<3 where (sample.components[axis] < 0) != (previous[axis] < 0) {
            burst.crossings[axis] += 1
        }
        burst.quality.formUnion(sample.quality)
        burst.touchedFlatline = burst.touchedFlatline || sample.isFlat
        burst.touchedMotion = burst.touchedMotion || sample.inMotion
    }

    private mutating func close(at fall: Fall) -> Burst {
        var closed = burst
        closed.end = max(closed.onset, fall.index - envelopeLength / 2)
        closed.energy = fall.energy
        closed.strengthEnergy = fall.strengthEnergy
        closed.samples = fall.samples
        closed.lostSamples = fall.lostSamples
        isOpen = false
        self.fall = nil
        return closed
    }
}
