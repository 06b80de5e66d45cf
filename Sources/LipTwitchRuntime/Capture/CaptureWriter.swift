import LipTwitchCapture
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSystem
import Synchronization

/// Writes the capture of a running link (docs/CAPTURE.md): give it every output of the
/// `SensorLink` (it keeps what happened at the port, and the identity from the link's
/// `identified` event), then `finish` it. Works from the link's thread; `finish` from any thread once the link has
/// stopped.
///
/// The file (mode 0600: it is health data) is created when the port first opens, so a
/// sensor that never appears leaves no empty capture behind. The header waits for the
/// sensor's identity (held records and all), at most `identityWait` of capture time; the
/// file is flushed once a second of capture time, so a crash loses at most the last one.
public final class CaptureWriter: Sendable {
    private let state: Mutex<State>
    public static let identityWait: Duration = .seconds(2)

    /// What the writer has done, for the summary line.
    public struct Summary: Sendable, Equatable {
        public var reads = 0
        public var bytes = 0
        public var opens = 0
        public var hangUps = 0
        /// The capture's length: from its start to its end record.
        public var duration: Duration = .zero
        public var identity: DeviceIdentity?
    }

    private struct State: ~Copyable {
        let path: String
        var header: CaptureHeader
        var encoder: CaptureEncoder
        var output: BufferedOutput?
        /// Records encoded before the header could be written.
        var held: [UInt8] = []
        var headerWritten = false
        var lastFlush: HostTime
        var summary = Summary()
        var error: SystemError?
    }

    /// A capture to `path` that starts at `header`'s start (its identity is filled in when
    /// the sensor tells it).
    public init(path: String, header: CaptureHeader) {
        state = Mutex(
            State(
                path: path, header: header, encoder: CaptureEncoder(header: header),
                lastFlush: header.startMonotonic))
    }

    /// Takes an output of the link: what happened at the port is recorded, and the sensor's
    /// identity goes into the header.
    public func take(_ output: LinkOutput) {
        switch output {
        case .port(let activity, let at): record(activity, at: at)
        case .event(.identified(let identity), _): identified(identity)
        default: break
        }
    }

    private func record(_ activity: PortActivity, at time: HostTime) {
        state.withLock { state in
            guard state.error == nil else { return }
            switch activity {
            case .opened: state.summary.opens += 1
            case .read(let bytes):
                state.summary.reads += 1
                state.summary.bytes += bytes.count
            case .hungUp: state.summary.hangUps += 1
            case .closed: break
            }
            Self.write(&state) { encoder, buffer in encoder.encode(activity, at: time, into: &buffer) }
            if !state.headerWritten, time - state.header.startMonotonic >= Self.identityWait {
                Self.writeHeader(&state)
            }
            if time - state.lastFlush >= .seconds(1) {
                state.lastFlush = time
                Self.flush(&state)
            }
        }
    }

    /// The host is about to stop the link (call it before `SensorLink.stop()`).
    public func recordStop(at time: HostTime) {
        state.withLock { state in
            guard state.error == nil, state.output != nil else { return }
            Self.write(&state) { encoder, buffer in encoder.encodeStop(at: time, into: &buffer) }
        }
    }

    /// The sensor said who it is: the header carries it (when it is not written yet).
    private func identified(_ identity: DeviceIdentity) {
        state.withLock { state in
            state.summary.identity = state.summary.identity ?? identity
            guard !state.headerWritten else { return }
            state.header.identity = identity
            Self.writeHeader(&state)
        }
    }

    /// Writes the end record at `time` and flushes; returns what was captured (nothing
    /// when the port never opened: then there is no file). Throws the first write error.
    public func finish(at time: HostTime) throws(SystemError) -> Summary {
        try state.withLock { state throws(SystemError) in
            if state.output != nil {
                Self.write(&state) { encoder, buffer in encoder.encodeEnd(at: time, into: &buffer) }
                Self.writeHeader(&state)
                Self.flush(&state)
                state.summary.duration = state.encoder.lastTime - state.header.startMonotonic
            }
            if let error = state.error { throw error }
            return state.summary
        }
    }

    /// Encodes a record: into the held bytes before the header is out, else to the file
    /// (created at the first record).
    private static func write(_ state: inout State, _ body: (inout CaptureEncoder, inout [UInt8]) -> Void) {
        if state.output == nil {
            do {
                state.output = try BufferedOutput(path: state.path)
            } catch {
                state.error = error
                return
            }
        }
        if state.headerWritten {
            var bytes: [UInt8] = []
            body(&state.encoder, &bytes)
            perform(&state) { output throws(SystemError) in try output.write(bytes: bytes) }
        } else {
            body(&state.encoder, &state.held)
        }
    }

    private static func writeHeader(_ state: inout State) {
        guard !state.headerWritten, state.output != nil else { return }
        state.headerWritten = true
        let bytes = state.header.encoded + state.held
        state.held = []
        perform(&state) { output throws(SystemError) in try output.write(bytes: bytes) }
    }

    private static func flush(_ state: inout State) {
        perform(&state) { output throws(SystemError) in try output.flush() }
    }

    /// Runs a write; keeps the first error (and writes nothing more after it).
    private static func perform(_ state: inout State, _ body: (BufferedOutput) throws(SystemError) -> Void) {
        guard state.error == nil, let output = state.output else { return }
        do {
            try body(output)
        } catch {
            state.error = error
        }
    }
}
