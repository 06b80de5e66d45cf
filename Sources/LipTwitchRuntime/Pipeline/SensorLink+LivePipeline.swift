import LipTwitchLink
import LipTwitchSystem

extension SensorLink {
    /// A link whose port activity and events feed `pipeline`, and are also written to
    /// `capture` when there is one (with the sensor's identity, for its header): what the
    /// daemon's sessions and a live calibration run.
    convenience init(
        feeding pipeline: LivePipeline, capture: CaptureWriter?, configuration: LinkConfiguration = LinkConfiguration()
    ) throws {
        try self.init(
            configuration: configuration,
            tap: { activity, time in
                capture?.record(activity, at: time)
                pipeline.take(activity, at: time)
            },
            consumer: { output in
                if case .event(.identified(let identity), _) = output { capture?.identified(identity) }
                pipeline.take(output)
            })
    }
}
