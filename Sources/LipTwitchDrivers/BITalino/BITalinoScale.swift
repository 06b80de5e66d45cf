/// A BITalino's counts in physical units, from PLUX's EMG sensor data sheet: the 10-bit
/// ADC spans the 3.3 V supply, the signal sits at half scale, and the sensor's gain is
/// 1009, so EMG(V) = (ADC / 2¹⁰ − 1/2) × 3.3 V / 1009, about ±1.64 mV.
public enum BITalinoScale {
    /// The supply the ADC spans, V.
    public static let supplyVolts = 3.3
    /// The EMG sensor's gain.
    public static let emgGain = 1009.0
    /// Codes of the 10-bit ADC.
    public static let codes = 1024
    /// The code of 0 V at the electrodes (half scale).
    public static let emgZeroCode = 512

    /// Microvolts per ADC code of the EMG sensor (about 3.194).
    public static var microvoltsPerEMGCode: Double { supplyVolts / emgGain / Double(codes) * 1e6 }
}
