import Foundation
import LipTwitchLink
import LipTwitchRuntime
import LipTwitchSimulator
import LipTwitchSystem
import Synchronization

/// The serial link's soak run (a benchmark, not a test: numbers, not pass/fail), through
/// real pseudo-terminals:
///   1. one link, one virtual sensor, N unplug/replug cycles as udev would report them
///      (unplugged mid-frame, removed, plugged in on a new port, appeared);
///   2. N links and sensors started, streamed and stopped.
/// Open descriptors (`/proc/self/fd`) and threads (`/proc/self/task`) are counted before,
/// during and after: nothing may be left over.
@main
struct LinkSoak {
    static func main() throws {
        let cycles = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200
        print("== machine: \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let baseline = Census()
        print("== \(cycles) unplug/replug cycles of one link, through real pseudo-terminals")
        let replug = try unplugAndReplug(cycles: cycles)
        print("cycle (unplug mid-frame → streaming again): \(replug.times.summary)")
        print("  of which appeared → handshake → first batch: \(replug.reconnects.summary)")
        print("reconnects \(replug.statistics.link.reconnects), disconnects \(replug.statistics.link.disconnects), "
            + "handshake failures \(replug.statistics.link.handshakeFailures), stalls \(replug.statistics.link.stalls), "
            + "batches \(replug.statistics.batches), gaps \(replug.statistics.gaps)")
        report(baseline, peak: replug.peak)
        print("== \(cycles) links and sensors started, streamed and stopped")
        let lifecycles = try startAndStop(cycles: cycles)
        print("start → first batch → stopped: \(lifecycles.times.summary)")
        report(baseline, peak: lifecycles.peak)
    }

    /// One link following one sensor through `cycles` unplugs and replugs.
    static func unplugAndReplug(cycles: Int) throws
        -> (times: [Double], reconnects: [Double], statistics: LinkStatistics, peak: Census)
    {
        let watch = try Watch()
        let sensor = try VirtualSensor(configuration: SimulatorConfiguration(), events: watch.sensorEvent)
        let link = try SensorLink(consumer: watch.linkOutput)
        link.deliver(.appeared(SensorLocation(devicePath: sensor.devicePath!)))
        try watch.wait { $0.batchesInStream >= 10 }
        var times: [Double] = []
        var reconnects: [Double] = []
        var peak = Census()
        for cycle in 1...cycles {
            let start = MonotonicClock.nanoseconds()
            let path = sensor.devicePath!
            sensor.unplug()
            try watch.wait { $0.unplugs == cycle }
            link.deliver(.disappeared(devicePath: path))
            sensor.plugIn()
            try watch.wait { $0.plugs == cycle + 1 }
            let appeared = MonotonicClock.nanoseconds()
            link.deliver(.appeared(SensorLocation(devicePath: sensor.devicePath!)))
            try watch.wait { $0.streams == cycle + 1 && $0.batchesInStream >= 1 }
            let now = MonotonicClock.nanoseconds()
            times.append(Double(now - start) / 1e6)
            reconnects.append(Double(now - appeared) / 1e6)
            if cycle % 50 == 0 { peak = peak.max(Census()) }
        }
        let statistics = link.statistics
        link.stop()
        sensor.stop()
        return (times, reconnects, statistics, peak)
    }

    /// `cycles` links and sensors, each streamed to its first batch and stopped.
    static func startAndStop(cycles: Int) throws -> (times: [Double], peak: Census) {
        var times: [Double] = []
        var peak = Census()
        for cycle in 1...cycles {
            let start = MonotonicClock.nanoseconds()
            let watch = try Watch()
            let sensor = try VirtualSensor(configuration: SimulatorConfiguration(), events: watch.sensorEvent)
            let link = try SensorLink(consumer: watch.linkOutput)
            link.deliver(.appeared(SensorLocation(devicePath: sensor.devicePath!)))
            try watch.wait { $0.batchesInStream >= 1 }
            if cycle % 50 == 0 { peak = peak.max(Census()) }
            link.stop()
            sensor.stop()
            times.append(Double(MonotonicClock.nanoseconds() - start) / 1e6)
        }
        return (times, peak)
    }

    static func report(_ baseline: Census, peak: Census) {
        let after = Census()
        print("open descriptors: \(baseline.descriptors) before, \(peak.descriptors) at the peak, \(after.descriptors) after "
            + "(\(after.descriptors == baseline.descriptors ? "none left over" : "LEAK: \(after.descriptors - baseline.descriptors)"))")
        print("threads: \(baseline.threads) before, \(peak.threads) at the peak, \(after.threads) after "
            + "(\(after.threads == baseline.threads ? "none left over" : "LEAK: \(after.threads - baseline.threads)"))")
    }
}

/// Open descriptors and threads of this process, now.
struct Census {
    var descriptors: Int
    var threads: Int

    init() {
        descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
    }

    func max(_ other: Census) -> Census {
        var larger = self
        larger.descriptors = Swift.max(descriptors, other.descriptors)
        larger.threads = Swift.max(threads, other.threads)
        return larger
    }
}

/// What the link and the sensor reported, counted, with a wait for a condition on it.
final class Watch: Sendable {
    struct Counts: Sendable {
        var plugs = 0
        var unplugs = 0
        var streams = 0
        var batchesInStream = 0
    }

    private let counts = Mutex(Counts())
    private let notifier: EventNotifier

    init() throws {
        notifier = try EventNotifier()
    }

    var sensorEvent: @Sendable (VirtualSensorEvent) -> Void {
        { [self] event in
            counts.withLock { counts in
                switch event {
                case .plugged: counts.plugs += 1
                case .unplugged: counts.unplugs += 1
                default: break
                }
            }
            notifier.notify()
        }
    }

    var linkOutput: @Sendable (LinkOutput) -> Void {
        { [self] output in
            counts.withLock { counts in
                switch output {
                case .event(.streaming, _):
                    counts.streams += 1
                    counts.batchesInStream = 0
                case .samples: counts.batchesInStream += 1
                default: break
                }
            }
            notifier.notify()
        }
    }

    /// Waits until `condition` holds; gives up after 30 s.
    func wait(until condition: (Counts) -> Bool) throws {
        let deadline = MonotonicClock.nanoseconds() + 30_000_000_000
        var poll = PollSet()
        poll.add(notifier.descriptor)
        while !condition(counts.withLock { $0 }) {
            let left = deadline - MonotonicClock.nanoseconds()
            guard left > 0 else { throw TimedOut() }
            try poll.wait(timeoutNanoseconds: left)
            notifier.drain()
        }
    }

    struct TimedOut: Error {}
}

extension Array where Element == Double {
    /// Median, 95th percentile and maximum of times in ms, and their sum in s.
    var summary: String {
        let sorted = self.sorted()
        func at(_ fraction: Double) -> Double { sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * fraction))] }
        func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
        return "median \(ms(at(0.5))), p95 \(ms(at(0.95))), max \(ms(sorted.last ?? 0)); "
            + String(format: "%d cycles in %.1f s", count, reduce(0, +) / 1000)
    }
}
