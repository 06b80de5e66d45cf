/// One burst of activity on one input, from the envelope crossing the floor to its fall:
/// where it is, and the measurements its class is decided from.
struct Burst: Sendable {
    /// First and last sample (indices from the start of the stream), inclusive.
    var onset: Int
    var end: Int
    /// Sum of the filtered signal's energy and the number of samples summed; samples lost
    /// in gaps are not summed, only counted.
    var energy = 0.0
    var samples = 0
    /// The same sum of `BurstSegmenter.Sample.strengthEnergy`: the energy in the unit of
    /// the press.
    var strengthEnergy = 0.0
    var lostSamples = 0
    /// Energy within the first `popWindowSeconds` of the burst.
    var openingEnergy = 0.0
    var peakEnvelope = 0.0
    /// Largest absolute filtered value, in the unit (µV or g).
    var peakValue = 0.0
    /// Largest absolute value of the slow band (EMG), µV.
    var peakSlow = 0.0
    /// Zero crossings and energy of each component (EMG uses the first), for the
    /// dominant frequency.
    var crossings = SIMD3<Int>.zero
    var componentEnergy = SIMD3<Double>.zero
    /// The floor when it started.
    var floor: Double
    /// What was wrong with samples during it (lost samples aside).
    var quality = SampleQuality.good
    var touchedFlatline = false
    var touchedMotion = false
    /// A twitch candidate the detector announced (`DetectorEvent.candidate`): its
    /// dismissal is announced too.
    var isAnnounced = false

    var length: Int { end - onset + 1 }

    /// RMS of the filtered signal over the burst, in the unit.
    var rms: Double { samples > 0 ? (energy / Double(samples)).squareRoot() : 0 }

    /// RMS in the unit of the press, which the strength rules compare with it
    /// (`DetectorConfiguration.humSearchSeconds`).
    var strength: Double { samples > 0 ? (strengthEnergy / Double(samples)).squareRoot() : 0 }

    /// The frequency of the strongest component, from its zero crossings, Hz.
    func dominantFrequency(sampleRate: Double) -> Double {
        var strongest = 0
        for axis in 1..<3 where componentEnergy[axis] > componentEnergy[strongest] { strongest = axis }
        return Double(crossings[strongest]) / 2 / (Double(max(1, samples)) / sampleRate)
    }

    /// True when the samples it spans overlap `first...last` widened by `margin` on each side.
    func overlaps(_ first: Int, _ last: Int, margin: Int) -> Bool {
        onset <= last + margin && end >= first - margin
    }
}
