extension DetectorConfiguration {
    /// The band the EMG chain passes at `sampleRate` Hz: `emgHighPassHz` to `emgLowPassHz`,
    /// the top held below 0.45 × the rate (112.5 Hz for an OpenBCI Cyton's 250 Hz). The
    /// recording line of `liptwitch analyze` states it, so a result says what it saw.
    public func emgPassBand(sampleRate: Double) -> ClosedRange<Double> {
        emgHighPassHz...min(emgLowPassHz, 0.45 * sampleRate)
    }
}
