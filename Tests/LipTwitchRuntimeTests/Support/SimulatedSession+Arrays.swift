import LipTwitchLink
import LipTwitchRuntime

extension SimulatedSession {
    /// `connect` as an array.
    mutating func connect() -> [(PortActivity, HostTime)] {
        var activity: [(PortActivity, HostTime)] = []
        connect { activity.append(($0, $1)) }
        return activity
    }

    /// `stream(seconds:)` as an array.
    mutating func stream(seconds: Double) -> [(PortActivity, HostTime)] {
        var activity: [(PortActivity, HostTime)] = []
        stream(seconds: seconds) { activity.append(($0, $1)) }
        return activity
    }
}
