import LipTwitchDiscovery
import LipTwitchLink

extension DeviceSurvey {
    /// Why a command that works with one sensor cannot pick one by itself; its description
    /// is the sentence to show.
    public struct NoChoice: Error, CustomStringConvertible {
        public let description: String
    }

    /// The one sensor plugged in now, for commands that work with one sensor (`liptwitch
    /// calibrate`): the one port taken as a sensor, else the one board on probation (the
    /// link then keeps it only if it answers); none, or several, is a sentence saying what
    /// to do.
    public func onlySensor() throws(NoChoice) -> SensorLocation {
        let proven = entries.filter(\.verdict.isSensor)
        let chosen = proven.isEmpty ? entries.filter(\.verdict.needsProof) : proven
        let sensors = chosen.map(\.candidate.devicePath)
        switch sensors.count {
        case 1:
            return SensorLocation(devicePath: sensors[0], needsProof: chosen[0].verdict.needsProof)
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
