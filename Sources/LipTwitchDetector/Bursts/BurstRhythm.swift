/// Recognizes chewing from the bursts themselves: the onsets of the last
/// `chewingBursts` bursts (twitch-length or longer) follow one another at the rate of
/// `chewingBand` (0.8 to 2.5 Hz: every 0.4 to 1.25 s), with intervals that vary by less
/// than `chewingVariation` (coefficient of variation). Twitches in a cluster come at
/// irregular intervals; jaws do not.
struct BurstRhythm: Sendable {
    private var onsets: HistoryRing<Int>
    private let count: Int
    private let shortest: Int
    private let longest: Int
    private let variation: Double

    init(configuration: DetectorConfiguration, sampleRate: Double) {
        count = max(3, configuration.chewingBursts)
        onsets = HistoryRing(minimumCapacity: count, initial: 0)
        shortest = Int(sampleRate / configuration.chewingBand.upperBound)
        longest = Int(sampleRate / configuration.chewingBand.lowerBound)
        variation = configuration.chewingVariation
    }

    /// Adds a burst's onset; returns the first onset of the rhythmic run it completes.
    mutating func add(onset: Int) -> Int? {
        onsets.append(onset)
        guard onsets.count >= count else { return nil }
        var sum = 0.0
        var squares = 0.0
        for age in 0..<(count - 1) {
            let interval = onsets[age: age] - onsets[age: age + 1]
            guard (shortest...longest).contains(interval) else { return nil }
            sum += Double(interval)
            squares += Double(interval) * Double(interval)
        }
        let mean = sum / Double(count - 1)
        let deviation = max(0, squares / Double(count - 1) - mean * mean).squareRoot()
        return deviation / mean < variation ? onsets[age: count - 1] : nil
    }
}
