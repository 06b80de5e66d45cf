import LipTwitchCapture
import LipTwitchSystem

/// A capture file's events one at a time, read in chunks (memory stays small however long
/// the capture), with errors phrased for the person who named the file.
struct CaptureFileReader: ~Copyable {
    private var source: ByteSource
    private var decoder = CaptureDecoder()
    private var chunk: [UInt8] = []
    private var offset = 0
    private var exhausted = false
    let name: String

    init(path: String) throws(SystemError) {
        source = try ByteSource(path: path)
        name = path == "-" ? "standard input" : path
    }

    var header: CaptureHeader? { decoder.header }
    var skippedRecords: Int { decoder.skippedRecords }

    /// The next event; nil at the end of the file.
    mutating func next() throws(CapturePlayback.Failure) -> CaptureEvent? {
        while true {
            var input = chunk[offset...]
            do {
                if let event = try decoder.decode(&input) {
                    offset = input.startIndex
                    return event
                }
            } catch {
                throw CapturePlayback.Failure(description: error.sentence(for: name))
            }
            guard !exhausted else { return nil }
            chunk.removeAll(keepingCapacity: true)
            offset = 0
            do {
                exhausted = try !source.readChunk { chunk.append(contentsOf: $0) }
            } catch {
                throw CapturePlayback.Failure(description: "\(error)")
            }
        }
    }

    /// How the capture ended, once `next()` returned nil.
    func ending() throws(CapturePlayback.Failure) -> CaptureEnding {
        do {
            return try decoder.finish()
        } catch {
            throw CapturePlayback.Failure(description: error.sentence(for: name))
        }
    }
}
