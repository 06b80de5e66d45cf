import LipTwitchProtocol
import Testing

@Suite("CRC-32C")
struct CRC32CTests {
    /// Bit by bit, straight from PROTOCOL.md section 2.3: the reference for the tables.
    static func bitwiseCRC(_ bytes: [UInt8]) -> UInt32 {
        var crc = UInt32.max
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    @Test func checkValueOfTheSpec() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func emptyInput() {
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    @Test(arguments: [1, 2, 3]) func matchesTheBitwiseDefinitionAtEveryLengthAndAlignment(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let bytes = random.bytes(1100)
        for length in 0...100 {
            for start in 0..<16 {
                let slice = bytes[start..<start + length]
                #expect(CRC32C.checksum(slice) == Self.bitwiseCRC(Array(slice)))
            }
        }
        #expect(CRC32C.checksum(bytes) == Self.bitwiseCRC(bytes))
    }

    @Test func sequencesThatAreNotContiguous() {
        let bytes = (0..<300).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(CRC32C.checksum(bytes) == Self.bitwiseCRC(Array(bytes)))
    }

    @Test func rawBufferOverload() {
        let bytes: [UInt8] = Array("123456789".utf8)
        #expect(bytes.withUnsafeBytes { CRC32C.checksum($0) } == 0xE306_9283)
    }

    /// Every frame of `Firmware-Protocol/vectors/vectors.txt` that must decode ends with the
    /// CRC of the bytes before it; every one dropped for its CRC does not.
    @Test func theProtocolVectorsCRCs() throws {
        var checked = 0
        for vector in TestVector.all {
            let expectMatch: Bool
            switch vector.expectation {
            case .message: expectMatch = true
            case .invalid("crc"): expectMatch = false
            case .invalid: continue
            }
            let frame = try #require(COBS.decode(vector.frame.dropLast()), "\(vector.name)")
            let crcOffset = frame.count - ProtocolConstants.crcLength
            let written = frame[crcOffset...].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect((CRC32C.checksum(frame[..<crcOffset]) == written) == expectMatch, "\(vector.name)")
            checked += 1
        }
        #expect(checked >= 67)
    }
}
