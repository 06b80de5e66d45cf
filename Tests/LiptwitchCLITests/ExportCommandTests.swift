import Foundation
import JournalSynthesis
import LipTwitchJournal
import Testing
import TestSupport

/// `liptwitch export`: CSV with the documented columns, and a FHIR Bundle that
/// fhir.resources' R4B models accept (run through the tests' Python environment).
@Suite struct ExportCommandTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func journal(in directory: TemporaryDirectory) throws -> String {
        var journal = SyntheticJournal(firstDay: CivilDate(year: 2026, month: 10, day: 1)!, days: 3, seed: 9)
        journal.sites = [("upper-left", 1), ("right-cheek", 1)]
        journal.triggers = [
            PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 2, amount: NoteRecord.Amount(value: 80, unit: "mg"))
        ]
        journal.notes = [PlantedNote(day: 1, hour: 12, tags: ["stress"], text: "deadline, \"urgent\"")]
        journal.tremorDays = [2]
        let path = directory.path + "/journal"
        try SyntheticJournalFiles.write(journal, to: path)
        return path
    }

    @Test func csvHasTheDocumentedColumnsAndARowPerEpisodeAndNote() throws {
        let directory = try TemporaryDirectory()
        let journal = try Self.journal(in: directory)
        let result = try LiptwitchProcess.run(["export", "--format", "csv", "--journal", journal])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.outputLines
        #expect(lines.first == "record,id,start,end,local_date,local_hour,duration_s,kind,twitch_count,clusters,"
            + "largest_cluster,peak,rms,unit,"
            + "dominant_hz,confidence,truncated,sensor,channel,placement,side,region,text,tags,amount,amount_unit")
        let rows = lines.dropFirst()
        #expect(rows.filter { $0.hasPrefix("episode,") }.count > 20)
        #expect(rows.contains { $0.hasPrefix("episode,") && $0.contains(",tremor,") })
        #expect(rows.contains { $0.contains(",right-cheek,right,cheek,") })
        #expect(rows.contains { $0.hasPrefix("note,") && $0.hasSuffix(",caffeine,caffeine,80.000,mg") })
        #expect(rows.contains { $0.hasSuffix(",\"deadline, \"\"urgent\"\"\",stress,,") })
        #expect(rows.allSatisfy { $0.hasPrefix("episode,") || $0.hasPrefix("note,") })
    }

    @Test func fhirIsAValidR4BundleWithAnObservationPerEpisode() throws {
        let directory = try TemporaryDirectory()
        let journal = try Self.journal(in: directory)
        let bundle = directory.path + "/bundle.json"
        let result = try LiptwitchProcess.run(["export", "--format", "fhir", "--journal", journal, "--out", bundle])
        #expect(result.status == 0, "\(result.standardError)")
        let csv = try LiptwitchProcess.run(["export", "--format", "csv", "--journal", journal])
        let episodes = csv.outputLines.filter { $0.hasPrefix("episode,") }.count
        let notes = csv.outputLines.filter { $0.hasPrefix("note,") }.count

        let python = Self.repositoryRoot.appendingPathComponent(".build-venv/bin/python")
        try #require(
            FileManager.default.isExecutableFile(atPath: python.path),
            "the tests' Python environment is missing (\(python.path)): run scripts/python-env, then the tests again")
        let validation = try LiptwitchProcess.run(
            [Self.repositoryRoot.appendingPathComponent("Tests/Fixtures/validate_fhir.py").path, bundle], program: python)
        #expect(validation.status == 0, "\(validation.outputLines) \(validation.standardError)")
        let facts = try #require(
            try JSONSerialization.jsonObject(with: validation.standardOutput) as? [String: Any])
        #expect(facts["type"] as? String == "collection")
        #expect(facts["episodes"] as? Int == episodes)
        #expect(facts["with_device"] as? Int == episodes)
        #expect(facts["with_body_site"] as? Int == episodes)
        #expect((facts["resources"] as? [String: Int]) == ["Observation": episodes + notes, "Device": 1])
        #expect(facts["component_codes"] as? [String] == [
            "dominant-frequency", "duration", "peak-amplitude", "rms-amplitude", "twitch-count",
        ])
        // Standard codings first where confirmed (docs/REPORT.md, "FHIR codes"), the own after.
        #expect(facts["codings"] as? [String] == [
            "http://loinc.org#51855-5 urn:liptwitch:code#note",
            "http://snomed.info/sct#26079004 urn:liptwitch:code#lip-twitch-episode",
            "urn:liptwitch:code#lip-twitch-episode",
        ])
        #expect(facts["categories"] as? [String] == ["http://terminology.hl7.org/CodeSystem/observation-category#procedure"])
    }

    @Test func anUnknownFormatGetsOneClearSentence() throws {
        let result = try LiptwitchProcess.run(["export", "--format", "xml"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("unknown format 'xml'; choose csv or fhir."))
    }
}
