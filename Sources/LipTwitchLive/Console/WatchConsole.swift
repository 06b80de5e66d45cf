import LipTwitchJournal

/// The live console of `liptwitch watch`, without the terminal: lines of the live stream
/// in, what to show out. A line per detection (the closed episode), per link change, gap
/// and device event, each with its local time; on a terminal also a status line, redrawn
/// in place, with each sensor's link state and a level meter per channel (a possible
/// twitch shows in it at once as `○ twitch?`, a confirmed one lights up as `● twitch`).
/// Pure: tested without a socket or a terminal.
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
            if asked(for: .level, sensor: sensor), let view = sensors[sensor] {
                let readings = levels.enumerated().map { index, level in
                    let label = index < view.placements.count ? SensorView.short(view.placements[index], index) : "ch\(index)"
                    return "\(label) " + (level.map { LevelBar.reading($0, unit: view.unit) } ?? "–")
                }
                outputs.append(.line(Self.stamp(time) + "\(sensor)  level " + readings.joined(separator: ", ")))
            }
        case .onset:
            guard let sensor = message.sensor, let time else { return }
            let placement = message.placement ?? "unspecified"
            update(sensor) { view in
                let now = view.levelTime ?? time
                view.onset = (placement, now)
                view.levelTime = now
                if view.candidate?.placement == placement { view.candidate = nil }
            }
            if asked(for: .onset, sensor: sensor) {
                outputs.append(.line(Self.stamp(time) + "\(sensor)  a twitch began, \(Self.where(message, sensor))"))
            }
        case .candidate:
            guard let sensor = message.sensor, let time else { return }
            let placement = message.placement ?? "unspecified"
            let dismissed = message.event == "dismissed"
            update(sensor) { view in
                let now = view.levelTime ?? time
                view.levelTime = now
                if dismissed {
                    if view.candidate?.placement == placement { view.candidate = nil }
                } else {
                    view.candidate = (placement, now)
                }
            }
            if asked(for: .candidate, sensor: sensor) {
                let text = dismissed
                    ? "not a twitch after all, \(Self.where(message, sensor)): \(message.reason ?? "?")"
                    : "a twitch?, \(Self.where(message, sensor)): waiting to see what follows"
                outputs.append(.line(Self.stamp(time) + "\(sensor)  " + text))
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

    /// `upper-left (LT-0001 ch 0)`: where an onset or candidate was.
    private static func `where`(_ message: LiveMessage, _ sensor: String) -> String {
        let channel = message.channel.map { " ch \($0)" } ?? ""
        return "\(message.placement ?? "unspecified") (\(sensor)\(channel))"
    }

    /// Onsets, candidates and levels are shown in the status line; as lines only when
    /// asked for by name.
    private func asked(for liveClass: LiveClass, sensor: String) -> Bool {
        filter.classes?.contains(liveClass) == true && filter.admits(liveClass, sensor: sensor)
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
