/// The EMG signal chain: DC removal, a 20–450 Hz band-pass (the low edge removes wander
/// and motion, the high edge noise; the high edge is held below 0.45 × the sample rate),
/// and notches at the mains frequency and its harmonics. Every stage keeps its state from
/// one sample to the next. With `MainsFrequency.automatic`, both the 50 Hz and the 60 Hz
/// notch combs run until `MainsTracker` decides, then only the chosen one; once the
/// nominal frequency is known, `HumFrequencyTracker` finds the hum's actual frequency near
/// it and the comb follows it, each of its notches deepened by more sections in series
/// (`notchSections`). Beside the EMG band it hands out the slow band
/// (`slowBandHz`, below the EMG), where cable motion and pops show and muscle does not.
struct EMGConditioner: Sendable {
    private var dc: DCBlocker
    private var highPass: BiquadCascade
    private var lowPass: BiquadCascade
    private var slowBand: BiquadCascade
    private var tracker: MainsTracker?
    private var hum: HumFrequencyTracker?
    private var comb50: BiquadCascade
    private var comb60: BiquadCascade
    /// The further sections at each harmonic of the comb in use, once the mains is decided.
    private var deep50: BiquadCascade
    private var deep60: BiquadCascade
    private var use50: Bool
    private var use60: Bool
    private let sampleRate: Double
    private let notchBandwidth: Double
    private let deepSections: Int
    private let searchHz: Double
    private let trackingSeconds: Double
    /// The mains frequency in use (nil: undecided, or notches off): nominal, 50 or 60 Hz.
    private(set) var mainsHz: Double?

    init(configuration: DetectorConfiguration, sampleRate: Double) {
        self.sampleRate = sampleRate
        notchBandwidth = configuration.notchBandwidthHz
        deepSections = max(0, configuration.notchSections - 1)
        searchHz = configuration.mainsSearchHz
        trackingSeconds = configuration.mainsTrackingSeconds
        dc = DCBlocker(cutoff: configuration.dcCutoffHz, sampleRate: sampleRate)
        highPass = .butterworthHighPass(order: 4, cutoff: configuration.emgHighPassHz, sampleRate: sampleRate)
        let lowCutoff = configuration.emgPassBand(sampleRate: sampleRate).upperBound
        lowPass = .butterworthLowPass(order: 2, cutoff: lowCutoff, sampleRate: sampleRate)
        let slow = configuration.slowBandHz
        slowBand = BiquadCascade(
            BiquadCascade.butterworthHighPass(order: 4, cutoff: slow.lowerBound, sampleRate: sampleRate),
            BiquadCascade.butterworthLowPass(order: 4, cutoff: slow.upperBound, sampleRate: sampleRate))
        let ceiling = min(lowCutoff + 50, 0.45 * sampleRate)
        func comb(_ fundamental: Double, sections: Int) -> BiquadCascade {
            .notchComb(fundamental: fundamental, count: configuration.mainsHarmonics, ceiling: ceiling,
                       bandwidth: configuration.notchBandwidthHz, sectionsPerHarmonic: sections, sampleRate: sampleRate)
        }
        comb50 = comb(50, sections: 1)
        comb60 = comb(60, sections: 1)
        deep50 = comb(50, sections: deepSections)
        deep60 = comb(60, sections: deepSections)
        (use50, use60) = (false, false)
        switch configuration.mains {
        case .automatic:
            tracker = MainsTracker(sampleRate: sampleRate)
            (use50, use60) = (true, true)
        case .hz50:
            switchMains(to: 50)
        case .hz60:
            switchMains(to: 60)
        case .off:
            break
        }
    }

    /// The hum's frequency as followed now (nil when no nominal frequency is decided).
    var humHz: Double? { hum?.frequency }

    /// Filters one sample, µV in: the EMG band (notched) and the slow band, µV.
    @inline(__always)
    mutating func process(_ x: Double) -> (emg: Double, slow: Double) {
        let still = dc.process(x)
        var y = highPass.process(still)
        if tracker != nil, tracker!.add(y) { switchMains(to: tracker!.frequency) }
        if hum != nil, hum!.add(y) { followHum() }
        y = lowPass.process(y)
        if use50 { y = comb50.process(y) }
        if use60 { y = comb60.process(y) }
        if mainsHz == 50 { y = deep50.process(y) }
        if mainsHz == 60 { y = deep60.process(y) }
        return (y, slowBand.process(still))
    }

    /// Filters a block of samples in place (the EMG band), and writes their slow band into
    /// `slow`, sample after sample through every stage (measured: faster than stage after
    /// stage over the block, whose cascades then pass their state through memory at every step).
    mutating func process(_ block: inout [Double], slow: inout [Double]) {
        slow.removeAll(keepingCapacity: true)
        block.withUnsafeMutableBufferPointer { block in
            for index in block.indices {
                let (emg, low) = process(block[index])
                block[index] = emg
                slow.append(low)
            }
        }
    }

    private mutating func switchMains(to frequency: Double?) {
        mainsHz = frequency
        let want50 = frequency == 50, want60 = frequency == 60
        if want50, !use50 { comb50.reset() }
        if want60, !use60 { comb60.reset() }
        deep50.reset()
        deep60.reset()
        use50 = want50
        use60 = want60
        retune(to: 50, comb: &comb50, deep: &deep50)
        retune(to: 60, comb: &comb60, deep: &deep60)
        hum = frequency.map {
            HumFrequencyTracker(
                nominal: $0, sampleRate: sampleRate, searchHz: searchHz, trackingSeconds: trackingSeconds)
        }
    }

    /// Moves the comb in use onto the hum's frequency as now found.
    private mutating func followHum() {
        guard let frequency = hum?.frequency else { return }
        if use50 { retune(to: frequency, comb: &comb50, deep: &deep50) }
        if use60 { retune(to: frequency, comb: &comb60, deep: &deep60) }
    }

    /// Moves a comb and its further sections to `fundamental`, each keeping its state.
    private func retune(to fundamental: Double, comb: inout BiquadCascade, deep: inout BiquadCascade) {
        comb.retuneNotchComb(fundamental: fundamental, bandwidth: notchBandwidth, sectionsPerHarmonic: 1,
                             sampleRate: sampleRate)
        deep.retuneNotchComb(fundamental: fundamental, bandwidth: notchBandwidth, sectionsPerHarmonic: deepSections,
                             sampleRate: sampleRate)
    }
}
