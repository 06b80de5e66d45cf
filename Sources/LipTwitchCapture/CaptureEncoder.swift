import LipTwitchLink

/// Writes a capture's records (docs/CAPTURE.md): each with the time since the one before,
/// wait records across silences longer than one record's delta can span, reads longer
/// than a record can hold split in several.
///
/// ```swift
/// var encoder = CaptureEncoder(header: header)
/// var bytes = header.encoded
/// encoder.encode(.read(chunk), at: now, into: &bytes)
/// encoder.encodeEnd(at: now, into: &bytes)
/// ```
public struct CaptureEncoder: Sendable {
    /// The time of the last record written (the header's start at first).
    public private(set) var lastTime: HostTime

    public init(header: CaptureHeader) {
        lastTime = header.startMonotonic
    }

    /// Appends the record of `activity` at `time` (a time before the last one counts as
    /// the last one: records never go back).
    public mutating func encode(_ activity: PortActivity, at time: HostTime, into buffer: inout [UInt8]) {
        switch activity {
        case .opened(let path):
            append(.opened, payload: Array(path.utf8).prefix(CaptureFormat.maximumPayload), at: time, into: &buffer)
        case .read(let bytes):
            var rest = bytes[...]
            repeat {
                append(.read, payload: rest.prefix(CaptureFormat.maximumPayload), at: time, into: &buffer)
                rest = rest.dropFirst(CaptureFormat.maximumPayload)
            } while !rest.isEmpty
        case .hungUp(let reason):
            append(.hungUp, payload: Array(reason.utf8).prefix(CaptureFormat.maximumPayload), at: time, into: &buffer)
        case .closed:
            append(.closed, payload: [], at: time, into: &buffer)
        }
    }

    /// Appends a stop record: the host asked the link to stop.
    public mutating func encodeStop(at time: HostTime, into buffer: inout [UInt8]) {
        append(.stop, payload: [], at: time, into: &buffer)
    }

    /// Appends the end record: the capture is complete.
    public mutating func encodeEnd(at time: HostTime, into buffer: inout [UInt8]) {
        append(.end, payload: [], at: time, into: &buffer)
    }

    private mutating func append(
        _ kind: CaptureFormat.RecordKind, payload: ArraySlice<UInt8>, at time: HostTime, into buffer: inout [UInt8]
    ) {
        var delta = max(0, time.nanoseconds - lastTime.nanoseconds)
        while delta > CaptureFormat.maximumDeltaNanoseconds {
            appendHeader(.wait, length: 0, delta: UInt32.max, into: &buffer)
            delta -= CaptureFormat.maximumDeltaNanoseconds
        }
        appendHeader(kind, length: payload.count, delta: UInt32(delta), into: &buffer)
        buffer.append(contentsOf: payload)
        lastTime = max(lastTime, time)
    }

    private func appendHeader(
        _ kind: CaptureFormat.RecordKind, length: Int, delta: UInt32, into buffer: inout [UInt8]
    ) {
        buffer.append(kind.rawValue)
        buffer.append(0)
        buffer.appendLittleEndian(UInt16(length))
        buffer.appendLittleEndian(delta)
    }
}
