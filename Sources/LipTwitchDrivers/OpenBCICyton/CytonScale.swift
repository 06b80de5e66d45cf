/// The Cyton's counts in physical units, as OpenBCI documents them: the ADS1299's
/// reference is 4.5 V over 2^23 - 1 counts, divided by the channel's programmable gain (24
/// after a reset or `d`); the LIS3DH accelerometer gives 0.002 g per count of its 16-bit
/// values shifted by 4 bits.
public enum CytonScale {
    /// The ADS1299's reference voltage.
    public static let referenceVolts = 4.5
    /// The gain every channel has after a reset and after `d`.
    public static let defaultGain = 24
    /// The gains the ADS1299 can be set to (`x` command, digits 0 to 6).
    public static let gains = [1, 2, 4, 6, 8, 12, 24]

    /// Microvolts per count of a channel at `gain`.
    public static func microvoltsPerCount(gain: Int) -> Double {
        referenceVolts / Double(gain) / Double((1 << 23) - 1) * 1e6
    }

    /// g per count of the accelerometer.
    public static let gPerAccelerometerCount = 0.002 / 16
}
