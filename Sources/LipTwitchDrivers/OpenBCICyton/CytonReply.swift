/// What a Cyton (or its dongle) answered to a command, as text ending in `$$$` (OpenBCI's
/// end-of-transmission marker): the reset banner, the channel defaults restored, a channel
/// set, or a failure (the dongle says so when the board is off or on another radio
/// channel: "Failure: Communications timeout - Device failed to poll Host").
public enum CytonReply: Sendable, Equatable {
    /// The banner of a soft reset (`v`): "OpenBCI V3 8-16 channel", the ADS1299 and LIS3DH
    /// device ids, the firmware version (v2 and later), a Daisy module when there is one.
    case banner(firmware: String?, daisy: Bool)
    /// `d` was applied: "updating channel settings to default".
    case defaultsRestored
    /// An `x...X` channel setting was applied: "Success: Channel set for N".
    case channelSet(Int)
    /// The dongle or the board refused: the text after "Failure:".
    case failure(String)
    /// Any other text (a register dump, "Time stamp ON", ...).
    case other(String)

    /// Reads a reply's text (without its `$$$`).
    public init(text: String) {
        let trimmed = text.trimmingWhitespace
        if trimmed.hasPrefix("Failure:") {
            self = .failure(String(trimmed.dropFirst("Failure:".count)).trimmingWhitespace)
        } else if trimmed.hasPrefix("OpenBCI") {
            let lines = trimmed.split(whereSeparator: \.isNewline)
            let firmware = lines.first { $0.hasPrefix("Firmware:") }
                .map { String($0.dropFirst("Firmware:".count)).trimmingWhitespace }
            self = .banner(firmware: firmware, daisy: lines.contains { $0.hasPrefix("On Daisy") })
        } else if trimmed.hasPrefix("updating channel settings to default") {
            self = .defaultsRestored
        } else if trimmed.hasPrefix("Success: Channel set for "),
            let channel = Int(trimmed.dropFirst("Success: Channel set for ".count))
        {
            self = .channelSet(channel)
        } else {
            self = .other(trimmed)
        }
    }
}
