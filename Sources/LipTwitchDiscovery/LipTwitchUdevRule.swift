/// What the project's udev rule (`udev/70-liptwitch.rules`) sets on a LipTwitch sensor,
/// and so what discovery looks for. The rule and this type change together.
public enum LipTwitchUdevRule {
    /// The property the rule sets to `1` on the sensor's tty.
    public static let property = "LIPTWITCH_SENSOR"
    /// The tag the rule adds to the sensor's tty.
    public static let tag = "liptwitch"
    /// Where the rule's stable symlinks live: `/dev/liptwitch/<serial>`.
    public static let linkDirectory = "/dev/liptwitch/"
    /// Where udev's own persistent links by USB identity live.
    public static let byIDDirectory = "/dev/serial/by-id/"
}
