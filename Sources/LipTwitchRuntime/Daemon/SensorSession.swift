import LipTwitchJournal
import LipTwitchLink
import LipTwitchLive
import LipTwitchSystem
import Logging

/// One sensor in the daemon: its link (a thread of its own, `SensorLink`), the pipeline
/// the link's reads and events go through (`LivePipeline`: the very `SensorPipeline` a
/// replay runs), and what becomes of the pipeline's records (`SessionRouter`): journal
/// records, live lines, log lines. Everything but `stop()` runs on the link's thread.
final class SensorSession: Sendable {
    let id: Int
    let location: SensorLocation
    private let link: SensorLink
    private let pipeline: LivePipeline
    private let router: SessionRouter
    private let outlets: DaemonOutlets
    private let capture: CaptureWriter?

    /// With `capture`, every byte the port gives is also written to that capture file, so
    /// that a replay of it runs the pipeline on exactly what this session saw.
    init(
        id: Int, location: SensorLocation, link linkConfiguration: LinkConfiguration,
        pipeline configuration: PipelineConfiguration, capture: CaptureWriter?,
        outlets: DaemonOutlets
    ) throws {
        let router = SessionRouter(
            session: id, location: location, detector: configuration.episodeDetector, outlets: outlets)
        let pipeline = LivePipeline(configuration: configuration) { records, at in router.take(records, at: at) }
        self.id = id
        self.location = location
        self.router = router
        self.pipeline = pipeline
        self.capture = capture
        self.outlets = outlets
        link = try SensorLink(feeding: pipeline, capture: capture, configuration: linkConfiguration)
        link.deliver(.appeared(location))
    }

    /// `LT-0001 streaming`: who and how it is now.
    var summary: String {
        "\(router.sensor) \(link.statistics.phase.rawValue)"
    }

    /// What discovery says about the sensor.
    func deliver(_ event: DeviceEvent) {
        link.deliver(event)
    }

    /// Tells the sensor to stop, closes the port, ends the pipeline (an open episode is
    /// closed as truncated) and reports the last counters; returns once the link's thread
    /// has ended.
    func stop() {
        capture?.recordStop(at: HostTime(nanoseconds: MonotonicClock.nanoseconds()))
        link.stop()
        router.finishing()
        pipeline.finish()
        router.forget()
        do {
            _ = try capture?.finish(at: HostTime(nanoseconds: MonotonicClock.nanoseconds()))
        } catch {
            outlets.logger.error("the capture of \(router.sensor) could not be written to the end: \(error)")
        }
    }
}
