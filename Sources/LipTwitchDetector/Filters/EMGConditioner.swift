/// The EMG signal chain: DC removal, a 20–450 Hz band-pass (the low edge removes wander
/// and motion, the high edge noise; the high edge is held below 0.45 × the sample rate),
/// and notches at the mains frequency and its harmonics. Every stage keeps its state from
/// one sample to the next. With `MainsFrequency.automatic`, both the 50 Hz and the 60 Hz
/// notch combs run until `MainsTracker` decides, then only the chosen one; once the
/// nominal frequency is known, `HumFrequencyTracker` finds the hum's actual frequency near
/// it and the comb follows it. Beside the EMG band it hands out the slow band
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
    private var use50: Bool
    private var use60: Bool
    private let sampleRate: Double
    private let notchBandwidth: Double
    private let searchHz: Double
    private let trackingSeconds: Double
    /// The mains frequency in use (nil: undecided, or notches off): nominal, 50 or 60 Hz.
    private(set) var mainsHz: Double?

    init(configuration: DetectorConfiguration, sampleRate: Double) {
        self.sampleRate = sampleRate
        notchBandwidth = configuration.notchBandwidthHz
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
        func comb(_ fundamental: Double) -> BiquadCascade {
            .notchComb(fundamental: fundamental, count: configuration.mainsHarmonics, ceiling: ceiling,
                       bandwidth: configuration.notchBandwidthHz, sampleRate: sampleRate)
        }
        comb50 = comb(50)
        comb60 = comb(60)
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
        use50 = want50
        use60 = want60
        comb50.retuneNotchComb(fundamental: 50, bandwidth: notchBandwidth, sampleRate: sampleRate)
        comb60.retuneNotchComb(fundamental: 60, bandwidth: notchBandwidth, sampleRate: sampleRate)
        hum = frequency.map {
            HumFrequencyTracker(
                nominal: $0, sampleRate: sampleRate, searchHz: searchHz, trackingSeconds: trackingSeconds)
        }
    }

    /// Moves the comb in use onto the hum's frequency as now found.
    private mutating func followHum() {
        guard let frequency = hum?.frequency else { return }
        if use50 { comb50.retuneNotchComb(fundamental: frequency, bandwidth: notchBandwidth, sampleRate: sampleRate) }
        if use60 { comb60.retuneNotchComb(fundamental: frequency, bandwidth: notchBandwidth, sampleRate: sampleRate) }
    }
}
