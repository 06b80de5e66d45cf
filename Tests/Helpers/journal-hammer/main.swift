// journal-hammer: a test helper (not part of the product) that writes the journal through
// the real store as fast as it can, for the tests that kill it, limit it or fill its disk.
//
//   journal-hammer append DIR TAG COUNT SEED
//       appends COUNT notes "TAG <n>" (0: until killed), some small and some up to 128 KiB
//       (sizes from SEED), and prints "<n>" on standard output after each one is written.
//   journal-hammer writer DIR efbig
//       the daemon's JournalWriter against RLIMIT_FSIZE: one note, then a file size limit
//       just above the file, six notes that fail (EFBIG; the backlog holds 4), the limit
//       lifted, a retry. Prints the writer's status after each step as JSON lines.
//   journal-hammer writer DIR enospc FILLER
//       the same against a full disk: FILLER is grown until the disk is full, then removed.
import Foundation
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSignals
import LipTwitchSystem
import TestSupport

let arguments = CommandLine.arguments
let stamper = RecordStamper(tool: "journal-hammer", version: "0", clock: PinnedClock.at())

func say(_ text: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
}

func note(_ text: String) -> JournalRecord {
    stamper.record(.note(NoteRecord(text: text, tags: ["hammer"], at: stamper.clock.now())))
}

func report(_ step: String, _ status: JournalWriter.Status) {
    let error = status.error.map { "\"\($0.description.replacingOccurrences(of: "\"", with: "'"))\"" } ?? "null"
    say("{\"step\":\"\(step)\",\"written\":\(status.written),\"pending\":\(status.pending),"
        + "\"dropped\":\(status.droppedTotal),\"error\":\(error)}")
}

do {
    switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
    case (6, "append"):
        let store = try JournalStore(directory: arguments[2])
        let count = Int(arguments[4])!
        var random = SignalRandom(seed: UInt64(arguments[5])!)
        var index = 0
        while count == 0 || index < count {
            index += 1
            let size = Double.random(in: 0..<1, using: &random) < 0.7 ? 200 : Int.random(in: 16_384...131_072, using: &random)
            try store.append(note("\(arguments[3]) \(index) " + String(repeating: "x", count: size)))
            say("\(index)")
        }
    case (4, "writer") where arguments[3] == "efbig", (5, "writer") where arguments[3] == "enospc":
        let directory = arguments[2]
        let writer = JournalWriter(store: try JournalStore(directory: directory), stamper: stamper, backlogCapacity: 4)
        report("first", writer.append(note("before the limit")))
        var restore: () -> Void
        if arguments[3] == "efbig" {
            let file = try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".jsonl") }!
            let size = try FileManager.default.attributesOfItem(atPath: directory + "/" + file)[.size] as! Int
            let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
            var original = rlimit()
            precondition(getrlimit(resource, &original) == 0)
            var limit = original
            limit.rlim_cur = rlim_t(size + 100)
            precondition(setrlimit(resource, &limit) == 0)
            restore = { precondition(setrlimit(resource, &original) == 0) }
        } else {
            let filler = arguments[4]
            let handle = FileManager.default.createFile(atPath: filler, contents: nil) ? FileHandle(forWritingAtPath: filler)! : nil
            let block = Data(count: 4096)
            while (try? handle?.write(contentsOf: block)) != nil {}
            try? handle?.close()
            restore = { try? FileManager.default.removeItem(atPath: filler) }
        }
        for index in 1...6 { report("failing \(index)", writer.append(note("while failing \(index) " + String(repeating: "y", count: 5000)))) }
        report("retry while failing", writer.retry())
        restore()
        report("retry", writer.retry())
    default:
        FileHandle.standardError.write(Data("usage: see Tests/Helpers/journal-hammer/main.swift\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("journal-hammer: \(error)\n".utf8))
    exit(1)
}
