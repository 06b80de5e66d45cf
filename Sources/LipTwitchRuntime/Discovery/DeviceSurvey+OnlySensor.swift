import LipTwitchDiscovery

extension DeviceSurvey {
    /// Why a command that works with one sensor cannot pick one by itself; its description
    /// is the sentence to show.
    public struct NoChoice: Error, CustomStringConvertible {
        public let description: String
    }

    /// The port of the one sensor plugged in now, for commands that work with one sensor
    /// (`liptwitch calibrate`); none, or several, is a sentence saying what to do.
    public func onlySensor() throws(NoChoice) -> String {
        let sensors = entries.filter(\.verdict.isAccepted).map(\.candidate.devicePath)
        switch sensors.count {
        case 1:
            return sensors[0]
        case 0:
            throw NoChoice(
                description: "no sensor is plugged in; plug it in, or name its port with --device PATH "
                    + "(liptwitch devices --all shows every serial port and why it was not taken)")
        default:
            throw NoChoice(
                description: "\(sensors.count) sensors are plugged in (\(sensors.joined(separator: ", "))); "
                    + "say which with --device PATH")
        }
    }
}
