import LipTwitchLink
import LipTwitchSystem

/// `liptwitch link`: runs a `SensorLink` against one port and prints what happens (link
/// events, gaps, markers) as it happens, and a line per second with what arrived and the
/// counters, until Ctrl-C, SIGTERM or the duration. A port that cannot be opened at the
/// start, or a sensor this LipTwitch cannot use, ends it with the reason.
public struct LinkMonitor {
    public var devicePath: String
    public var duration: Double?
    public var json: Bool
    /// The sample rate to ask for and the line rates to try, among the rest.
    public var configuration: LinkConfiguration

    public init(devicePath: String, duration: Double?, json: Bool, configuration: LinkConfiguration) {
        self.devicePath = devicePath
        self.duration = duration
        self.json = json
        self.configuration = configuration
    }

    /// Why the monitor gave up; its description is the sentence to show.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// What the consumer learns on the link's thread and the main loop reads.
    private struct Progress: Sendable {
        var interval = LinkStatistics()
        var everOpened = false
        var failure: String?

        /// A port that never opened, or a sensor that cannot be used, ends the monitor.
        mutating func note(_ event: LinkEvent) {
            switch event {
            case .opened: everOpened = true
            case .openFailed(let failure, _) where !everOpened: self.failure = failure.message
            case .incompatible(let incompatibility): failure = incompatibility.description
            default: break
            }
        }
    }

    public func run() throws(Failure) {
        let signals = SignalWaiter()
        let printer = LinePrinter()
        let report = LinkReport(json: json)
        let start = MonotonicClock.nanoseconds()
        let progress = Locked(Progress())
        let since: @Sendable (HostTime) -> Double = { Double($0.nanoseconds - start) / 1e9 }
        let link: SensorLink
        do {
            link = try SensorLink(configuration: configuration) { output in
                switch output {
                case .event(let event, let at):
                    printer.print(report.event(event, at: since(at)))
                    progress.withLock { $0.note(event) }
                case .samples(let batch, let timing):
                    progress.withLock { $0.interval.add(batch.sampleCount, timing.continuity) }
                    if case .gap(let gap) = timing.continuity { printer.print(report.gap(gap, at: since(gap.start))) }
                case .marker(let marker, let at):
                    printer.print(report.marker(marker, at: since(at ?? HostTime(nanoseconds: MonotonicClock.nanoseconds()))))
                case .port, .decoded, .status:
                    break
                }
            }
        } catch {
            throw Failure(description: "\(error)")
        }
        link.deliver(.appeared(SensorLocation(devicePath: devicePath)))
        let end = duration.map { start + Int64($0 * 1e9) }
        var nextLine = start + 1_000_000_000
        while progress.withLock({ $0.failure == nil }), !printer.isClosed {
            let now = MonotonicClock.nanoseconds()
            if let end, now >= end { break }
            if now >= nextLine {
                let interval = progress.withLock { state in defer { state.interval = LinkStatistics() }; return state.interval }
                printer.print(report.status(link.statistics, interval: interval, at: Double(now - start) / 1e9))
                nextLine += 1_000_000_000
            }
            let wake = [nextLine, end ?? .max].min()! - now
            if signals.wait(timeoutNanoseconds: min(wake, 100_000_000)) != nil { break }
        }
        link.stop()
        let statistics = link.statistics
        let total = LinkStatistics(totalsOf: statistics)
        printer.print(report.status(statistics, interval: total, at: Double(MonotonicClock.nanoseconds() - start) / 1e9,
                                    className: "summary"))
        if let failure = progress.withLock({ $0.failure }) { throw Failure(description: failure) }
    }
}

extension LinkStatistics {
    /// Counts one delivered batch.
    fileprivate mutating func add(_ samples: Int, _ continuity: BatchContinuity) {
        batches += 1
        self.samples += UInt64(samples)
        if case .gap(let gap) = continuity {
            gaps += 1
            missingSamples += gap.samples
        }
    }

    /// The delivery totals of `statistics`, as an interval from the start.
    fileprivate init(totalsOf statistics: LinkStatistics) {
        self.init()
        batches = statistics.batches
        samples = statistics.samples
        gaps = statistics.gaps
        missingSamples = statistics.missingSamples
    }
}
