import LipTwitchJournal

/// Builds an `InsightsSummary` from journal records handed to it one at a time, in the
/// order they were written, with memory bounded by the period: the report's one pass.
///
/// Feed it every episode, note, gap, device and session record of the journal (including
/// those before the period: a sensor connected weeks ago is still connected, and a note
/// just before the period has its window inside it); it keeps what falls in the period.
public struct InsightsAccumulator: Sendable {
    private var summary: InsightsSummary
    private var coverage = CoverageTracker()
    /// The tallies of `summary.placements` while the pass runs, in the order first seen, and
    /// their labels: an episode finds its site's tally by comparing labels (at the last
    /// episode's site first), without hashing one. `finish` writes them into the summary.
    private var placementLabels: [String] = []
    private var placementTallies: [PlacementTally] = []
    private var lastPlacement = 0

    public init(period: ReportPeriod, windows: TriggerWindows = TriggerWindows()) {
        summary = InsightsSummary(period: period, windows: windows)
    }

    public var period: ReportPeriod { summary.period }

    public mutating func add(_ record: JournalRecord) {
        switch record.body {
        case .episode(let episode): add(episode)
        case .note(let note): add(note)
        case .gap(let gap):
            summary.bins.markMissing(from: gap.start.epochMilliseconds, to: gap.end.epochMilliseconds)
        case .device(let device):
            coverage.add(device, at: record.time, into: &summary.bins)
            if device.event == .connected, let channels = device.channels {
                let day = summary.period.day(of: record.time) ?? (record.time < summary.period.start ? 0 : nil)
                for channel in channels {
                    guard let day, summary.measuredSites.count < InsightsSummary.maximumTags else { continue }
                    summary.measuredSites[channel.placement] = min(summary.measuredSites[channel.placement] ?? day, day)
                }
            }
        case .session(let session):
            coverage.add(session, at: record.time, into: &summary.bins)
        case .header, .retraction:
            break
        }
    }

    /// The summary, with the measured time per day and per hour filled in.
    public consuming func finish() -> InsightsSummary {
        var bins = summary.bins
        coverage.finish(at: summary.period.end.epochMilliseconds, into: &bins)
        summary.bins = bins
        summary.placements = Dictionary(uniqueKeysWithValues: zip(placementLabels, placementTallies))
        let period = summary.period
        let offset = Int64(period.start.utcOffsetMinutes) * 60_000
        for bin in 0..<summary.bins.count {
            let seconds = summary.bins.observedSeconds(in: bin)
            guard seconds > 0 else { continue }
            let local = period.start.epochMilliseconds + offset + Int64(bin) * ReportPeriod.binMilliseconds
            let day = Int(local / 86_400_000 - period.firstDay.daysSinceEpoch)
            let hour = Int(local % 86_400_000 / 3_600_000)
            if summary.days.indices.contains(day) { summary.days[day].observedSeconds += seconds }
            summary.hourObservedSeconds[hour] += seconds
        }
        return summary
    }

    private mutating func add(_ episode: EpisodeRecord) {
        if let sensor = episode.sensor { coverage.heard(from: sensor, at: episode.end.epochMilliseconds) }
        guard summary.period.contains(episode.start) else { return }
        let start = episode.start.civil
        guard let day = summary.period.day(of: start.date) else { return }
        let hour = start.hour
        // The site comes from the placement's tally, and the label is read once.
        let placement = placementIndex(episode.placement, day: day)
        let site = placement.map { placementTallies[$0].site } ?? FaceSite(placement: episode.placement)
        summary.days[day].episodes += 1
        summary.days[day].twitches += episode.twitchCount
        summary.days[day].clusterTwitches += Self.clusterSize(of: episode)
        summary.days[day].twitchingSeconds += max(0, episode.durationSeconds)
        summary.days[day].addEpisode(on: site.side)
        summary.dayHourEpisodes[day * 24 + hour] += 1
        summary.hourEpisodes[hour] += 1
        summary.bins.addEpisode(at: episode.start.epochMilliseconds)
        if episode.kind == .tremor {
            summary.days[day].tremorEpisodes += 1
            summary.tremor.add(episode, day: day)
        }
        if let placement {
            placementTallies[placement].episodes += 1
            placementTallies[placement].twitches += episode.twitchCount
            placementTallies[placement].firstDay = min(placementTallies[placement].firstDay, day)
            placementTallies[placement].lastDay = max(placementTallies[placement].lastDay, day)
        }
    }

    /// The place of `label`'s tally, made on its first episode (`day`); nil for a label
    /// beyond `InsightsSummary.maximumTags`.
    private mutating func placementIndex(_ label: String, day: Int) -> Int? {
        if lastPlacement < placementLabels.count, placementLabels[lastPlacement] == label { return lastPlacement }
        if let index = placementLabels.firstIndex(of: label) {
            lastPlacement = index
            return index
        }
        guard placementLabels.count < InsightsSummary.maximumTags else { return nil }
        placementLabels.append(label)
        placementTallies.append(PlacementTally(site: FaceSite(placement: label), day: day))
        lastPlacement = placementLabels.count - 1
        return lastPlacement
    }

    /// The size of an episode's largest cluster (docs/REPORT.md, "Trends").
    static func clusterSize(of episode: EpisodeRecord) -> Int {
        guard episode.clusters != nil else { return episode.twitchCount }
        return episode.largestCluster?.twitchCount ?? min(1, episode.twitchCount)
    }

    private mutating func add(_ note: NoteRecord) {
        let period = summary.period
        let at = note.at.epochMilliseconds
        let day = period.day(of: note.at)
        if period.contains(note.at), let day {
            summary.days[day].notes += 1
            for tag in note.tags where !summary.days[day].noteTags.contains(tag) { summary.days[day].noteTags.append(tag) }
            if note.tags.contains(where: SymptomNote.tags.contains) {
                summary.symptomNoteCount += 1
                if summary.symptomNotes.count < InsightsSummary.keptSymptomNotes {
                    summary.symptomNotes.append(SymptomNote(at: note.at, tags: note.tags, text: note.text))
                }
            }
        }
        for tag in note.tags where !SymptomNote.tags.contains(tag) {
            let window = summary.windows.milliseconds(for: tag)
            guard at + window > period.start.epochMilliseconds, at < period.end.epochMilliseconds else { continue }
            if summary.tags[tag] == nil {
                guard summary.tags.count < InsightsSummary.maximumTags else {
                    summary.untrackedTagNotes += 1
                    continue
                }
                summary.tags[tag] = TagTally(tag: tag, windowMilliseconds: window, binCount: period.binCount)
            }
            if tag == "sleep", let amount = note.amount, amount.unit == "h", amount.value >= 6 {
                summary.tags[tag]!.fullNights += 1
            } else {
                summary.tags[tag]!.expose(from: at, in: period)
            }
        }
    }
}
