/// Interference from the mains: a 50 or 60 Hz fundamental with its harmonics (odd ones
/// strongest, as from rectifiers and transformers), its strength swelling and fading
/// slowly as the wearer moves near cables. A varied recording scales the odd and the even
/// harmonics against the fundamental.
struct MainsHum {
    private var harmonics: [(oscillator: Oscillator, amplitude: Double)]
    private var swell: Oscillator

    /// Relative amplitude of harmonics 1 to 7.
    private static let harmonicShape = [1.0, 0.08, 0.35, 0.05, 0.18, 0.03, 0.08]

    init(frequencyHz: Double, amplitude: Double, oddHarmonicScale: Double, evenHarmonicScale: Double,
         sampleRate: Double, random: inout SignalRandom) {
        let nyquist = sampleRate / 2
        harmonics = Self.harmonicShape.enumerated().compactMap { index, relative in
            let frequency = frequencyHz * Double(index + 1)
            guard frequency < nyquist * 0.95 else { return nil }
            let oscillator = Oscillator(frequencyHz: frequency, sampleRate: sampleRate,
                                        phase: random.uniform(0...(2 * Double.pi)))
            let harmonic = index + 1
            let scale = harmonic == 1 ? 1 : harmonic.isMultiple(of: 2) ? evenHarmonicScale : oddHarmonicScale
            return (oscillator, amplitude * relative * scale * random.uniform(0.7...1.3))
        }
        swell = Oscillator(frequencyHz: random.uniform(0.02...0.1), sampleRate: sampleRate,
                           phase: random.uniform(0...(2 * Double.pi)))
    }

    mutating func next() -> Double {
        let gain = 1 + 0.35 * swell.next()
        var value = 0.0
        for index in harmonics.indices {
            value += harmonics[index].amplitude * harmonics[index].oscillator.next()
        }
        return gain * value
    }
}
