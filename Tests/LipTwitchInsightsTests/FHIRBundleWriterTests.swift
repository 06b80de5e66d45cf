import Foundation
import JournalSynthesis
import LipTwitchInsights
import LipTwitchJournal
import Testing

/// The FHIR export's codes: the standard coding first where one is confirmed (SNOMED CT
/// for a tremor episode, LOINC for a note, the FHIR category of an episode), LipTwitch's
/// own after it, and LipTwitch's own alone everywhere else (docs/REPORT.md, "FHIR codes").
@Suite struct FHIRBundleWriterTests {
    static let ownSystem = "urn:liptwitch:code"

    /// Two days with twitches at two sites, tremor on the second, a note on each.
    static var journal: SyntheticJournal {
        var journal = Journals.plain(days: 2, seed: 5)
        journal.sites = [("upper-left", 1), ("right-cheek", 1)]
        journal.tremorDays = [1]
        journal.notes = [
            PlantedNote(day: 0, hour: 9, tags: ["caffeine"], text: "second coffee"),
            PlantedNote(day: 1, hour: 12, tags: [], text: "long meeting"),
        ]
        return journal
    }

    static func bundle(_ journal: SyntheticJournal) -> String {
        var writer = FHIRBundleWriter()
        var text = writer.opening(
            id: UUID(uuidString: "3f2a9c1e-0b7d-4e55-9a31-6c2d8f40b7a1")!, timestamp: journal.time(day: journal.days, hours: 0))
        journal.forEachRecord { text += writer.entries(for: $0).joined() }
        return text + writer.closing
    }

    /// The bundle's Observations: episodes (with an effectivePeriod) and notes.
    static func observations(_ bundle: String) throws -> (episodes: [[String: Any]], notes: [[String: Any]]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bundle.utf8)) as? [String: Any])
        let entries = try #require(object["entry"] as? [[String: Any]])
        let resources = entries.compactMap { $0["resource"] as? [String: Any] }
            .filter { $0["resourceType"] as? String == "Observation" }
        return (resources.filter { $0["effectivePeriod"] != nil }, resources.filter { $0["effectivePeriod"] == nil })
    }

    /// A CodeableConcept's codings as `system#code`, in order.
    static func codings(_ concept: Any?) -> [String] {
        let codings = (concept as? [String: Any])?["coding"] as? [[String: Any]] ?? []
        return codings.map { "\($0["system"] as? String ?? "")#\($0["code"] as? String ?? "")" }
    }

    @Test func aTremorEpisodeCarriesSnomedTremorBeforeTheOwnCode() throws {
        let episodes = try Self.observations(Self.bundle(Self.journal)).episodes
        let tremor = episodes.filter { ($0["code"] as? [String: Any])?["text"] as? String == "Lip twitch episode (tremor)" }
        try #require(!tremor.isEmpty)
        for episode in tremor {
            #expect(Self.codings(episode["code"]) == ["http://snomed.info/sct#26079004", "\(Self.ownSystem)#lip-twitch-episode"])
        }
    }

    @Test func aTwitchEpisodeKeepsTheOwnCodeAlone() throws {
        let episodes = try Self.observations(Self.bundle(Self.journal)).episodes
        let twitch = episodes.filter { ($0["code"] as? [String: Any])?["text"] as? String == "Lip twitch episode (twitch)" }
        try #require(twitch.count > 10)
        for episode in twitch {
            #expect(Self.codings(episode["code"]) == ["\(Self.ownSystem)#lip-twitch-episode"])
        }
    }

    @Test func everyEpisodeIsInTheProcedureCategoryWithItsComponentsAndSiteInTheOwnSystems() throws {
        let episodes = try Self.observations(Self.bundle(Self.journal)).episodes
        for episode in episodes {
            let categories = (episode["category"] as? [Any] ?? []).map { Self.codings($0) }
            #expect(categories == [["http://terminology.hl7.org/CodeSystem/observation-category#procedure"]])
            let components = (episode["component"] as? [[String: Any]] ?? []).map { Self.codings($0["code"]) }
            #expect(components == [
                "twitch-count", "peak-amplitude", "rms-amplitude", "duration", "dominant-frequency",
            ].map { ["\(Self.ownSystem)#\($0)"] })
            #expect(Self.codings(episode["bodySite"]).allSatisfy { $0.hasPrefix("urn:liptwitch:placement#") })
        }
    }

    @Test func anEpisodeThatSaysItsClustersCarriesThemAsComponents() throws {
        func components(clusters: Int?, largest: Int?) throws -> [String: Int] {
            var writer = FHIRBundleWriter()
            // The sensor's Device first, then the episode's Observation, each after ",\n" but the first.
            let entry = try #require(writer.entries(for: ClusteredEpisode.record(clusters: clusters, largest: largest)).last)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(entry.drop { $0 == "," || $0 == "\n" }.utf8)) as? [String: Any])
            let resource = try #require(object["resource"] as? [String: Any])
            let list = resource["component"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: list.compactMap { component in
                guard let code = Self.codings(component["code"]).first, let value = component["valueInteger"] as? Int else {
                    return nil
                }
                return (code, value)
            })
        }
        let said = try components(clusters: 2, largest: 3)
        #expect(said["\(Self.ownSystem)#cluster-count"] == 2 && said["\(Self.ownSystem)#largest-cluster"] == 3)
        #expect(said["\(Self.ownSystem)#twitch-count"] == 5)
        let unsaid = try components(clusters: nil, largest: nil)
        #expect(unsaid["\(Self.ownSystem)#cluster-count"] == nil && unsaid["\(Self.ownSystem)#largest-cluster"] == nil)
    }

    @Test func aNoteCarriesLoincPatientNoteBeforeTheOwnCodeAndItsTagsAsOwnCategories() throws {
        let notes = try Self.observations(Self.bundle(Self.journal)).notes
        try #require(notes.count == 2)
        for note in notes {
            #expect(Self.codings(note["code"]) == ["http://loinc.org#51855-5", "\(Self.ownSystem)#note"])
        }
        let categories = notes.map { ($0["category"] as? [Any] ?? []).map { Self.codings($0) } }
        #expect(categories == [[["urn:liptwitch:tag#caffeine"]], []])
    }

    @Test func theBundleIsTheSameEveryTime() {
        #expect(Self.bundle(Self.journal) == Self.bundle(Self.journal))
    }
}
