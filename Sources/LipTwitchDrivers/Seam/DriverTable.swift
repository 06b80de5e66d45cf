import LipTwitchProtocol

/// One driver as the link uses it, after chrony's `refclock_*.c` and gpsd's `drivers/`:
/// a small table of what the link needs of a family of boards. The link speaks the
/// LipTwitch protocol's commands and messages; the table translates them to the board's
/// wire and back.
public protocol DriverTable: Sendable {
    /// The board's habits the state machine follows.
    var traits: DriverTraits { get }
    /// A decoder for a new connection to the board.
    func makeDecoder() -> any DeviceDecoding
    /// Appends the bytes that send `command`, numbered `sequence` where the board numbers
    /// commands; nothing when the board has no such command.
    func encode(_ command: HostCommand, sequence: UInt16, into bytes: inout [UInt8])
}
