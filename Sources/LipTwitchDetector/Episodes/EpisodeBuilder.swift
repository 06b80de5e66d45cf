/// An episode under way: what it has gathered so far, and its envelope sketch, which it
/// keeps feeding from the decimated envelope. Its storage is reserved when it is made and
/// reused for every episode.
struct EpisodeBuilder: Sendable {
    let kind: Episode.Kind
    private(set) var isOpen = false
    private(set) var start = 0
    private(set) var end = 0
    private var count = 0
    private var energy = 0.0
    private var samples = 0
    private var peak = 0.0
    private var frequencyWeight = 0.0
    private var frequencySum = 0.0
    private var confidenceSum = 0.0
    private var confidenceCount = 0
    private var twitches: [Twitch]
    private let maximumListed: Int
    /// Twitches at most this many samples apart (end to onset) form a cluster.
    private let clusterGap: Int
    /// The run of twitches under way (a cluster once it holds two), the clusters closed so
    /// far and the largest of them.
    private var run = Episode.Cluster(twitchCount: 0, startSample: 0, endSample: 0)
    private var clusterCount = 0
    private var largestCluster: Episode.Cluster?
    private var sketch: EnvelopeSketch
    private var nextSketchIndex = 0

    init(kind: Episode.Kind, configuration: DetectorConfiguration, sampleRate: Double) {
        self.kind = kind
        maximumListed = configuration.maximumListedTwitches
        clusterGap = Int((configuration.clusterGapSeconds * sampleRate).rounded())
        twitches = []
        twitches.reserveCapacity(maximumListed)
        sketch = EnvelopeSketch(maximumPoints: configuration.envelopePoints)
    }

    /// Values of storage held (for the constant-memory check).
    var footprint: Int { twitches.capacity + sketch.footprint }

    /// Opens an episode at `start` and draws its envelope from there on.
    mutating func open(at start: Int, history: DecimatedEnvelope) {
        isOpen = true
        self.start = start
        end = start
        count = 0
        energy = 0
        samples = 0
        peak = 0
        frequencyWeight = 0
        frequencySum = 0
        confidenceSum = 0
        confidenceCount = 0
        run = Episode.Cluster(twitchCount: 0, startSample: 0, endSample: 0)
        clusterCount = 0
        largestCluster = nil
        twitches.removeAll(keepingCapacity: true)
        sketch.reset()
        nextSketchIndex = max(history.oldestIndex, start / history.decimation)
        catchUp(history)
    }

    /// Feeds the sketch with the decimated values it has not seen yet.
    mutating func catchUp(_ history: DecimatedEnvelope) {
        guard isOpen else { return }
        while nextSketchIndex <= history.newestIndex {
            sketch.add(history[nextSketchIndex])
            nextSketchIndex += 1
        }
    }

    /// Adds a twitch.
    mutating func add(_ twitch: Twitch, burst: Burst, frequency: Double) {
        count += 1
        end = max(end, twitch.endSample)
        energy += burst.energy
        samples += burst.samples
        peak = max(peak, burst.peakValue)
        frequencySum += frequency * burst.energy
        frequencyWeight += burst.energy
        confidenceSum += twitch.confidence
        confidenceCount += 1
        if twitches.count < maximumListed { twitches.append(twitch) }
        if run.twitchCount > 0, twitch.onsetSample - run.endSample <= clusterGap {
            run.twitchCount += 1
            run.endSample = max(run.endSample, twitch.endSample)
        } else {
            closeRun()
            run = Episode.Cluster(twitchCount: 1, startSample: twitch.onsetSample, endSample: twitch.endSample)
        }
    }

    /// Counts the run under way if it is a cluster.
    private mutating func closeRun() {
        guard run.twitchCount >= 2 else { return }
        clusterCount += 1
        if run.twitchCount > largestCluster?.twitchCount ?? 0 { largestCluster = run }
    }

    /// Adds one sample of a tremor's filtered signal.
    @inline(__always)
    mutating func addTremorSample(energy sampleEnergy: Double, peak samplePeak: Double, index: Int) {
        energy += sampleEnergy
        samples += 1
        peak = max(peak, samplePeak)
        end = index
    }

    /// Adds one rhythm check to a tremor.
    mutating func addRhythm(frequency: Double, correlation: Double) {
        frequencySum += frequency
        frequencyWeight += 1
        confidenceSum += correlation
        confidenceCount += 1
    }

    /// Closes the episode, ending at `end` (default: where its last twitch ended).
    mutating func close(input: Int, of description: DetectorInput, decimation: Int, end closingEnd: Int? = nil,
                        truncated: Bool) -> Episode {
        isOpen = false
        closeRun()
        run.twitchCount = 0
        let last = closingEnd ?? end
        let decimatedCount = max(1, last / decimation - start / decimation + 1)
        let (values, stride) = sketch.finished(count: decimatedCount)
        return Episode(
            kind: kind, input: input, label: description.label, placement: description.placement,
            unit: description.unit, startSample: start, endSample: last, twitchCount: count,
            twitches: Array(twitches), clusterCount: clusterCount, largestCluster: largestCluster, peak: peak,
            rms: samples > 0 ? (energy / Double(samples)).squareRoot() : 0,
            dominantFrequencyHz: frequencyWeight > 0 ? frequencySum / frequencyWeight : 0,
            confidence: confidenceCount > 0 ? min(1, max(0, confidenceSum / Double(confidenceCount))) : 0,
            envelope: values, envelopeStepSamples: stride * decimation, isTruncated: truncated)
    }
}
