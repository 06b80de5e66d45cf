import Benchmark
import JournalSynthesis
import LipTwitchJournal

/// The journal codec alone: decoding and encoding a week of the heavy twitcher's journal
/// (`SyntheticJournal.heavy`: about 6 700 records, mostly episodes), in full and as the
/// report reads it (`RecordDetail.summary`), and the line splitter over the same bytes.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(5),
        maxIterations: 1_000)

    var records: [JournalRecord] = []
    SyntheticJournal.heavy(firstDay: CivilDate(year: 2025, month: 1, day: 1)!, days: 7, seed: 1).forEachRecord {
        records.append($0)
    }
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

    Benchmark("decode \(lines.count) journal lines, summary detail") { benchmark in
        var decoder = JournalLineDecoder()
        for _ in benchmark.scaledIterations {
            var decoded = 0
            for line in lines {
                if case .record = line.withUnsafeBytes({ decoder.decode($0, detail: .summary) }) { decoded += 1 }
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
