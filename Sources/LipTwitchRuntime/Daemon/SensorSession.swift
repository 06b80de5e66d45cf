import LipTwitchJournal
import LipTwitchLink
import LipTwitchLive
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

    init(id: Int, location: SensorLocation, pipeline configuration: PipelineConfiguration, outlets: DaemonOutlets)
        throws
    {
        let router = SessionRouter(
            session: id, location: location, detector: configuration.episodeDetector, outlets: outlets)
        let pipeline = LivePipeline(configuration: configuration) { records in router.take(records) }
        self.id = id
        self.location = location
        self.router = router
        self.pipeline = pipeline
        link = try SensorLink(tap: pipeline.take, consumer: pipeline.take)
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
        link.stop()
        router.finishing()
        pipeline.finish()
        router.forget()
    }
}
