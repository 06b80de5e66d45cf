import LipTwitchLink

/// How strong the signal of every channel was over one interval (100 ms by default): the
/// root mean square of the values around their mean, in the channel's unit (µV for EMG, g
/// for an accelerometer), for a level meter.
public struct SignalLevel: Sendable, Equatable {
    /// Host time just after the interval's last sample.
    public var at: HostTime
    /// One value per channel, in the order of the sensor's channels.
    public var rms: [Float]
    /// `uV` or `g`.
    public var unit: String

    public init(at: HostTime, rms: [Float], unit: String) {
        self.at = at
        self.rms = rms
        self.unit = unit
    }
}
