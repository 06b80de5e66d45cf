/// What a sensor measures (IDENTITY `sensor_kind`), and so the unit of its samples.
public enum SensorKind: UInt8, Sendable, CaseIterable {
    /// Surface electromyography, in microvolts.
    case emg = 1
    /// Acceleration, in g.
    case accelerometer = 2

    /// The physical unit of a sample times its channel's scale: "uV" or "g".
    public var unit: String {
        switch self {
        case .emg: "uV"
        case .accelerometer: "g"
        }
    }

    /// "emg" or "accelerometer".
    public var label: String {
        switch self {
        case .emg: "emg"
        case .accelerometer: "accelerometer"
        }
    }
}
