/// The fixed facts of the capture file format (docs/CAPTURE.md): its magic, its version,
/// the sizes of the fixed parts, the record kinds and the header's field tags.
public enum CaptureFormat {
    /// The first 8 bytes of every capture: a byte above 0x7F, "LTC", CR LF, Ctrl-Z, LF (a
    /// file mangled by a text-mode transfer no longer matches).
    public static let magic: [UInt8] = [0x89, 0x4C, 0x54, 0x43, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The version this LipTwitch writes; it reads every minor version of this major.
    public static let major: UInt16 = 1
    /// 3 added the driver (tag 10); 2 added the line rates the link tried (tag 9), and captures from then on come from
    /// a link that finds the line rate and waits out a bootloader; 1 added the calibration
    /// profile (tag 8); 0 is the first.
    public static let minor: UInt16 = 3
    /// Magic, major, minor, fields length.
    static let fixedHeaderLength = 16
    /// Kind, reserved, payload length, time delta.
    static let recordHeaderLength = 8
    /// The most bytes one record carries; a longer read is split into several records.
    public static let maximumPayload = Int(UInt16.max)
    /// The longest time one record's delta spans (about 4.3 s); a longer silence is bridged
    /// by wait records.
    static let maximumDeltaNanoseconds = Int64(UInt32.max)
    /// The most bytes the header's fields may take (a damaged length is refused, not
    /// believed).
    static let maximumFieldsLength = 1 << 20

    /// What a record holds.
    enum RecordKind: UInt8 {
        /// Only time passes.
        case wait = 0
        /// A read returned the payload.
        case read = 1
        /// The port was opened; the payload is its path.
        case opened = 2
        /// The port hung up; the payload is the reason.
        case hungUp = 3
        case closed = 4
        /// The capture ended as planned.
        case end = 5
        /// The host asked the link to stop (it then tells the sensor to stop and closes
        /// the port, which the records after it show).
        case stop = 6
    }

    /// The header's fields: tag, then a value of the stated length.
    enum FieldTag: UInt16 {
        /// UTF-8: the program that wrote the capture, `liptwitch 0.1.0`.
        case tool = 1
        /// UTF-8: what the capture shows.
        case description = 2
        /// UTF-8: the port it was read from.
        case device = 3
        /// u32: the port's baud rate, when the link used one rate only.
        case baudRate = 4
        /// UTF-8, RFC 3339 with the local offset: the wall-clock time of the start.
        case started = 5
        /// i64: the host monotonic time of the start, ns.
        case monotonicStart = 6
        /// The sensor's IDENTITY payload (PROTOCOL.md section 6.1), when it was known.
        case identity = 7
        /// UTF-8: the calibration profile the live detector used, as the one line of JSON
        /// a profile file holds (docs/DETECTOR.md, "Calibration"); absent when it used none.
        case profile = 8
        /// u32 each: the line rates the link tried, in order (from format 1.2).
        case lineRates = 9
        /// UTF-8: the driver and its settings (`SensorDriver.recorded`), when it was not
        /// the LipTwitch protocol's (from format 1.3).
        case driver = 10
    }
}
