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
              let decodedLength = bytes.withUnsafeMutableBytes({ decode(UnsafeRawBufferPointer($0), into: $0.baseAddress!) })
        else { return nil }
        bytes.removeLast(bytes.count - decodedLength)
        return bytes
    }

    /// Decodes the encoded frame `encoded` to `output`, which has room for
    /// `encoded.count - 1` bytes and may be `encoded`'s own first byte (the decoded bytes
    /// never overtake the encoded ones), and returns the decoded length; nil when a code
    /// byte is `0x00` or points past the end. The caller guarantees that no data byte is
    /// `0x00`.
    ///
    /// Without a full block (a code of `0xFF` before the last one), the decoded frame is
    /// the encoding moved down by one byte with the code bytes turned into zeros: one copy,
    /// then a zero per block.
    static func decode(_ encoded: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) -> Int? {
        guard let source = encoded.baseAddress, encoded.count > 0 else { return 0 }
        let count = encoded.count
        var position = 0
        var hasFullBlock = false
        while position < count {
            let code = Int(source.load(fromByteOffset: position, as: UInt8.self))
            guard code != 0 else { return nil }
            position += code
            hasFullBlock = hasFullBlock || (code == Int(UInt8.max) && position < count)
        }
        guard position == count else { return nil }
        if hasFullBlock { return decodeBlockByBlock(encoded, into: output) }
        position = Int(source.load(as: UInt8.self))
        // Decoding in place moves the code bytes too: each then lies one byte lower. Reading
        // them from `encoded` otherwise spares loads that wait on the copy's stores.
        let codes = source == UnsafeRawPointer(output) ? UnsafeRawPointer(output) - 1 : source
        output.copyMemory(from: source + 1, byteCount: count - 1)
        // Every code byte but the first marks a zero, one byte lower in the output.
        while position < count {
            let code = Int(codes.load(fromByteOffset: position, as: UInt8.self))
            output.storeBytes(of: 0, toByteOffset: position - 1, as: UInt8.self)
            position += code
        }
        return count - 1
    }

    /// The general case of `decode(_:into:)`, for frames with full blocks: one copy per block.
    private static func decodeBlockByBlock(_ encoded: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) -> Int {
        let source = encoded.baseAddress!
        var read = 0
        var write = 0
        while read < encoded.count {
            let code = Int(source.load(fromByteOffset: read, as: UInt8.self))
            (output + write).copyMemory(from: source + read + 1, byteCount: code - 1)
            write += code - 1
            read += code
            if code < Int(UInt8.max), read < encoded.count {
                output.storeBytes(of: 0, toByteOffset: write, as: UInt8.self)
                write += 1
            }
        }
        return write
    }
}
