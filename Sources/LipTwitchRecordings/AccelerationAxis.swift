/// One axis of an accelerometer.
public enum AccelerationAxis: String, Sendable {
    case x, y, z
}
