import LipTwitchJournal
import LipTwitchLink
import LipTwitchLive
import LipTwitchSystem
import Logging

/// One sensor in the daemon: its link (a thread of its own, `SensorLink`), the pipeline
/// the link's reads and events go through (`SensorPipeline`, the very code a replay
/// runs), and what becomes of the pipeline's records: journal records (device, gap,
/// status changes, counters at the end), live lines (all of them), log lines (the link's
/// changes). Everything but `stop()` runs on the link's thread.
final class SensorSession: Sendable {
    let id: Int
    let location: SensorLocation
    private let link: SensorLink
    private let state: Locked<State>
    private let outlets: DaemonOutlets

    private struct State: Sendable {
        var pipeline: SensorPipeline
        var records: [PipelineRecord] = []
        var lastStatus: DeviceRecord?
        /// What a client connecting now must see: the last device and link lines.
        var deviceLine: LiveLine?
        var linkLine: LiveLine?
    }

    init(id: Int, location: SensorLocation, pipeline: PipelineConfiguration, outlets: DaemonOutlets) throws {
        let state = Locked(State(pipeline: SensorPipeline(configuration: pipeline)))
        self.id = id
        self.location = location
        self.state = state
        self.outlets = outlets
        let route = Router(id: id, location: location, outlets: outlets)
        link = try SensorLink(
            tap: { activity, time in
                state.withLock { state in
                    state.pipeline.handle(activity, at: time, into: &state.records)
                    route.take(&state, journalCounters: false)
                }
            },
            consumer: { output in
                guard case .event(let event, let time) = output else { return }
                state.withLock { state in
                    state.pipeline.handle(event, at: time, into: &state.records)
                    route.take(&state, journalCounters: false)
                }
            })
        link.deliver(.appeared(location))
    }

    /// `LT-0001 streaming`: who and how it is now.
    var summary: String {
        let name = state.withLock { $0.pipeline.identity?.serialNumber } ?? location.serialNumber ?? location.devicePath
        return "\(name) \(link.statistics.phase.rawValue)"
    }

    /// What discovery says about the sensor.
    func deliver(_ event: DeviceEvent) {
        link.deliver(event)
    }

    /// Tells the sensor to stop, closes the port, ends the pipeline (an open episode is
    /// closed as truncated) and reports the last counters; returns once the link's thread
    /// has ended.
    func stop() {
        link.stop()
        let route = Router(id: id, location: location, outlets: outlets)
        state.withLock { state in
            state.pipeline.finish(at: HostTime(nanoseconds: MonotonicClock.nanoseconds()), into: &state.records)
            route.take(&state, journalCounters: true)
        }
        outlets.live.setSnapshot(nil, session: id)
    }

    /// Sends the pipeline's records where they belong.
    private struct Router: Sendable {
        let id: Int
        let location: SensorLocation
        let outlets: DaemonOutlets

        func take(_ state: inout State, journalCounters: Bool) {
            guard !state.records.isEmpty else { return }
            let records = state.records
            state.records.removeAll(keepingCapacity: true)
            let sensor = state.pipeline.identity?.serialNumber ?? location.serialNumber ?? location.devicePath
            var snapshotChanged = false
            for record in records {
                if case .link(let event, _) = record {
                    outlets.logger.info("\(sensor): \(event.sentence)")
                }
                if let body = journalBody(of: record, sensor: sensor, state: &state, journalCounters: journalCounters) {
                    let stamped = outlets.journal.stamp(body)
                    outlets.journal.submit(stamped)
                    let line = LiveLine(liveClass(of: body), sensor: sensor, text: stamped.jsonLine)
                    outlets.live.publish(line)
                    if case .device(let device) = body, device.event == .connected || device.event == .disconnected {
                        state.deviceLine = line
                        snapshotChanged = true
                    }
                } else if let liveClass = liveClass(of: record) {
                    var object = record.json(anchor: outlets.anchor)
                    object.add("sensor", sensor)
                    let line = LiveLine(liveClass, sensor: sensor, text: object.serialized)
                    outlets.live.publish(line)
                    if liveClass == .link {
                        state.linkLine = line
                        snapshotChanged = true
                    }
                }
            }
            if snapshotChanged {
                outlets.live.setSnapshot([state.deviceLine, state.linkLine].compactMap { $0 }, session: id)
            }
        }

        /// The journal's record of `record`, if it gets one: status only when it changed,
        /// counters only at a stream's end and at the finish (the live stream has them all).
        private func journalBody(
            of record: PipelineRecord, sensor: String, state: inout State, journalCounters: Bool
        ) -> RecordBody? {
            guard
                let body = record.journalBody(anchor: outlets.anchor, sensor: sensor, devicePath: location.devicePath)
            else { return nil }
            switch (record, body) {
            case (.status, .device(let status)):
                guard status != state.lastStatus else { return nil }
                state.lastStatus = status
                return body
            case (.counters, _):
                return journalCounters ? body : nil
            default:
                return body
            }
        }

        private func liveClass(of body: RecordBody) -> LiveClass {
            switch body {
            case .gap: .gap
            case .episode: .episode
            default: .device
            }
        }

        /// The live stream's class for the records that are not journal records.
        private func liveClass(of record: PipelineRecord) -> LiveClass? {
            switch record {
            case .link: .link
            case .level: .level
            case .marker: .marker
            case .counters: .counters
            case .streamStarted, .streamEnded, .gap, .status: nil
            }
        }
    }
}
