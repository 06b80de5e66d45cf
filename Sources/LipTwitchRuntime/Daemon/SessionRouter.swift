import LipTwitchJournal
import LipTwitchLink
import LipTwitchLive
import Logging

/// Sends a sensor's pipeline records where they belong: to the journal (device,
/// gap, episode, status when it changed, counters at the end), to the live stream
/// (everything, the journal's records as the very lines the journal got), and to the log
/// (the link's changes). Keeps, for clients that connect later, the sensor's last device
/// and link lines.
final class SessionRouter: Sendable {
    private let session: Int
    private let location: SensorLocation
    private let detector: EpisodeRecord.Detector
    private let outlets: DaemonOutlets
    private let state: Locked<State>

    private struct State: Sendable {
        /// The sensor's serial number, once it said it.
        var serial: String?
        var lastStatus: DeviceRecord?
        var deviceLine: LiveLine?
        var linkLine: LiveLine?
        /// The pipeline is being finished: its last counters go to the journal too.
        var finishing = false

        /// What a client connecting now must be told of the sensor.
        var snapshot: [LiveLine] {
            [deviceLine, linkLine].compactMap { $0 }
        }
    }

    init(session: Int, location: SensorLocation, detector: EpisodeRecord.Detector, outlets: DaemonOutlets) {
        self.session = session
        self.location = location
        self.detector = detector
        self.outlets = outlets
        state = Locked(State(serial: location.serialNumber))
    }

    /// The sensor's name in records: its serial number, or its port until it said it.
    var sensor: String {
        state.withLock { $0.serial } ?? location.devicePath
    }

    func finishing() {
        state.withLock { $0.finishing = true }
    }

    /// The sensor is gone from the daemon: newcomers no longer hear of it.
    func forget() {
        outlets.live.setSnapshot(nil, session: session)
    }

    /// Journals and publishes what the pipeline made of its input at host time `time`;
    /// journal records are written at that moment on the session's anchor, as a replay of
    /// its capture writes them.
    func take(_ records: [PipelineRecord], at time: HostTime) {
        state.withLock { state in
            for record in records {
                if case .link(.identified(let identity), _) = record { state.serial = identity.serialNumber }
                if case .streamStarted(let start) = record { state.serial = start.identity.serialNumber }
                let sensor = state.serial ?? location.devicePath
                if case .link(let event, _) = record { outlets.logger.info("\(sensor): \(event.sentence)") }
                if let body = journalBody(of: record, sensor: sensor, state: &state) {
                    let encoded = EncodedRecord(outlets.journal.stamp(body, at: outlets.anchor.localTime(at: time)))
                    outlets.journal.submit(encoded)
                    let line = LiveLine(Self.liveClass(of: body), sensor: sensor, text: encoded.line)
                    if case .device(let device) = body, device.event == .connected || device.event == .disconnected {
                        state.deviceLine = line
                        outlets.live.publish(line, snapshot: state.snapshot, session: session)
                    } else {
                        outlets.live.publish(line)
                    }
                } else if let liveClass = Self.liveClass(of: record) {
                    var object = record.json(anchor: outlets.anchor)
                    if liveClass != .onset, liveClass != .candidate { object.add("sensor", sensor) }
                    let line = LiveLine(liveClass, sensor: sensor, text: object.serialized)
                    if liveClass == .link {
                        state.linkLine = line
                        outlets.live.publish(line, snapshot: state.snapshot, session: session)
                    } else {
                        outlets.live.publish(line)
                    }
                }
            }
        }
    }

    /// The journal's record of `record`, if it gets one: status only when it changed,
    /// counters only at the finish (the live stream has them all).
    private func journalBody(of record: PipelineRecord, sensor: String, state: inout State) -> RecordBody? {
        guard
            let body = record.journalBody(
                anchor: outlets.anchor, sensor: sensor, devicePath: location.devicePath, detector: detector)
        else { return nil }
        switch (record, body) {
        case (.status, .device(let status)):
            guard status != state.lastStatus else { return nil }
            state.lastStatus = status
            return body
        case (.counters, _):
            return state.finishing ? body : nil
        default:
            return body
        }
    }

    private static func liveClass(of body: RecordBody) -> LiveClass {
        switch body {
        case .gap: .gap
        case .episode: .episode
        default: .device
        }
    }

    /// The live stream's class of the records the journal does not keep (a daemon never
    /// calibrates, nor asks for the samples).
    private static func liveClass(of record: PipelineRecord) -> LiveClass? {
        switch record {
        case .link: .link
        case .level: .level
        case .marker: .marker
        case .onset: .onset
        case .candidate: .candidate
        case .counters: .counters
        case .streamStarted, .streamEnded, .gap, .status, .episode, .calibration, .samples: nil
        }
    }
}
