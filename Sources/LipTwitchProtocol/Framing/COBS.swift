/// Consistent Overhead Byte Stuffing (PROTOCOL.md section 2.2): rewrites a frame so that it
/// holds no `0x00`, which leaves `0x00` free to delimit frames on the wire.
///
/// These functions handle one encoded frame without its delimiter.
public enum COBS {
    /// The longest encoding of `length` bytes: one code byte per started 254 bytes, and
    /// one for empty input.
    public static func maxEncodedLength(ofDecodedLength length: Int) -> Int {
        length + max(1, (length + 253) / 254)
    }

    /// Appends the COBS encoding of `bytes` (no delimiter) to `output`. A frame that ends
    /// exactly at the end of a 255 block gets no empty block after it.
    @inlinable
    public static func encode(_ bytes: some Collection<UInt8>, into output: inout [UInt8]) {
        if bytes.withContiguousStorageIfAvailable({ encode(UnsafeRawBufferPointer($0), into: &output) }) == nil {
            Array(bytes).withUnsafeBytes { encode($0, into: &output) }
        }
    }

    /// Appends the COBS encoding of the bytes `bytes` points at (no delimiter) to `output`.
    public static func encode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        var codeIndex = output.count
        output.append(0)  // the code byte, written once the block is complete
        for index in bytes.indices {
            let byte = bytes[index]
            if byte != 0 { output.append(byte) }
            let blockIsFull = output.count - codeIndex == Int(UInt8.max)
            let moreFollows = index + 1 < bytes.count
            if byte == 0 || (blockIsFull && moreFollows) {
                output[codeIndex] = UInt8(output.count - codeIndex)
                codeIndex = output.count
                output.append(0)
            }
        }
        output[codeIndex] = UInt8(output.count - codeIndex)
    }

    /// Decodes one encoded frame, or returns nil when it is not valid COBS: it holds a
    /// `0x00`, or a code byte points past its end. A trailing `01` block is accepted.
    public static func decode(_ encoded: some Collection<UInt8>) -> [UInt8]? {
        var bytes = Array(encoded)
        guard !bytes.contains(0),
              let decodedLength = bytes.withUnsafeMutableBytes({ decodeInPlace($0) })
        else { return nil }
        bytes.removeLast(bytes.count - decodedLength)
        return bytes
    }

    /// Decodes the encoded frame in `buffer` in place (the decoded bytes never overtake the
    /// encoded ones) and returns the decoded length, or nil when a code byte is `0x00` or
    /// points past the end. The caller guarantees that no data byte is `0x00`.
    static func decodeInPlace(_ buffer: UnsafeMutableRawBufferPointer) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        var read = 0
        var write = 0
        while read < buffer.count {
            let code = Int(buffer[read])
            let blockEnd = read + code
            guard code != 0, blockEnd <= buffer.count else { return nil }
            (base + write).copyMemory(from: base + read + 1, byteCount: code - 1)
            write += code - 1
            read = blockEnd
            if code < Int(UInt8.max), read < buffer.count {
                buffer[write] = 0
                write += 1
            }
        }
        return write
    }
}
