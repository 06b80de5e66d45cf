import LipTwitchJournal

/// The live console of `liptwitch watch`, without the terminal: lines of the live stream
/// in, what to show out. A line per detection (the closed episode), per link change, gap
/// and device event, each with its local time; on a terminal also a status line, redrawn
/// in place, with each sensor's link state and a level meter per channel (an onset lights
/// up in it at once). Pure: tested without a socket or a terminal.
public struct WatchConsole {
    /// What to do with the terminal after a line.
    public enum Output: Equatable, Sendable {
        /// Print a line (above the status line).
        case line(String)
        /// Redraw the status line (terminals only).
        case status(String)
        /// The daemon refused or cannot be read: say this and stop.
        case failure(String)
    }

    private let statusWidth: Int?
    private let filter: LiveFilter
    private var sensors: [String: SensorView] = [:]
    private var order: [String] = []
    private var decoder = JournalLineDecoder()

    /// `statusWidth`: the terminal's columns, for a status line; nil for plain lines only
    /// (not a terminal, or `TERM=dumb`). `filter`: what the person asked to see.
    public init(statusWidth: Int?, filter: LiveFilter = .all) {
        self.statusWidth = statusWidth
        self.filter = filter
    }

    /// What to show for one line of the stream (without its newline).
    public mutating func take(_ line: String) -> [Output] {
        var outputs: [Output] = []
        if case .record(let record) = decoder.decode(line) {
            take(record, into: &outputs)
        } else if let message = LiveMessage(line) {
            take(message, into: &outputs)
        }
        if let status = statusLine { outputs.append(.status(status)) }
        return outputs
    }

    /// The status line now: every sensor, cut to the terminal's width.
    public var statusLine: String? {
        guard let statusWidth, !order.isEmpty else { return nil }
        let text = order.compactMap { name in sensors[name]?.status(named: name) }.joined(separator: "  │  ")
        return text.count <= statusWidth ? text : String(text.prefix(max(0, statusWidth - 1))) + "…"
    }

    private mutating func take(_ record: JournalRecord, into outputs: inout [Output]) {
        switch record.body {
        case .device(let device):
            if device.event == .connected {
                // Until the sensor said who it is, its link was known by its port.
                if let path = device.path, path != device.sensor, let view = sensors.removeValue(forKey: path) {
                    order.removeAll { $0 == path }
                    if sensors[device.sensor] == nil {
                        sensors[device.sensor] = view
                        order.append(device.sensor)
                    }
                }
                update(device.sensor) { view in
                    view.placements = device.channels?.map(\.placement) ?? []
                    view.unit = device.channels?.first?.unit ?? view.unit
                }
            }
            // The counters are for programs (--json); people get them from `liptwitch journal`.
            if device.event != .counters { show(.device, sensor: device.sensor, record, into: &outputs) }
        case .episode(let episode):
            show(.episode, sensor: episode.sensor, record, into: &outputs)
        case .gap(let gap):
            show(.gap, sensor: gap.sensor, record, into: &outputs)
        case .header, .note, .session, .retraction:
            break
        }
    }

    private mutating func take(_ message: LiveMessage, into outputs: inout [Output]) {
        let time = message.time.flatMap(LocalTime.init(rfc3339:))
        switch LiveClass(rawValue: message.class) {
        case .version:
            let major = message.protocol?.split(separator: ".").first
            guard major == LiveLine.protocolVersion.split(separator: ".").first else {
                outputs.append(.failure(
                    "the daemon speaks version \(message.protocol ?? "?") of the live stream and this liptwitch reads "
                        + "\(LiveLine.protocolVersion): use the liptwitch that came with the daemon"))
                return
            }
            if statusWidth != nil {
                outputs.append(.line("connected to liptwitch daemon \(message.daemon ?? "?"); Ctrl-C to stop"))
            }
        case .link:
            guard let sensor = message.sensor ?? message.path else { return }
            update(sensor) { $0.state = message.phase ?? $0.state }
            if filter.admits(.link, sensor: sensor), let text = message.message {
                outputs.append(.line(Self.stamp(time) + "\(sensor)  \(text)"))
            }
        case .level:
            guard let sensor = message.sensor, let levels = message.rms else { return }
            update(sensor) { view in
                view.levels = levels
                view.levelTime = time
                if let unit = message.unit { view.unit = unit }
            }
        case .onset:
            guard let sensor = message.sensor, let time else { return }
            update(sensor) { view in
                view.onset = (time, message.placement ?? "unspecified")
                view.levelTime = time
            }
        case .error:
            outputs.append(.failure("the daemon says: \(message.message ?? "an error without words")"))
        case .marker:
            guard let sensor = message.sensor, filter.admits(.marker, sensor: sensor) else { return }
            outputs.append(.line(Self.stamp(time) + "\(sensor)  the wearer pressed the button (\(message.kind ?? "press"))"))
        case .device, .episode, .gap, .counters, nil:
            break
        }
    }

    private func show(_ liveClass: LiveClass, sensor: String?, _ record: JournalRecord, into outputs: inout [Output]) {
        guard filter.admits(liveClass, sensor: sensor) else { return }
        outputs.append(.line(Self.stamp(record.eventTime) + record.summary))
    }

    private mutating func update(_ sensor: String, _ change: (inout SensorView) -> Void) {
        guard filter.admits(sensor: sensor) else { return }
        if sensors[sensor] == nil { order.append(sensor) }
        change(&sensors[sensor, default: SensorView()])
    }

    /// `14:05:03  `: the local time a line is about.
    static func stamp(_ time: LocalTime?) -> String {
        guard let time else { return "          " }
        return time.timeOfDay + "  "
    }
}
