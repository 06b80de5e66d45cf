import LipTwitchLink
import LipTwitchSystem

extension SensorLink {
    /// A link whose outputs feed `pipeline`, and `capture` when there is one: what the
    /// daemon's sessions and a live calibration run.
    convenience init(
        feeding pipeline: LivePipeline, capture: CaptureWriter?, configuration: LinkConfiguration = LinkConfiguration()
    ) throws {
        try self.init(configuration: configuration) { output in
            capture?.take(output)
            pipeline.take(output)
        }
    }
}
