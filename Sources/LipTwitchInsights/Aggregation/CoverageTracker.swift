import LipTwitchJournal

/// When a sensor was connected, from the journal's device and session records in the order
/// they were written: a `connected` opens a sensor's stretch, its `disconnected` (or the
/// daemon's session stopping) closes it. A session that starts while a stretch is still
/// open means the daemon died: the stretch ends at the last record heard from the sensor.
/// A stretch still open at the end of the journal lasts to the end of the period (the
/// sensor is connected now).
struct CoverageTracker {
    private var openSince: [String: Int64] = [:]
    /// For the sensors in `openSince`, and only those.
    private var lastHeard: [String: Int64] = [:]

    /// The sensor heard from last, when it is open, and its place in `lastHeard` (valid until
    /// a sensor is added or removed): episodes mostly come from the sensor of the one before.
    private var lastSensor: (name: String, index: Dictionary<String, Int64>.Index)?

    /// Called for every episode: one lookup, none for the sensor heard from last.
    mutating func heard(from sensor: String, at milliseconds: Int64) {
        let index: Dictionary<String, Int64>.Index
        if let lastSensor, lastSensor.name == sensor {
            index = lastSensor.index
        } else {
            guard let found = lastHeard.index(forKey: sensor) else { return }
            index = found
            lastSensor = (sensor, found)
        }
        lastHeard.values[index] = max(lastHeard.values[index], milliseconds)
    }

    mutating func add(_ device: DeviceRecord, at time: LocalTime, into bins: inout TimeBins) {
        let now = time.epochMilliseconds
        switch device.event {
        case .connected:
            close(device.sensor, at: now, into: &bins)
            openSince[device.sensor] = now
            lastHeard[device.sensor] = now
            lastSensor = nil
        case .disconnected:
            close(device.sensor, at: now, into: &bins)
        default:
            heard(from: device.sensor, at: now)
        }
    }

    mutating func add(_ session: SessionRecord, at time: LocalTime, into bins: inout TimeBins) {
        let now = time.epochMilliseconds
        for sensor in Array(openSince.keys) {
            close(sensor, at: session.event == .stop ? now : lastHeard[sensor] ?? now, into: &bins)
        }
    }

    /// Closes what is still open at `end`.
    mutating func finish(at end: Int64, into bins: inout TimeBins) {
        for sensor in Array(openSince.keys) { close(sensor, at: end, into: &bins) }
    }

    private mutating func close(_ sensor: String, at end: Int64, into bins: inout TimeBins) {
        guard let since = openSince.removeValue(forKey: sensor) else { return }
        lastHeard[sensor] = nil
        lastSensor = nil
        bins.cover(from: since, to: end)
    }
}
