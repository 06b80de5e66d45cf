import LipTwitchJournal
import LipTwitchLink

extension PipelineRecord {
    /// What the record is in the journal (docs/JOURNAL.md), if anything: a stream's start
    /// and end are a device `connected` and `disconnected`, a gap a gap, counters and
    /// status device records. Link events, levels, markers, onsets, candidates,
    /// calibration steps and samples have no journal record.
    /// Times come from `anchor`; `sensor` is the sensor's serial number and `devicePath`
    /// its port; `detector` names the detector and its settings in episode records.
    public func journalBody(
        anchor: WallClockAnchor, sensor: String, devicePath: String?, detector: EpisodeRecord.Detector
    ) -> RecordBody? {
        switch self {
        case .episode(let placed):
            let episode = placed.episode
            return .episode(
                EpisodeRecord(
                    kind: EpisodeRecord.Kind(rawValue: episode.kind.rawValue), sensor: placed.sensor,
                    channel: placed.channel, placement: episode.placement, start: anchor.localTime(at: placed.start),
                    end: anchor.localTime(at: placed.end), startDeviceMicros: Int(placed.startDeviceMicros),
                    endDeviceMicros: Int(placed.endDeviceMicros), durationSeconds: (placed.end - placed.start).seconds,
                    twitchCount: episode.twitchCount, peak: episode.peak, rms: episode.rms, unit: episode.unit,
                    dominantFrequencyHz: episode.dominantFrequencyHz, confidence: episode.confidence,
                    truncated: episode.isTruncated, detector: detector,
                    twitches: episode.twitches.map { twitch in
                        EpisodeRecord.Twitch(
                            onsetSeconds: placed.offset(ofSample: twitch.onsetSample),
                            durationSeconds: Double(twitch.durationSamples) / placed.sampleRateHz)
                    },
                    clusters: episode.kind == .twitch ? episode.clusterCount : nil,
                    largestCluster: episode.largestCluster.map { cluster in
                        EpisodeRecord.Cluster(
                            twitchCount: cluster.twitchCount,
                            onsetSeconds: placed.offset(ofSample: cluster.startSample),
                            durationSeconds: Double(cluster.endSample - cluster.startSample + 1) / placed.sampleRateHz)
                    },
                    envelopeStepSeconds: Double(episode.envelopeStepSamples) / placed.sampleRateHz,
                    envelope: episode.envelope))
        case .streamStarted(let start):
            let identity = start.identity
            return .device(
                DeviceRecord(
                    sensor: sensor, event: .connected, path: devicePath, sensorKind: identity.sensorKind.label,
                    sampleRateHz: Int(identity.sampleRateHz), firmware: identity.firmware.description,
                    channels: identity.channels.enumerated().map { index, channel in
                        DeviceRecord.Channel(
                            index: index, placement: channel.placement.label, unit: identity.sensorKind.unit)
                    }))
        case .streamEnded(let end):
            return .device(DeviceRecord(sensor: sensor, event: .disconnected, reason: end.reason.rawValue))
        case .gap(let gap):
            return .gap(
                GapRecord(
                    reason: GapRecord.Reason(rawValue: gap.reason.rawValue), start: anchor.localTime(at: gap.start),
                    end: anchor.localTime(at: gap.end), sensor: sensor, startDeviceMicros: gap.startDeviceMicros.map(Int.init),
                    endDeviceMicros: gap.endDeviceMicros.map(Int.init), lostSamples: gap.lostSamples.map(Int.init)))
        case .status(let status, _):
            return .device(
                DeviceRecord(
                    sensor: sensor, event: .status, batteryPercent: status.batteryPercent.map(Int.init),
                    leadOff: Self.channels(in: status.leadOffMask), saturated: Self.channels(in: status.saturationMask),
                    overruns: Int(status.overrunCount)))
        case .counters(let counters, _):
            return .device(
                DeviceRecord(
                    sensor: sensor, event: .counters,
                    counters: Self.counterFields(counters).map { DeviceRecord.Counter(name: $0.name, value: $0.value) }))
        case .link, .level, .marker, .onset, .candidate, .calibration, .samples:
            return nil
        }
    }
}
