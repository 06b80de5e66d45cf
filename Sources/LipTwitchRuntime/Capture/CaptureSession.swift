import LipTwitchCapture
import LipTwitchJournal
import LipTwitchLink
import LipTwitchSystem

/// `liptwitch capture`: runs a `SensorLink` against one port (the whole handshake, the
/// heartbeat, reconnects) and writes everything its port sees, with the time of every
/// read, to a capture file, until Ctrl-C, SIGTERM or the duration. It prints the link's
/// events as they happen, and what it captured at the end. A port that never opens ends
/// it with the reason (and no file).
public struct CaptureSession {
    public var devicePath: String
    public var outputPath: String
    public var duration: Double?
    public var description: String
    /// The link's driver and the line rates to find the sensor at.
    public var link: LinkConfiguration
    /// The program, for the header: `liptwitch 0.1.0`.
    public var tool: String
    /// The wall clock the header's start time is read from.
    public var clock: JournalClock

    public init(
        devicePath: String, outputPath: String, duration: Double?, description: String, link: LinkConfiguration, tool: String,
        clock: JournalClock
    ) {
        self.clock = clock
        self.devicePath = devicePath
        self.outputPath = outputPath
        self.duration = duration
        self.description = description
        self.link = link
        self.tool = tool
    }

    /// Why the capture could not be made; its description is the sentence to show.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// What the consumer learns on the link's thread and the main loop reads.
    private struct Progress: Sendable {
        var everOpened = false
        var failure: String?
    }

    public func run() throws(Failure) {
        let signals = SignalWaiter()
        let printer = LinePrinter()
        let anchor = WallClockAnchor.now(on: clock)
        let writer = CaptureWriter(
            path: outputPath,
            header: CaptureHeader(
                tool: tool, description: description, devicePath: devicePath, lineRates: link.lineRates, driver: link.driver,
                startMonotonic: anchor.monotonic, startWall: anchor.wall))
        let progress = Locked(Progress())
        let link: SensorLink
        do {
            link = try SensorLink(configuration: self.link) { output in
                writer.take(output)
                guard case .event(let event, let at) = output else { return }
                printer.print(ElapsedTime.stamp(anchor.seconds(at: at)) + event.sentence)
                progress.withLock { progress in
                    switch event {
                    case .opened: progress.everOpened = true
                    case .openFailed(let failure, _) where !progress.everOpened: progress.failure = failure.message
                    default: break
                    }
                }
            }
        } catch {
            throw Failure(description: "\(error)")
        }
        printer.print("capturing \(devicePath) to \(outputPath)\(duration.map { " for \($0) s" } ?? "") (Ctrl-C to stop)")
        link.deliver(.appeared(SensorLocation(devicePath: devicePath)))
        let end = duration.map { anchor.monotonic.nanoseconds + Int64($0 * 1e9) }
        while progress.withLock({ $0.failure == nil }) {
            let now = MonotonicClock.nanoseconds()
            if let end, now >= end { break }
            if signals.wait(timeoutNanoseconds: min((end ?? .max) - now, 100_000_000)) != nil { break }
        }
        writer.recordStop(at: HostTime(nanoseconds: MonotonicClock.nanoseconds()))
        link.stop()
        let summary: CaptureWriter.Summary
        do {
            summary = try writer.finish(at: HostTime(nanoseconds: MonotonicClock.nanoseconds()))
        } catch {
            throw Failure(description: "\(error) (the capture in \(outputPath) ends early but can be replayed)")
        }
        if let failure = progress.withLock({ $0.failure }) { throw Failure(description: failure) }
        let sensor = summary.identity.map { " from \($0.serialNumber)" } ?? ""
        printer.print(
            "captured \(ElapsedTime.decimal(summary.duration.seconds)) s\(sensor): \(summary.reads) reads, "
                + "\(summary.bytes) bytes, \(Self.count(summary.opens, "open")), \(Self.count(summary.hangUps, "hang-up")), "
                + "in \(outputPath)")
        printer.print("replay it with: liptwitch replay \(outputPath)")
    }

    /// `1 open`, `2 opens`.
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
