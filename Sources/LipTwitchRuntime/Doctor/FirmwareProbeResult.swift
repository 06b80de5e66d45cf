import LipTwitchProtocol

/// What a sensor answered when `liptwitch doctor` shook hands with it.
public enum FirmwareProbeResult: Sendable, Equatable {
    /// It identified itself in a protocol this LipTwitch speaks.
    case compatible(DeviceIdentity)
    /// It cannot be used by this LipTwitch (a newer protocol major, ...): the sentence says why.
    case incompatible(String)
    /// The port could not be opened, or the sensor did not answer: the sentence says why.
    case failed(String)
    /// Not asked (`--no-handshake`, or the port is held or not accessible): why.
    case skipped(String)
}
