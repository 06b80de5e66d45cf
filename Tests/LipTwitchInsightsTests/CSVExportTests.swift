import Foundation
import LipTwitchInsights
import LipTwitchJournal
import Testing

/// The CSV export's cluster columns: an episode's clusters and the size of its largest,
/// where the journal says them (format 1.1), and empty where it does not.
@Suite struct CSVExportTests {
    static func row(clusters: Int?, largest: Int?) throws -> [String: String] {
        let record = ClusteredEpisode.record(clusters: clusters, largest: largest)
        let fields = try #require(CSVExport.row(record)).split(separator: ",", omittingEmptySubsequences: false)
        try #require(fields.count == CSVExport.columns.count)
        return Dictionary(uniqueKeysWithValues: zip(CSVExport.columns, fields.map(String.init)))
    }

    @Test func anEpisodeSaysItsClustersAndTheSizeOfItsLargest() throws {
        let row = try Self.row(clusters: 2, largest: 3)
        #expect(row["clusters"] == "2" && row["largest_cluster"] == "3")
        #expect(row["twitch_count"] == "5" && row["peak"] == "90.000", "the columns after them are where they belong")
    }

    @Test func aRecordWithoutClustersLeavesTheirColumnsEmpty() throws {
        let row = try Self.row(clusters: nil, largest: nil)
        #expect(row["clusters"] == "" && row["largest_cluster"] == "")
        #expect(try Self.row(clusters: 0, largest: nil)["clusters"] == "0")
    }
}
