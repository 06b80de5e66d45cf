/// One column of a generated recording: what it measures, in which unit, and where the
/// sensor sits.
public struct SignalChannel: Sendable, Hashable {
    /// What a channel measures.
    public enum Quantity: Sendable, Hashable {
        /// Surface EMG in microvolts.
        case emgMicrovolts
        /// Acceleration along one axis, in g.
        case accelerationG(axis: Axis)
    }

    /// An accelerometer axis.
    public enum Axis: String, Sendable, Hashable, CaseIterable {
        case x, y, z
    }

    /// The channel's name without its unit: `emg` (or `emg_upper_left` and so on when a
    /// recording has several EMG channels), `ax`, `ay`, `az`.
    public var name: String
    public var quantity: Quantity
    /// The placement label of PROTOCOL.md section 6.1, e.g. "upper-left".
    public var placement: String

    public init(name: String, quantity: Quantity, placement: String) {
        self.name = name
        self.quantity = quantity
        self.placement = placement
    }

    /// The CSV column name: the name and the unit, e.g. `emg_uv` or `ax_g`.
    public var columnName: String {
        switch quantity {
        case .emgMicrovolts: name + "_uv"
        case .accelerationG: name + "_g"
        }
    }

    /// The unit as written in JSON: "uV" or "g".
    public var unit: String {
        switch quantity {
        case .emgMicrovolts: "uV"
        case .accelerationG: "g"
        }
    }
}
