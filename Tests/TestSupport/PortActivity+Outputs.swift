import LipTwitchLink

extension Array where Element == (PortActivity, HostTime) {
    /// What a link hands on for this activity at its port: each activity, and what each
    /// read said, decoded once (as `SensorLink` and a replay do).
    public var linkOutputs: [LinkOutput] {
        var decoder = PortDecoder()
        var outputs: [LinkOutput] = []
        for (activity, time) in self {
            outputs.append(.port(activity, at: time))
            if let read = decoder.follow(activity, at: time) { outputs.append(.decoded(read)) }
        }
        return outputs
    }
}
