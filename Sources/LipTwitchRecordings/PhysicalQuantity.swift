/// What a channel measures, and so the unit its values are delivered in: EMG always in
/// microvolts, acceleration always in g (standard gravity), whatever unit the file used.
public enum PhysicalQuantity: Sendable, Equatable {
    /// Surface EMG, in µV.
    case emgMicrovolts
    /// Acceleration along one axis, in g.
    case acceleration(axis: AccelerationAxis)

    /// One g in m/s² (standard gravity), for files that give acceleration in m/s².
    public static let standardGravity = 9.806_65
}
