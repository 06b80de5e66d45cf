import LipTwitchJournal
import Testing

/// FNV-1a against the published test values (the empty string and "a").
@Suite struct FNV1aTests {
    @Test func matchesThePublishedValues() {
        #expect(FNV1a.hash([UInt8]()) == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hex(Array("a".utf8)) == "af63dc4c8601ec8c")
    }
}
