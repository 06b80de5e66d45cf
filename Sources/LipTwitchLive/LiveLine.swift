import JSONLines

/// One line of the live stream, ready to send: its class and sensor (for the clients'
/// filters) and its bytes, newline included. Made once, sent to every client that wants it.
public struct LiveLine: Sendable {
    public let liveClass: LiveClass
    /// The sensor's serial number (or, before the sensor said it, its port); nil for the
    /// daemon's own lines.
    public let sensor: String?
    public let bytes: [UInt8]

    /// `text` is one JSON object without a newline.
    public init(_ liveClass: LiveClass, sensor: String?, text: String) {
        self.liveClass = liveClass
        self.sensor = sensor
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        self.bytes = bytes
    }

    /// The version of the stream's protocol (docs/LIVE.md): the major changes when a
    /// client written for the old one would misread the new.
    public static let protocolVersion = "1.0"

    /// The first line every client gets: `{"class":"version","protocol":"1.0",...}`.
    public static func version(daemon: String, session: String, pid: Int32) -> LiveLine {
        var object = JSONObject(class: LiveClass.version.rawValue)
        object.add("protocol", protocolVersion)
        object.add("daemon", daemon)
        object.add("session", session)
        object.add("pid", pid)
        return LiveLine(.version, sensor: nil, text: object.serialized)
    }

    /// Why the daemon could not do what the client asked.
    public static func error(_ message: String) -> LiveLine {
        var object = JSONObject(class: LiveClass.error.rawValue)
        object.add("message", message)
        return LiveLine(.error, sensor: nil, text: object.serialized)
    }
}
