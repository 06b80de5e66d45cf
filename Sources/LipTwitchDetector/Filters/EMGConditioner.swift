/// The EMG signal chain: DC removal, a 20–450 Hz band-pass (the low edge removes wander
/// and motion, the high edge noise; the high edge is held below 0.45 × the sample rate),
/// and notches at the mains frequency and its harmonics. Every stage keeps its state from
/// one sample to the next. With `MainsFrequency.automatic`, both the 50 Hz and the 60 Hz
/// notch combs run until `MainsTracker` decides, then only the chosen one; once the
/// nominal frequency is known, `HumFrequencyTracker` finds the hum's actual frequency near
/// it and the comb follows it, each of its notches deepened by more sections in series
/// (`notchSections`). When no mains is decided within `humSearchSeconds`, there is no
/// hum to remove and the combs stop: after strong bursts their seventeen notches ring,
/// and the ringing filled the short gaps of a cluster and joined its twitches. Hum found
/// later brings its comb back. The stopped combs go on at the side of the EMG band, for
/// the strength rules alone: their output is the band as calibration measures it.
/// Beside the EMG band it hands out that strength band, and the slow band (`slowBandHz`,
/// below the EMG), where cable motion and pops show and muscle does not.
///
/// All the filters' sections live in one `BiquadChain`; a block runs through them sample
/// after sample, and stops only at a sample where the mains or the hum's frequency
/// changes, to move the notches before that sample goes on through them.
struct EMGConditioner: Sendable {
    private var dc: DCBlocker
    private var chain = BiquadChain()
    private let highPass: Range<Int>
    private let lowPass: Range<Int>
    private let slowBand: Range<Int>
    private let comb50: Range<Int>
    private let comb60: Range<Int>
    /// The further sections at each harmonic of the comb in use, once the mains is decided.
    private let deep50: Range<Int>
    private let deep60: Range<Int>
    /// Both combs, one after the other.
    private let bothCombs: Range<Int>
    /// The notches in use, in order: both combs while undecided, one comb and its further
    /// sections once decided, none when the notches are off.
    private var notches: (first: Range<Int>, second: Range<Int>) = (0..<0, 0..<0)
    /// Both combs while the search has stopped them from the EMG band (else none): the
    /// strength band is the EMG band through them.
    private var aside = 0..<0
    private var tracker: MainsTracker?
    private var hum: HumFrequencyTracker?
    private let sampleRate: Double
    private let notchBandwidth: Double
    private let deepSections: Int
    private let searchHz: Double
    private let trackingSeconds: Double
    /// The mains frequency in use (nil: undecided, or notches off): nominal, 50 or 60 Hz.
    private(set) var mainsHz: Double?

    /// Where a block stopped: the sample whose high-passed value changed the mains
    /// decision (then the hum tracker has not seen it yet) or the hum's frequency.
    private struct Change {
        let index: Int
        let still: Double
        let highPassed: Double
        let isMains: Bool
    }

    /// The stages a sample goes through after the high-pass, as they stand.
    private struct Tail {
        let lowPass: Range<Int>
        let notches: (first: Range<Int>, second: Range<Int>)
        let aside: Range<Int>
        let slowBand: Range<Int>

        /// The low-pass and the notches in use (the EMG band), the combs aside (the
        /// strength band) and the slow band, of one sample.
        @inline(__always)
        func finish(still: Double, highPassed: Double, _ sections: BiquadChain.Sections) -> Output {
            var y = sections.process(lowPass, highPassed)
            y = sections.process(notches.first, y)
            y = sections.process(notches.second, y)
            return Output(emg: y, strength: sections.process(aside, y), slow: sections.process(slowBand, still))
        }
    }

    private var tail: Tail { Tail(lowPass: lowPass, notches: notches, aside: aside, slowBand: slowBand) }

    /// One sample out: the EMG band, the strength band and the slow band.
    struct Output {
        var emg: Double
        var strength: Double
        var slow: Double
    }

    /// `humSearchSeconds`: how long both combs run without a decision (nil: until one).
    init(configuration: DetectorConfiguration, sampleRate: Double, humSearchSeconds: Double?) {
        self.sampleRate = sampleRate
        notchBandwidth = configuration.notchBandwidthHz
        deepSections = max(0, configuration.notchSections - 1)
        searchHz = configuration.mainsSearchHz
        trackingSeconds = configuration.mainsTrackingSeconds
        dc = DCBlocker(cutoff: configuration.dcCutoffHz, sampleRate: sampleRate)
        highPass = chain.append(
            .butterworthHighPass(order: 4, cutoff: configuration.emgHighPassHz, sampleRate: sampleRate))
        let lowCutoff = configuration.emgPassBand(sampleRate: sampleRate).upperBound
        lowPass = chain.append(.butterworthLowPass(order: 2, cutoff: lowCutoff, sampleRate: sampleRate))
        let slow = configuration.slowBandHz
        slowBand = chain.append(BiquadCascade(
            BiquadCascade.butterworthHighPass(order: 4, cutoff: slow.lowerBound, sampleRate: sampleRate),
            BiquadCascade.butterworthLowPass(order: 4, cutoff: slow.upperBound, sampleRate: sampleRate)))
        let ceiling = min(lowCutoff + 50, 0.45 * sampleRate)
        func comb(_ fundamental: Double, sections: Int) -> BiquadCascade {
            .notchComb(fundamental: fundamental, count: configuration.mainsHarmonics, ceiling: ceiling,
                       bandwidth: configuration.notchBandwidthHz, sectionsPerHarmonic: sections, sampleRate: sampleRate)
        }
        comb50 = chain.append(comb(50, sections: 1))
        comb60 = chain.append(comb(60, sections: 1))
        deep50 = chain.append(comb(50, sections: deepSections))
        deep60 = chain.append(comb(60, sections: deepSections))
        bothCombs = comb50.lowerBound..<comb60.upperBound
        switch configuration.mains {
        case .automatic:
            tracker = MainsTracker(sampleRate: sampleRate, searchSeconds: humSearchSeconds)
            notches = (bothCombs, 0..<0)
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

    /// Filters a block of samples in place (the EMG band, µV), and writes their strength
    /// band into `strength` and their slow band into `slow`.
    mutating func process(_ block: inout [Double], strength: inout [Double], slow: inout [Double]) {
        strength.removeAll(keepingCapacity: true)
        strength.append(contentsOf: repeatElement(0, count: block.count))
        slow.removeAll(keepingCapacity: true)
        slow.append(contentsOf: repeatElement(0, count: block.count))
        var next = 0
        while next < block.count, let change = run(&block, strength: &strength, slow: &slow, from: next) {
            if change.isMains {
                switchMains(to: tracker!.frequency, searchIsOver: tracker!.isSearchOver)
                if hum != nil, hum!.add(change.highPassed) { followHum() }
            } else {
                followHum()
            }
            let tail = self.tail
            let output = chain.withSections { tail.finish(still: change.still, highPassed: change.highPassed, $0) }
            (block[change.index], strength[change.index], slow[change.index]) = (output.emg, output.strength, output.slow)
            next = change.index + 1
        }
    }

    /// Filters the samples of `block` from `start` on, up to the end or to the first
    /// sample that changes the mains or the hum's frequency (returned, not filtered yet).
    private mutating func run(_ block: inout [Double], strength: inout [Double], slow: inout [Double],
                              from start: Int) -> Change? {
        var (dc, tracker, hum) = (self.dc, self.tracker, self.hum)
        defer { (self.dc, self.tracker, self.hum) = (dc, tracker, hum) }
        let (highPass, tail) = (self.highPass, self.tail)
        return block.withUnsafeMutableBufferPointer { block in
            strength.withUnsafeMutableBufferPointer { strength in
                slow.withUnsafeMutableBufferPointer { slow in
                    chain.withSections { sections in
                        for index in start..<block.count {
                            let still = dc.process(block[index])
                            let y = sections.process(highPass, still)
                            if tracker != nil, tracker!.add(y) {
                                return Change(index: index, still: still, highPassed: y, isMains: true)
                            }
                            if hum != nil, hum!.add(y) {
                                return Change(index: index, still: still, highPassed: y, isMains: false)
                            }
                            let output = tail.finish(still: still, highPassed: y, sections)
                            (block[index], strength[index], slow[index]) = (output.emg, output.strength, output.slow)
                        }
                        return nil
                    }
                }
            }
        }
    }

    /// Takes the notches for `frequency` into use (nil: none; both aside when the search
    /// is over).
    private mutating func switchMains(to frequency: Double?, searchIsOver: Bool = false) {
        mainsHz = frequency
        // A comb taken into use starts from rest; one that was running goes on.
        if frequency == 50, !runs(comb50) { chain.reset(comb50) }
        if frequency == 60, !runs(comb60) { chain.reset(comb60) }
        chain.reset(deep50)
        chain.reset(deep60)
        aside = searchIsOver ? bothCombs : 0..<0
        switch frequency {
        case 50: notches = (comb50, deep50)
        case 60: notches = (comb60, deep60)
        default: notches = (0..<0, 0..<0)
        }
        retune(to: 50, comb: comb50, deep: deep50)
        retune(to: 60, comb: comb60, deep: deep60)
        hum = frequency.map {
            HumFrequencyTracker(
                nominal: $0, sampleRate: sampleRate, searchHz: searchHz, trackingSeconds: trackingSeconds)
        }
    }

    /// Whether `comb` runs, among the notches in use or aside.
    private func runs(_ comb: Range<Int>) -> Bool {
        [notches.first, notches.second, aside].contains { $0.contains(comb.lowerBound) }
    }

    /// Moves the comb in use onto the hum's frequency as now found.
    private mutating func followHum() {
        guard let frequency = hum?.frequency, let mainsHz else { return }
        if mainsHz == 50 { retune(to: frequency, comb: comb50, deep: deep50) }
        if mainsHz == 60 { retune(to: frequency, comb: comb60, deep: deep60) }
    }

    /// Moves a comb and its further sections to `fundamental`, each keeping its state.
    private mutating func retune(to fundamental: Double, comb: Range<Int>, deep: Range<Int>) {
        chain.retuneNotchComb(comb, fundamental: fundamental, bandwidth: notchBandwidth, sectionsPerHarmonic: 1,
                              sampleRate: sampleRate)
        chain.retuneNotchComb(deep, fundamental: fundamental, bandwidth: notchBandwidth,
                              sectionsPerHarmonic: deepSections, sampleRate: sampleRate)
    }
}
