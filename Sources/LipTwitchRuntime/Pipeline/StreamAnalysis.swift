/// What a `SensorPipeline` does with the samples of each stream.
public enum StreamAnalysis: Sendable, Equatable {
    /// Watch for twitches and episodes (the daemon, replay).
    case detect
    /// Calibrate the wearer (`liptwitch calibrate` from a sensor or a capture): the first
    /// `restSeconds` of the stream are rest, then deliberate presses (`Calibrator`).
    case calibrate(restSeconds: Double)
}
