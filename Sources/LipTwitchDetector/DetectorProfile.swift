/// What calibration learned about the wearer, per channel: the rest floor and how strong
/// a deliberate lip press is. The detector starts its noise floor at the rest floor and
/// calls a burst voluntary when it approaches press strength.
///
/// Written by `liptwitch calibrate` as JSON (docs/DETECTOR.md, "Calibration").
public struct DetectorProfile: Sendable, Hashable, Codable {
    /// One channel's calibration.
    public struct Channel: Sendable, Hashable, Codable {
        public var label: String
        public var placement: String
        /// "uV" or "g".
        public var unit: String
        /// RMS of the filtered signal at rest (the noise floor), in the unit.
        public var restFloor: Double
        /// Median RMS of the deliberate presses, in the unit.
        public var pressRMS: Double
        /// How many presses were found.
        public var pressCount: Int

        public init(label: String, placement: String, unit: String, restFloor: Double, pressRMS: Double,
                    pressCount: Int) {
            self.label = label
            self.placement = placement
            self.unit = unit
            self.restFloor = restFloor
            self.pressRMS = pressRMS
            self.pressCount = pressCount
        }
    }

    public var channels: [Channel]

    public init(channels: [Channel]) {
        self.channels = channels
    }

    /// The calibration for `input`: the channel with the same label, else the one at the
    /// same position when there are as many channels as inputs and units agree.
    public func channel(for input: DetectorInput, at position: Int, of inputCount: Int) -> Channel? {
        if let match = channels.first(where: { $0.label == input.label && $0.unit == input.unit }) { return match }
        if channels.count == inputCount, channels[position].unit == input.unit { return channels[position] }
        return nil
    }
}
