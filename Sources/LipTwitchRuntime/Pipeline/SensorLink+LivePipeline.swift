import LipTwitchSystem

extension SensorLink {
    /// A link whose port activity and events feed `pipeline`, and are also written to
    /// `capture` when there is one (with the sensor's identity, for its header): what the
    /// daemon's sessions and a live calibration run.
    convenience init(feeding pipeline: LivePipeline, capture: CaptureWriter?, baudRate: Int = SerialPort.protocolBaudRate)
        throws
    {
        try self.init(
            baudRate: baudRate,
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
