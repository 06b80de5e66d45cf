import Foundation
import LipTwitchProtocol
import Testing

/// The documented line rates (PROTOCOL.md section 1) are the same in the Swift host, which
/// tries them in order, and in the C library's header, which firmware builds with.
@Suite struct LineRateTests {
    @Test func theHostAndTheFirmwareLibraryNameTheSameRatesInTheSameOrder() throws {
        let header = try String(
            contentsOf: TestVector.repositoryRoot.appendingPathComponent("Firmware-Protocol/c/include/liptwitch/protocol.h"),
            encoding: .utf8)
        var rates: [Int] = []
        for line in header.split(separator: "\n") where line.hasPrefix("#define LT_LINE_BAUD_") {
            let words = line.split(separator: " ")
            let value = try #require(words.last.flatMap { Int($0.trimmingCharacters(in: .letters)) }, "\(line)")
            rates.append(value)
        }
        #expect(rates == ProtocolConstants.lineRates)
    }
}
