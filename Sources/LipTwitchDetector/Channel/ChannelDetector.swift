#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The detector for one input: front (validity, filters, envelope), noise floor, bursts,
/// their classification, the twitch candidates waiting for confirmation, and the open
/// episodes. docs/DETECTOR.md walks through it in order.
struct ChannelDetector: Sendable {
    let index: Int
    let input: DetectorInput
    private let sampleRate: Double
    private let configuration: DetectorConfiguration
    private var front: SignalFront
    private var floor: NoiseFloorTracker
    /// The slow band's own floor (EMG), kept the same way.
    private var slowFloor: NoiseFloorTracker
    private var segmenter: BurstSegmenter
    /// EMG: rhythms of the envelope (tremor, speech, chewing).
    private var rhythm: RhythmTracker?
    /// Accelerometer: the tremor, from the acceleration itself.
    private var accelerationTremor: AccelerationTremorTracker?
    /// Its checks due in the block under way, by sample index, and the next one to
    /// observe (once the sample's other steps are done): scratch space. The tracker runs
    /// over the block as it is conditioned, so the EMG's per-sample path stays as it was.
    private var accelerationChecks: [(index: Int, check: RhythmTracker.Check)] = []
    private var nextAccelerationCheck = 0
    private var tremor: TremorWatch
    private var chewing: BurstRhythm
    private var chain: ActivityChain
    private var history: DecimatedEnvelope
    private var pending: PendingBursts
    private var voluntary: IntervalRing<BurstClass>
    private var invalid: IntervalRing<ArtifactKind>
    /// Gaps at least `longGap` long.
    private var longGaps: IntervalRing<ArtifactKind>
    /// Where the gap under way began, and the last lost sample.
    private var gapStart: Int?
    private var lastLost = Int.min / 2
    private var motion: IntervalRing<ArtifactKind>
    private var tremors: IntervalRing<BurstClass>
    /// Recent bursts, each with its strength (nil for one shorter than a twitch).
    private var recentBursts: IntervalRing<Double?>
    /// Recent bursts of twitch length at `conversationFraction` × press or stronger (EMG).
    private var quietSyllables: IntervalRing<BurstClass>
    private var twitchEpisode: EpisodeBuilder
    private var tremorEpisode: EpisodeBuilder
    private(set) var counters = DetectorCounters()
    private var latestOnset = Int.min / 2
    private var speechChecks = 0
    private var lastIndex = -1
    /// The conditioned samples of the block under way: scratch space.
    private var conditioned: [BurstSegmenter.Sample] = []
    /// The voluntary threshold (RMS, in the unit).
    let voluntaryThreshold: Double
    /// The RMS of a quiet syllable: two such bursts make their stretch speech (EMG).
    private let phraseThreshold: Double
    /// The RMS of the quietest syllables of a conversation (EMG).
    private let conversationThreshold: Double
    /// The RMS that rhythmic bursts reach in median when they are speech or chewing (EMG).
    private let rhythmThreshold: Double
    // Durations in samples.
    private let minimumTwitch: Int
    private let maximumTwitch: Int
    private let confirmation: Int
    private let maximumDeferral: Int
    private let invalidGuard: Int
    private let gapGuard: Int
    private let longGap: Int
    private let voluntaryHold: Int
    private let conversationHold: Int
    private let conversationPair: Int
    private let motionHold: Int
    private let episodeGap: Int
    private let tremorWindow: Int

    init(index: Int, input: DetectorInput, sampleRate: Double, configuration: DetectorConfiguration,
         profile: DetectorProfile.Channel?) {
        self.index = index
        self.input = input
        self.sampleRate = sampleRate
        self.configuration = configuration
        func samples(_ seconds: Double) -> Int { max(1, Int((seconds * sampleRate).rounded())) }
        front = SignalFront(input: input, configuration: configuration, sampleRate: sampleRate,
                            humSearchSeconds: configuration.humSearchSeconds)
        floor = NoiseFloorTracker(
            blockLength: samples(configuration.floorBlockSeconds), blockCount: configuration.floorBlocks,
            unfreezeBlocks: Int(configuration.floorUnfreezeSeconds / configuration.floorBlockSeconds),
            initialFloor: profile?.restFloor, minimumFloor: input.isAccelerometer ? 1e-5 : 0.01)
        slowFloor = NoiseFloorTracker(
            blockLength: samples(configuration.floorBlockSeconds), blockCount: configuration.floorBlocks,
            unfreezeBlocks: Int(configuration.floorUnfreezeSeconds / configuration.floorBlockSeconds),
            initialFloor: nil, minimumFloor: 0.01)
        segmenter = BurstSegmenter(configuration: configuration, sampleRate: sampleRate,
                                   envelopeLength: front.envelopeLength,
                                   isAccelerometer: input.isAccelerometer)
        if input.isAccelerometer {
            accelerationTremor = AccelerationTremorTracker(configuration: configuration, sampleRate: sampleRate)
            accelerationChecks.reserveCapacity(TwitchDetector.blockFrames)
        } else {
            rhythm = RhythmTracker(configuration: configuration, sampleRate: sampleRate)
        }
        tremor = TremorWatch(
            confirmations: configuration.tremorConfirmations, endingChecks: configuration.tremorEndingChecks)
        chewing = BurstRhythm(configuration: configuration, sampleRate: sampleRate)
        chain = ActivityChain(gap: samples(configuration.activityChainGapSeconds))
        let decimation = max(1, Int((sampleRate / RhythmTracker.decimatedRate).rounded()))
        let historySeconds = configuration.maximumDeferralSeconds + configuration.maximumTwitchSeconds
            + configuration.tremorWindowSeconds + 4
        history = DecimatedEnvelope(
            decimation: decimation, capacity: Int(historySeconds * sampleRate) / decimation + 1)
        pending = PendingBursts(capacity: 32)
        voluntary = IntervalRing(capacity: 16)
        invalid = IntervalRing(capacity: 16)
        longGaps = IntervalRing(capacity: 16)
        motion = IntervalRing(capacity: 16)
        tremors = IntervalRing(capacity: 8)
        recentBursts = IntervalRing(capacity: 32)
        quietSyllables = IntervalRing(capacity: 32)
        twitchEpisode = EpisodeBuilder(kind: .twitch, configuration: configuration, sampleRate: sampleRate)
        tremorEpisode = EpisodeBuilder(kind: .tremor, configuration: configuration, sampleRate: sampleRate)
        let pressRMS = profile?.pressRMS
            ?? (input.isAccelerometer ? configuration.defaultPressRMSG : configuration.defaultPressRMSMicrovolts)
        voluntaryThreshold = configuration.voluntaryFraction * pressRMS
        phraseThreshold = configuration.phraseFraction * pressRMS
        conversationThreshold = configuration.conversationFraction * pressRMS
        rhythmThreshold = configuration.rhythmFraction * pressRMS
        minimumTwitch = samples(configuration.minimumTwitchSeconds)
        maximumTwitch = samples(configuration.maximumTwitchSeconds)
        confirmation = samples(configuration.confirmationSeconds)
        maximumDeferral = samples(configuration.maximumDeferralSeconds)
        invalidGuard = samples(configuration.invalidGuardSeconds)
        gapGuard = samples(configuration.gapGuardSeconds)
        longGap = front.envelopeLength
        voluntaryHold = samples(configuration.voluntaryHoldSeconds)
        conversationHold = samples(configuration.conversationSeconds)
        conversationPair = samples(configuration.conversationPairSeconds)
        motionHold = samples(configuration.motionHoldSeconds)
        episodeGap = samples(configuration.episodeGapSeconds)
        tremorWindow = samples(configuration.tremorWindowSeconds)
    }

    /// Values of storage held by the parts that could grow if they were wrong (rings,
    /// candidates, episodes): the constant-memory check watches that it never changes.
    var footprint: Int {
        pending.capacity + voluntary.capacity + invalid.capacity + longGaps.capacity + motion.capacity + tremors.capacity
            + recentBursts.capacity + quietSyllables.capacity + twitchEpisode.footprint + tremorEpisode.footprint
    }

    /// The mains frequency in use (EMG), if decided.
    var mainsHz: Double? { front.mainsHz }

    /// The noise floor now (nil before the first block).
    var noiseFloor: Double? { floor.floor }

    /// Conditions a block of this input's frames (validity, filters, envelope); their
    /// samples then wait for `handleConditioned(at:into:)`, as many as `conditionedCount`.
    mutating func condition(_ frames: [InputFrame]) {
        conditioned.removeAll(keepingCapacity: true)
        front.push(frames, into: &conditioned)
        checkAccelerationTremor()
    }

    /// Accelerometer: runs the tremor tracker over the block just conditioned, keeping its
    /// checks for `handle` to observe at their samples.
    private mutating func checkAccelerationTremor() {
        accelerationChecks.removeAll(keepingCapacity: true)
        nextAccelerationCheck = 0
        guard accelerationTremor != nil else { return }
        for position in conditioned.indices {
            if let check = accelerationTremor!.add(front.withoutGravity[position]) {
                accelerationChecks.append((conditioned[position].index, check))
            }
        }
    }

    /// Samples of the last block conditioned.
    var conditionedCount: Int { conditioned.count }

    /// Takes the conditioned sample at `position` of the last block through the rest of
    /// the chain: floor, bursts, rhythm, candidates, episodes.
    @inline(__always)
    mutating func handleConditioned(at position: Int, into events: inout [DetectorEvent]) {
        handle(conditioned[position], into: &events)
        // After the sample's other steps, not inside `handle`: there, this branch alone
        // slowed the EMG's per-sample path by a fifth (measured, optimized build).
        if nextAccelerationCheck < accelerationChecks.count,
            accelerationChecks[nextAccelerationCheck].index == lastIndex {
            observe(accelerationChecks[nextAccelerationCheck].check, at: lastIndex, into: &events)
            nextAccelerationCheck += 1
        }
    }

    /// Ends the input: what is held back is processed, the open burst closed, every
    /// candidate decided and open episodes closed as truncated.
    mutating func finish(into events: inout [DetectorEvent]) {
        conditioned.removeAll(keepingCapacity: true)
        front.flush(into: &conditioned)
        checkAccelerationTremor()
        for position in conditioned.indices { handleConditioned(at: position, into: &events) }
        if let burst = segmenter.finish(at: lastIndex) { classify(burst, into: &events) }
        while pending.count > 0 { decide(pending.removeFirst(), now: lastIndex, into: &events) }
        if tremor.isActive { endTremor(at: lastIndex, truncated: true, into: &events) }
        if twitchEpisode.isOpen { closeTwitchEpisode(truncated: true, into: &events) }
    }

    @inline(__always)
    private mutating func handle(_ sample: BurstSegmenter.Sample, into events: inout [DetectorEvent]) {
        let now = sample.index
        lastIndex = now
        counters.samples += 1
        let isValid = sample.quality.isEmpty && !sample.isFlat
        if sample.isLost {
            counters.invalidSamples += 1
            noteLost(now)
        } else {
            gapStart = nil
            if !isValid {
                counters.invalidSamples += 1
                invalid.mark(now, reason: Self.artifactKind(sample.quality, isFlat: sample.isFlat))
            }
            let spoils = segmenter.openOnset != nil || !isValid || sample.inMotion
            floor.add(energy: sample.energy, spoils: spoils)
            if !input.isAccelerometer { slowFloor.add(energy: sample.slow * sample.slow, spoils: spoils) }
        }
        if sample.inMotion { motion.mark(now, reason: .motion) }
        if let burst = segmenter.add(sample, floor: floor.floor) { classify(burst, into: &events) }
        if let onset = segmenter.openOnset { latestOnset = max(latestOnset, onset) }
        if history.add(sample.envelope) {
            twitchEpisode.catchUp(history)
            tremorEpisode.catchUp(history)
        }
        if tremor.isActive {
            let c = sample.components
            tremorEpisode.addTremorSample(energy: sample.energy, peak: max(abs(c.x), abs(c.y), abs(c.z)), index: now)
        }
        if let check = rhythm?.add(envelope: sample.envelope, floor: floor.floor) {
            observe(check, at: now, into: &events)
        }
        decideDue(now: now, into: &events)
        if twitchEpisode.isOpen, isTwitchEpisodeOver(now: now) { closeTwitchEpisode(truncated: false, into: &events) }
    }

    /// A lost sample: the floor does not see it (the filters' decay on the held value is
    /// not the noise), and a gap that grows as long as the envelope window is remembered.
    private mutating func noteLost(_ now: Int) {
        let start = gapStart ?? now
        gapStart = start
        lastLost = now
        if now - start + 1 >= longGap { longGaps.append(first: start, last: now, reason: .gap) }
    }

    // MARK: Classification

    private static func artifactKind(_ quality: SampleQuality, isFlat: Bool) -> ArtifactKind {
        if quality.contains(.leadOff) { return .leadOff }
        if quality.contains(.saturation) { return .saturation }
        if quality.contains(.gap) { return .gap }
        return .flatline
    }

    /// The first verdict on a burst, as it closes: artifacts, short bursts, long or strong
    /// ones are settled now; the rest wait as twitch candidates.
    private mutating func classify(_ burst: Burst, into events: inout [DetectorEvent]) {
        latestOnset = max(latestOnset, burst.onset)
        let strength = burst.strength
        recentBursts.append(
            first: burst.onset, last: burst.end, reason: burst.length >= minimumTwitch ? strength : nil)
        if !input.isAccelerometer, burst.length >= minimumTwitch, strength >= conversationThreshold {
            quietSyllables.append(first: burst.onset, last: burst.end, reason: .voluntary)
        }
        chain.add(onset: burst.onset, end: burst.end,
                  isStrong: !input.isAccelerometer && burst.length >= minimumTwitch && strength >= phraseThreshold)
        if chain.strongBursts >= configuration.phraseBursts { chain.markVoluntary() }
        if chain.isVoluntary { voluntary.append(first: chain.start, last: chain.end, reason: .voluntary) }
        if !burst.quality.isEmpty || burst.touchedFlatline {
            counters.count(Self.artifactKind(burst.quality, isFlat: burst.touchedFlatline))
            return
        }
        if burst.touchedMotion {
            counters.count(.motion)
            return
        }
        if Double(burst.lostSamples) > configuration.maximumLostFraction * Double(burst.length) {
            counters.count(.gap)
            return
        }
        if burst.length >= minimumTwitch, !input.isAccelerometer, let start = chewing.add(onset: burst.onset),
            isStrongRhythm(first: start, last: burst.end) {
            markVoluntary(first: start, last: burst.end)
        }
        let crest = burst.rms > 0 ? burst.peakValue / burst.rms : 0
        let opening = burst.energy > 0 ? burst.openingEnergy / burst.energy : 0
        let huge = burst.peakEnvelope >= configuration.popRatio * burst.floor
        if isSlowBandArtifact(burst) {
            counters.count(opening >= configuration.popEnergyFraction ? .pop : .motion)
            return
        }
        if burst.length < minimumTwitch {
            if huge, crest >= configuration.popCrestFactor {
                counters.count(.pop)
            } else if strength >= voluntaryThreshold {
                markVoluntary(burst)
            } else {
                counters.shortBursts += 1
            }
            return
        }
        if huge, opening >= configuration.popEnergyFraction {
            counters.count(.pop)
        } else if burst.length > maximumTwitch {
            if isDuringTremor(burst) { counters.tremorBursts += 1 } else { markVoluntary(burst) }
        } else if strength >= voluntaryThreshold {
            markVoluntary(burst)
        } else {
            if pending.isFull { decide(pending.removeFirst(), now: lastIndex, into: &events) }
            var waiting = burst
            // Announced only away from talking and chewing, where it will most likely stand.
            if voluntary.overlapping(burst.onset, burst.end, margin: conversationHold) == nil {
                waiting.isAnnounced = true
                events.append(.candidate(candidate(burst, now: lastIndex)))
            }
            pending.append(waiting)
        }
    }

    /// Strong in the slow band, against the burst's own peak and the slow band's floor:
    /// cable motion or a pop. Not within `invalidGuardSeconds` of lost samples, whose
    /// bridge joins the signal with a small step that the slow band shows.
    private func isSlowBandArtifact(_ burst: Burst) -> Bool {
        !input.isAccelerometer && burst.onset - lastLost > invalidGuard
            && burst.peakSlow >= configuration.slowBandRatio * burst.peakValue
            && burst.peakSlow >= configuration.slowBandFloorRatio * (slowFloor.floor ?? 0)
    }

    private mutating func markVoluntary(_ burst: Burst) {
        counters.voluntaryBursts += 1
        markVoluntary(first: burst.onset, last: burst.end)
    }

    /// Records voluntary activity over `first...last`, and over the whole stretch of
    /// activity it touches unless told not to.
    private mutating func markVoluntary(first: Int, last: Int, wholeStretch: Bool = true) {
        voluntary.append(first: first, last: last, reason: .voluntary)
        if wholeStretch, chain.touches(first, last) {
            chain.markVoluntary()
            voluntary.append(first: min(first, chain.start), last: max(last, chain.end), reason: .voluntary)
        }
    }

    private func isDuringTremor(_ burst: Burst) -> Bool {
        if tremor.isActive, burst.end >= tremor.start { return true }
        return tremors.overlapping(burst.onset, burst.end, margin: 0) != nil
    }

    /// Decides the candidates whose time has come: `confirmationSeconds` after they
    /// ended, unless another burst has begun since (then up to `maximumDeferralSeconds`).
    @inline(__always)
    private mutating func decideDue(now: Int, into events: inout [DetectorEvent]) {
        while let first = pending.first, now >= first.end + confirmation {
            if latestOnset > first.end, now < first.end + maximumDeferral { return }
            decide(pending.removeFirst(), now: now, into: &events)
        }
    }

    /// The final verdict on a candidate, from what happened around it.
    private mutating func decide(_ burst: Burst, now: Int, into events: inout [DetectorEvent]) {
        let dismissal: DetectorCandidate.Dismissal
        if let bad = invalid.overlapping(burst.onset, burst.end, margin: invalidGuard) {
            counters.count(bad.reason)
            dismissal = .artifact
        } else if longGaps.overlapping(burst.onset, burst.end, margin: gapGuard) != nil {
            counters.count(.gap)
            dismissal = .artifact
        } else if motion.overlapping(burst.onset, burst.end, margin: motionHold) != nil {
            counters.count(.motion)
            dismissal = .motion
        } else if isDuringTremor(burst) {
            counters.tremorBursts += 1
            dismissal = .tremor
        } else if voluntary.overlapping(burst.onset, burst.end, margin: voluntaryHold) != nil
            || isQuietPhraseInConversation(burst) {
            counters.voluntaryBursts += 1
            dismissal = .voluntary
        } else {
            confirmTwitch(burst, now: now, into: &events)
            return
        }
        if burst.isAnnounced { events.append(.dismissed(candidate(burst, now: now), dismissal)) }
    }

    private func candidate(_ burst: Burst, now: Int) -> DetectorCandidate {
        DetectorCandidate(
            input: index, onsetSample: burst.onset, endSample: burst.end, knownAtSample: now, rms: burst.rms,
            peak: burst.peakValue)
    }

    /// A candidate at the strength of a quiet syllable, with another burst that strong
    /// within `conversationPairSeconds` (two words), and voluntary activity within
    /// `conversationSeconds` (the wearer has been talking or chewing): the quiet part of a
    /// conversation, not a twitch. Twitches are mostly weaker (median 0.15 × press), and a
    /// cluster of them away from speech is left alone.
    private func isQuietPhraseInConversation(_ burst: Burst) -> Bool {
        !input.isAccelerometer && burst.strength >= conversationThreshold
            && quietSyllables.count(overlapping: burst.onset, burst.end, margin: conversationPair) >= 2
            && voluntary.overlapping(burst.onset, burst.end, margin: conversationHold) != nil
    }

    private mutating func confirmTwitch(_ burst: Burst, now: Int, into events: inout [DetectorEvent]) {
        counters.twitches += 1
        let twitch = Twitch(
            onsetSample: burst.onset, endSample: burst.end, rms: burst.rms, peak: burst.peakValue,
            confidence: confidence(of: burst))
        events.append(.onset(DetectorOnset(
            kind: .twitch, input: index, onsetSample: burst.onset, confirmedAtSample: now, twitch: twitch)))
        if twitchEpisode.isOpen, burst.onset - twitchEpisode.end > episodeGap {
            closeTwitchEpisode(truncated: false, into: &events)
        }
        if !twitchEpisode.isOpen { twitchEpisode.open(at: burst.onset, history: history) }
        twitchEpisode.add(twitch, burst: burst, frequency: burst.dominantFrequency(sampleRate: sampleRate))
    }

    /// 0.4 for a burst just at the onset threshold, rising with its margin above the floor
    /// (full at 4 × the onset ratio) and falling as it nears the voluntary threshold or
    /// leaves the typical twitch length (docs/DETECTOR.md, "Confidence").
    private func confidence(of burst: Burst) -> Double {
        let ratio = burst.rms / max(burst.floor, .leastNonzeroMagnitude)
        let margin = min(1, max(0, log(ratio / configuration.onsetRatio) / log(4)))
        let distinctness = min(1, max(0, 1 - burst.strength / voluntaryThreshold)).squareRoot()
        let seconds = Double(burst.length) / sampleRate
        let typical = (0.15...1.5).contains(seconds) ? 1.0 : 0.7
        return 0.4 + 0.6 * margin * distinctness * typical
    }

    // MARK: Episodes

    private func isTwitchEpisodeOver(now: Int) -> Bool {
        let horizon = twitchEpisode.end + episodeGap
        guard now > horizon else { return false }
        if let onset = pending.earliestOnset, onset <= horizon { return false }
        if let onset = segmenter.openOnset, onset <= horizon { return false }
        return true
    }

    private mutating func closeTwitchEpisode(truncated: Bool, into events: inout [DetectorEvent]) {
        counters.twitchEpisodes += 1
        events.append(.episode(twitchEpisode.close(
            input: index, of: input, decimation: history.decimation, truncated: truncated)))
    }

    // MARK: Tremor

    private mutating func observe(_ check: RhythmTracker.Check, at now: Int, into events: inout [DetectorEvent]) {
        // A window over bridged samples says nothing about a tremor, either way.
        let seen = !holdsBridgedSamples(since: now - tremorWindow)
        switch seen ? tremor.observe(check, at: now) : nil {
        case .began:
            tremor.start = tremorStart(now: now)
            tremorEpisode.open(at: tremor.start, history: history)
            events.append(.onset(DetectorOnset(
                kind: .tremor, input: index, onsetSample: tremor.start, confirmedAtSample: now, twitch: nil)))
        case .ended(let end):
            endTremor(at: end, truncated: false, into: &events)
        case nil:
            break
        }
        if seen, tremor.isActive, check.isTremorLike {
            tremorEpisode.addRhythm(frequency: check.frequency, correlation: check.correlation)
        }
        speechChecks = check.isSpeechLike ? speechChecks + 1 : 0
        let speechStart = now - (rhythm?.speechWindowSamples ?? 0)
        let chewingStart = now - (rhythm?.chewingWindowSamples ?? 0)
        if speechChecks >= configuration.speechConfirmations, !tremor.isActive, !input.isAccelerometer,
            !holdsBridgedSamples(since: speechStart), let span = activity(since: speechStart, now: now),
            isStrongRhythm(first: span.first, last: span.last) {
            markVoluntary(first: span.first, last: span.last, wholeStretch: span.bursts >= 2)
        }
        if check.isChewingLike, !input.isAccelerometer,
            !holdsBridgedSamples(since: chewingStart), let span = activity(since: chewingStart, now: now),
            isStrongRhythm(first: span.first, last: span.last) {
            markVoluntary(first: span.first, last: span.last)
        }
    }

    /// True when bad samples (lead-off, saturation, a flat run) or a long gap were
    /// bridged since `first`. The bridge repeats the last 0.1 s, a rhythm of its own, and
    /// the envelope of those samples is no evidence of speech, chewing or tremor: a 0.4 s
    /// gap inside a twitch made it "speech" and took the cluster's twitches a second
    /// either side with it, and every few seconds of lead-off under hum was a "tremor".
    private func holdsBridgedSamples(since first: Int) -> Bool {
        longGaps.overlapping(first, lastIndex, margin: 0) != nil || invalid.overlapping(first, lastIndex, margin: 0) != nil
    }

    /// True when the bursts of twitch length in `first...last` (the one under way
    /// included) reach `rhythmFraction` × the press RMS in median: a rhythm is speech or
    /// chewing only when its bursts are that strong. Twitches of a cluster can follow one
    /// another as regularly as syllables or bites, but they are one to three motor units
    /// (median 0.15 × press); chewing recruits the pool (median 0.55), speech a good part
    /// of it (0.33).
    private func isStrongRhythm(first: Int, last: Int) -> Bool {
        var strong = recentBursts.count(overlapping: first, last) { ($0 ?? 0) >= rhythmThreshold }
        var all = recentBursts.count(overlapping: first, last) { $0 != nil }
        if let strength = segmenter.openStrength {
            all += 1
            if strength >= rhythmThreshold { strong += 1 }
        }
        return all > 0 && 2 * strong >= all
    }

    /// The bursts within a rhythm window, from the first one's onset to the last one's end
    /// (now, if one is under way), and how many: the rhythm belongs to them, not to the
    /// quiet around them. Speech in a single burst marks only that burst, not its whole
    /// stretch: the beat of two units firing at nearby rates can make one twitch's envelope
    /// look rhythmic, and it should not take its cluster with it.
    private func activity(since windowStart: Int, now: Int) -> (first: Int, last: Int, bursts: Int)? {
        var first = recentBursts.earliestFirst(endingAfter: windowStart)
        var last = recentBursts.latestLast(startingBefore: now)
        var bursts = recentBursts.count(endingAfter: windowStart)
        if let open = segmenter.openOnset {
            first = min(first ?? open, open)
            last = now
            bursts += 1
        }
        guard let first, let last else { return nil }
        return (max(first, windowStart), last, bursts)
    }

    /// Where a tremor just recognized began: the earliest onset of the bursts in the window
    /// the rhythm was found in (the burst under way included), at most one window before
    /// it; the window's start if it held no burst.
    private func tremorStart(now: Int) -> Int {
        let windowStart = max(0, now - tremorWindow)
        var earliest = recentBursts.earliestFirst(endingAfter: windowStart)
        if let open = segmenter.openOnset { earliest = min(earliest ?? open, open) }
        guard let earliest else { return windowStart }
        return max(earliest, windowStart - tremorWindow)
    }

    private mutating func endTremor(at end: Int, truncated: Bool, into events: inout [DetectorEvent]) {
        tremors.append(first: tremor.start, last: end, reason: .tremor)
        counters.tremorEpisodes += 1
        events.append(.episode(tremorEpisode.close(
            input: index, of: input, decimation: history.decimation, end: end, truncated: truncated)))
    }
}
