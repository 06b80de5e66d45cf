extension JournalRecord {
    /// `2026-11-21 14:05:03`: the event time as the local clock showed it then.
    public var tableTime: String { eventTime.civil.description }

    /// One line for people: `twitch ×3 over 1.2 s, upper-left (LT-0001 ch 0), peak 123 µV`.
    public var summary: String {
        switch body {
        case .header(let header): "journal file for \(header.month)"
        case .episode(let episode): Self.summary(episode)
        case .note(let note): Self.summary(note)
        case .device(let device): Self.summary(device)
        case .gap(let gap): Self.summary(gap)
        case .session(let session):
            [session.mode, "session", session.event == .start ? "started" : session.event == .stop ? "stopped" : "\(session.event)"]
                .compactMap { $0 }.joined(separator: " ") + (session.reason.map { " (\($0))" } ?? "")
        case .retraction(let retraction):
            "retracts \(retraction.retracts.uuidString.prefix(8).lowercased()): \(retraction.reason)"
        }
    }

    private static func summary(_ episode: EpisodeRecord) -> String {
        var parts = ["\(episode.kind) ×\(episode.twitchCount) over \(FixedDecimal.text(episode.durationSeconds, places: 2)) s"]
        let origin = [episode.sensor, "ch \(episode.channel)"].compactMap { $0 }.joined(separator: " ")
        parts.append("\(episode.placement) (\(origin))")
        parts.append("peak \(FixedDecimal.text(episode.peak, places: episode.unit == "g" ? 3 : 1)) \(displayUnit(episode.unit))")
        parts.append("\(FixedDecimal.text(episode.dominantFrequencyHz, places: 0)) Hz")
        parts.append("confidence \(FixedDecimal.text(episode.confidence, places: 2))")
        if let offset = episode.offsetSeconds {
            parts.append("at \(FixedDecimal.text(offset, places: 3)) s\(episode.recording.map { " in \($0)" } ?? "")")
        }
        if episode.truncated { parts.append("truncated") }
        return parts.joined(separator: ", ")
    }

    private static func summary(_ note: NoteRecord) -> String {
        var words = note.text.isEmpty ? [] : ["\"\(note.text)\""]
        words += note.tags.map { "#\($0)" }
        var text = words.joined(separator: " ")
        if let amount = note.amount {
            text += ", \(FixedDecimal.text(amount.value, places: 2, trimmed: true))\(amount.unit.map { " \($0)" } ?? "")"
        }
        return text
    }

    private static func summary(_ device: DeviceRecord) -> String {
        var details: [String] = []
        switch device.event {
        case .connected:
            if let kind = device.sensorKind { details.append(kind) }
            if let channels = device.channels {
                details.append("\(channels.count) channel\(channels.count == 1 ? "" : "s") ("
                    + channels.map(\.placement).joined(separator: ", ") + ")")
            }
            if let rate = device.sampleRateHz { details.append("\(rate) Hz") }
            if let firmware = device.firmware { details.append("firmware \(firmware)") }
            if let path = device.path { details.append(path) }
        case .disconnected:
            if let reason = device.reason { details.append(reason) }
        case .status:
            details.append(device.batteryPercent.map { "battery \($0) %" } ?? "no battery")
            if let leadOff = device.leadOff, !leadOff.isEmpty { details.append("lead-off on ch \(list(leadOff))") }
            if let saturated = device.saturated, !saturated.isEmpty { details.append("saturated ch \(list(saturated))") }
            if let overruns = device.overruns, overruns > 0 { details.append("\(overruns) samples overrun") }
        default:
            break
        }
        if let counters = device.counters {
            details.append(counters.map { "\($0.name) \($0.value)" }.joined(separator: ", "))
        }
        return "\(device.sensor) \(device.event)" + (details.isEmpty ? "" : ": " + details.joined(separator: ", "))
    }

    private static func summary(_ gap: GapRecord) -> String {
        var parts = ["no data for \(FixedDecimal.text(gap.durationSeconds, places: 1)) s (\(gap.reason))"]
        if let sensor = gap.sensor { parts.append(sensor + (gap.channel.map { " ch \($0)" } ?? "")) }
        if let lost = gap.lostSamples { parts.append("\(lost) samples lost") }
        if let lost = gap.lostRecords { parts.append("\(lost) journal records lost") }
        return parts.joined(separator: ", ")
    }

    private static func list(_ channels: [Int]) -> String {
        channels.map(String.init).joined(separator: ", ")
    }

    private static func displayUnit(_ unit: String) -> String {
        unit == "uV" ? "µV" : unit
    }

}
