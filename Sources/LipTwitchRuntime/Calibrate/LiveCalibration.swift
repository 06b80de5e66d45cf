import LipTwitchCapture
import LipTwitchJournal
import LipTwitchDetector
import LipTwitchLink
import LipTwitchSystem

/// `liptwitch calibrate` with a sensor: runs a `SensorLink` against its port and a
/// `SensorPipeline` that calibrates (the daemon's code, with a `Calibrator` where the
/// detector would be), and guides the wearer on the console (`CalibrationGuide`) until
/// enough presses came, Ctrl-C, SIGTERM or the time limit. Then the sensor is stopped and
/// the calibration finished with what it saw. Optionally everything the port gave goes
/// into a capture file, from which `liptwitch calibrate FILE.ltcap` makes the same profile.
public struct LiveCalibration {
    public var devicePath: String
    /// A board on probation (docs/DISCOVERY.md): given up if no LipTwitch sensor answers.
    public var needsProof: Bool
    public var restSeconds: Double
    /// Presses to ask for (at least `Calibrator.minimumPresses`).
    public var presses: Int
    /// Seconds after which the calibration ends with what it has.
    public var timeLimit: Double
    public var capturePath: String?
    /// The link's driver and the line rates to find the sensor at.
    public var link: LinkConfiguration
    /// The program, for a capture's header: `liptwitch 0.1.0`.
    public var tool: String
    /// The wall clock the session's times are read from.
    public var clock: JournalClock

    public init(
        devicePath: String, needsProof: Bool = false, restSeconds: Double, presses: Int, timeLimit: Double, capturePath: String?, link: LinkConfiguration,
        tool: String, clock: JournalClock
    ) {
        self.clock = clock
        self.needsProof = needsProof
        self.devicePath = devicePath
        self.restSeconds = restSeconds
        self.presses = presses
        self.timeLimit = timeLimit
        self.capturePath = capturePath
        self.link = link
        self.tool = tool
    }

    /// Why there is no profile; its description is the sentence to show.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Calibrates, and returns the profile.
    public func run() throws(Failure) -> DetectorProfile {
        let signals = SignalWaiter()
        let printer = LinePrinter()
        let anchor = WallClockAnchor.now(on: clock)
        let writer = capturePath.map { path in
            CaptureWriter(
                path: path,
                header: CaptureHeader(
                    tool: tool, description: "calibration: \(Int(restSeconds.rounded())) s rest, then \(presses) presses",
                    devicePath: devicePath, lineRates: self.link.lineRates, driver: self.link.driver, startMonotonic: anchor.monotonic, startWall: anchor.wall))
        }
        let guide = Locked(CalibrationGuide(restSeconds: restSeconds, presses: presses))
        let pipeline = LivePipeline(
            configuration: PipelineConfiguration(anchor: anchor, analysis: .calibrate(restSeconds: restSeconds))
        ) { records, _ in
            let lines = guide.withLock { guide in records.flatMap { guide.take($0) } }
            for line in lines { printer.print(line) }
        }
        let link: SensorLink
        do {
            link = try SensorLink(feeding: pipeline, capture: writer, configuration: self.link)
        } catch {
            throw Failure(description: "\(error)")
        }
        printer.print("calibrating with the sensor at \(devicePath) (Ctrl-C ends it early)")
        link.deliver(.appeared(SensorLocation(devicePath: devicePath, needsProof: needsProof)))
        let end = anchor.monotonic.nanoseconds + Int64(timeLimit * 1e9)
        while !guide.withLock({ $0.isOver || $0.hasEnoughPresses }) {
            let now = MonotonicClock.nanoseconds()
            if now >= end {
                printer.print("the time limit of \(Int(timeLimit)) s is up")
                break
            }
            if signals.wait(timeoutNanoseconds: min(end - now, 100_000_000)) != nil { break }
        }
        let stoppedAt = HostTime(nanoseconds: MonotonicClock.nanoseconds())
        writer?.recordStop(at: stoppedAt)
        link.stop()
        pipeline.finish()
        let captureProblem = Self.finish(writer, path: capturePath)
        let outcome = guide.withLock { (profile: $0.profile, failure: $0.failure) }
        if let captureProblem { printer.print(captureProblem) }
        if let profile = outcome.profile { return profile }
        throw Failure(
            description: outcome.failure
                ?? "no samples came from \(devicePath) in \(Int(timeLimit)) s; liptwitch link --device \(devicePath) "
                + "shows what the port does")
    }

    /// Closes the capture; a sentence when it could not be written whole.
    private static func finish(_ writer: CaptureWriter?, path: String?) -> String? {
        guard let writer, let path else { return nil }
        do {
            _ = try writer.finish(at: HostTime(nanoseconds: MonotonicClock.nanoseconds()))
            return "the session is in \(path) (liptwitch calibrate \(path) makes the same profile again)"
        } catch {
            return "\(error) (the capture in \(path) ends early)"
        }
    }
}
