/// The EMG signal chain: DC removal, a 20–450 Hz band-pass (the low edge removes wander
/// and motion, the high edge noise; the high edge is held below 0.45 × the sample rate),
/// and notches at the mains frequency and its harmonics. Every stage keeps its state from
/// one sample to the next. With `MainsFrequency.automatic`, both the 50 Hz and the 60 Hz
/// notch combs run until `MainsTracker` decides, then only the chosen one.
struct EMGConditioner: Sendable {
    private var dc: DCBlocker
    private var highPass: BiquadCascade
    private var lowPass: BiquadCascade
    private var tracker: MainsTracker?
    private var comb50: BiquadCascade
    private var comb60: BiquadCascade
    private var use50: Bool
    private var use60: Bool
    /// The mains frequency in use (nil: undecided, or notches off).
    private(set) var mainsHz: Double?

    init(configuration: DetectorConfiguration, sampleRate: Double) {
        dc = DCBlocker(cutoff: configuration.dcCutoffHz, sampleRate: sampleRate)
        highPass = .butterworthHighPass(order: 4, cutoff: configuration.emgHighPassHz, sampleRate: sampleRate)
        let lowCutoff = min(configuration.emgLowPassHz, 0.45 * sampleRate)
        lowPass = .butterworthLowPass(order: 2, cutoff: lowCutoff, sampleRate: sampleRate)
        let ceiling = min(lowCutoff + 50, 0.45 * sampleRate)
        func comb(_ fundamental: Double) -> BiquadCascade {
            .notchComb(fundamental: fundamental, count: configuration.mainsHarmonics, ceiling: ceiling,
                       bandwidth: configuration.notchBandwidthHz, sampleRate: sampleRate)
        }
        comb50 = comb(50)
        comb60 = comb(60)
        switch configuration.mains {
        case .automatic:
            tracker = MainsTracker(sampleRate: sampleRate)
            (use50, use60) = (true, true)
        case .hz50:
            (use50, use60, mainsHz) = (true, false, 50)
        case .hz60:
            (use50, use60, mainsHz) = (false, true, 60)
        case .off:
            (use50, use60) = (false, false)
        }
    }

    /// Filters one sample, µV in, µV out.
    @inline(__always)
    mutating func process(_ x: Double) -> Double {
        var y = highPass.process(dc.process(x))
        if tracker != nil, tracker!.add(y) { switchMains(to: tracker!.frequency) }
        y = lowPass.process(y)
        if use50 { y = comb50.process(y) }
        if use60 { y = comb60.process(y) }
        return y
    }

    /// Filters a block of samples in place, sample after sample through every stage
    /// (measured: faster than stage after stage over the block, whose cascades then pass
    /// their state through memory at every step).
    mutating func process(_ block: inout [Double]) {
        block.withUnsafeMutableBufferPointer { block in
            for index in block.indices { block[index] = process(block[index]) }
        }
    }

    private mutating func switchMains(to frequency: Double?) {
        mainsHz = frequency
        let want50 = frequency == 50, want60 = frequency == 60
        if want50, !use50 { comb50.reset() }
        if want60, !use60 { comb60.reset() }
        use50 = want50
        use60 = want60
    }
}
