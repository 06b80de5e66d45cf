/// One sensor the detector watches, and where its values are in each frame: an EMG
/// channel (one column, µV) or an accelerometer (three columns, x y z, g; a missing axis
/// is nil and reads as zero).
public struct DetectorInput: Sendable, Hashable {
    /// What the sensor measures and which columns hold it.
    public enum Kind: Sendable, Hashable {
        case emg(column: Int)
        case accelerometer(x: Int?, y: Int?, z: Int?)
    }

    public var kind: Kind
    /// The name of the channel in the recording or the device (e.g. `emg`, `left`).
    public var label: String
    /// The placement label of PROTOCOL.md section 6.1, e.g. "upper-left".
    public var placement: String

    public init(kind: Kind, label: String, placement: String = "unspecified") {
        self.kind = kind
        self.label = label
        self.placement = placement
    }

    /// Whether this is an accelerometer (unit g) rather than EMG (unit µV).
    public var isAccelerometer: Bool {
        if case .accelerometer = kind { return true }
        return false
    }

    /// "uV" or "g".
    public var unit: String { isAccelerometer ? "g" : "uV" }

    /// The columns this input reads, in order (nil for a missing axis).
    var columns: [Int?] {
        switch kind {
        case .emg(let column): [column]
        case .accelerometer(let x, let y, let z): [x, y, z]
        }
    }
}
