import Benchmark
import LipTwitchJournal
import SyntheticJournal

/// The journal codec alone: decoding and encoding a week of synthetic records (about
/// 6 000 lines, mostly episodes), and the line splitter over the same bytes.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(5),
        maxIterations: 1_000)

    var journal = SyntheticJournal(seed: 1)
    let records = (0..<7).flatMap { journal.day($0) }
    let lines = records.map { Array($0.jsonLine.utf8) }
    let bytes: [UInt8] = lines.flatMap { $0 + [UInt8(ascii: "\n")] }

    Benchmark("decode \(lines.count) journal lines (\(bytes.count) bytes)") { benchmark in
        var decoder = JournalLineDecoder()
        for _ in benchmark.scaledIterations {
            var decoded = 0
            for line in lines {
                if case .record = line.withUnsafeBytes({ decoder.decode($0) }) { decoded += 1 }
            }
            blackHole(decoded)
        }
    }

    Benchmark("split \(bytes.count) bytes into lines") { benchmark in
        for _ in benchmark.scaledIterations {
            var splitter = LineSplitter()
            var count = 0
            bytes.withUnsafeBytes { splitter.feed($0) { _ in count += 1 } }
            blackHole(count)
        }
    }

    Benchmark("encode \(records.count) journal records") { benchmark in
        for _ in benchmark.scaledIterations {
            var total = 0
            for record in records { total += record.jsonLine.utf8.count }
            blackHole(total)
        }
    }
}
