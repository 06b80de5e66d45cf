/// One analysable channel of a recording: its name in the file and what it measures.
public struct RecordingChannel: Sendable, Equatable {
    /// The name the file gives it: a CSV column without its unit suffix (`emg` for
    /// `emg_uv`), or an EDF signal label with its padding removed.
    public var label: String
    /// What it measures, which fixes the unit of its values.
    public var quantity: PhysicalQuantity

    public init(label: String, quantity: PhysicalQuantity) {
        self.label = label
        self.quantity = quantity
    }
}
