import LipTwitchLink

/// The signal level of every channel over consecutive intervals of samples: sums the
/// values and their squares, and at each interval's last sample hands out the RMS around
/// the interval's mean (so an accelerometer's gravity or an electrode's offset reads as 0).
struct LevelMeter: Sendable {
    let samplesPerLevel: Int
    let unit: String
    private var sums: [Double]
    private var squares: [Double]
    private var count = 0

    init(channelCount: Int, sampleRateHz: Int, interval: Duration, unit: String) {
        samplesPerLevel = max(1, Int((Double(sampleRateHz) * interval.seconds).rounded()))
        self.unit = unit
        sums = Array(repeating: 0, count: channelCount)
        squares = Array(repeating: 0, count: channelCount)
    }

    /// Takes one sample of every channel (physical units), which ends at host time `end`;
    /// returns the level when it completes an interval.
    mutating func add(_ values: some Collection<Float>, endingAt end: HostTime) -> SignalLevel? {
        for (channel, value) in zip(sums.indices, values) {
            let value = Double(value)
            sums[channel] += value
            squares[channel] += value * value
        }
        count += 1
        guard count == samplesPerLevel else { return nil }
        let samples = Double(count)
        let rms = sums.indices.map { channel in
            let mean = sums[channel] / samples
            return Float(max(0, squares[channel] / samples - mean * mean).squareRoot())
        }
        for channel in sums.indices {
            sums[channel] = 0
            squares[channel] = 0
        }
        count = 0
        return SignalLevel(at: end, rms: rms, unit: unit)
    }
}
