#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONLines
import LipTwitchJournal

/// The journal as a FHIR R4 Bundle (type `collection`) a clinic system can import, written
/// as it streams: one Observation per episode (effectivePeriod; components for the twitch
/// count, peak and RMS amplitude, duration and dominant frequency; the device; the body
/// site by placement), one Device per sensor, and one Observation per note
/// (docs/REPORT.md, "FHIR"). There is no Patient: the clinic attaches the bundle to its own.
/// A concept with a confirmed SNOMED CT or LOINC code carries that coding first and
/// LipTwitch's own second (`FHIRCoding`); the others carry LipTwitch's own alone.
public struct FHIRBundleWriter: Sendable {
    /// LipTwitch's own code systems (URNs: no web address implied).
    public static let codeSystem = "urn:liptwitch:code"
    public static let placementSystem = "urn:liptwitch:placement"
    public static let tagSystem = "urn:liptwitch:tag"
    public static let serialSystem = "urn:liptwitch:sensor-serial"
    static let ucum = "http://unitsofmeasure.org"
    /// Note amounts whose unit is also its UCUM code.
    static let ucumUnits: Set<String> = ["mg", "g", "ug", "ml", "l", "h", "min", "s", "%"]

    private var devices: Set<String> = []
    private var entries = 0

    public init() {}

    /// The bundle's start, up to its first entry.
    public func opening(id: UUID, timestamp: LocalTime) -> String {
        var bundle = JSONObject()
        bundle.add("resourceType", "Bundle")
        bundle.add("id", id.uuidString.lowercased())
        var meta = JSONObject()
        meta.add("lastUpdated", timestamp.rfc3339)
        bundle.add("meta", meta)
        bundle.add("type", "collection")
        bundle.add("timestamp", timestamp.rfc3339)
        return String(bundle.serialized.dropLast()) + ",\"entry\":[\n"
    }

    /// The entries for a record (a Device before the first episode of each sensor), each a
    /// JSON object with a separating comma where one is needed; none for records that are
    /// not episodes or notes.
    public mutating func entries(for record: JournalRecord) -> [String] {
        var resources: [(String, JSONObject)] = []
        switch record.body {
        case .episode(let episode):
            if let sensor = episode.sensor, devices.insert(sensor).inserted {
                resources.append((Self.deviceID(sensor), device(sensor)))
            }
            resources.append((record.id.uuidString.lowercased(), observation(episode, record)))
        case .note(let note):
            resources.append((record.id.uuidString.lowercased(), observation(note, record)))
        default:
            return []
        }
        return resources.map { id, resource in
            var entry = JSONObject()
            entry.add("fullUrl", "urn:uuid:\(id)")
            entry.add("resource", resource)
            defer { entries += 1 }
            return (entries == 0 ? "" : ",\n") + entry.serialized
        }
    }

    /// The bundle's end.
    public var closing: String { "\n]}\n" }

    private func device(_ sensor: String) -> JSONObject {
        var device = JSONObject()
        device.add("resourceType", "Device")
        device.add("id", Self.deviceID(sensor))
        var identifier = JSONObject()
        identifier.add("system", Self.serialSystem)
        identifier.add("value", sensor)
        device.add("identifier", [identifier])
        device.add("serialNumber", sensor)
        var name = JSONObject()
        name.add("name", "LipTwitch sensor \(sensor)")
        name.add("type", "user-friendly-name")
        device.add("deviceName", [name])
        return device
    }

    private func observation(_ episode: EpisodeRecord, _ record: JournalRecord) -> JSONObject {
        let display = "Lip twitch episode (\(episode.kind))"
        var observation = start(
            record, category: [Self.concept([FHIRCoding.procedureCategory])],
            codings: [FHIRCoding.episode(episode.kind), Self.own("lip-twitch-episode", display)].compactMap { $0 },
            text: display)
        var period = JSONObject()
        period.add("start", episode.start.rfc3339)
        period.add("end", episode.end.rfc3339)
        observation.add("effectivePeriod", period)
        observation.add("issued", record.time.rfc3339)
        if let sensor = episode.sensor {
            var device = JSONObject()
            device.add("reference", "urn:uuid:\(Self.deviceID(sensor))")
            device.add("display", "LipTwitch sensor \(sensor), channel \(episode.channel)")
            observation.add("device", device)
        } else if let recording = episode.recording {
            var note = JSONObject()
            note.add("text", "found in the recording \(recording)")
            observation.add("note", [note])
        }
        let site = FaceSite(placement: episode.placement)
        var bodySite = Self.concept([FHIRCoding(system: Self.placementSystem, code: episode.placement, display: site.words)])
        bodySite.add("text", site.words)
        observation.add("bodySite", bodySite)
        let (unit, ucumCode) = episode.unit == "g" ? ("g", "[g]") : ("µV", "uV")
        var components = [
            component("twitch-count", "Twitches in the episode") { $0.add("valueInteger", episode.twitchCount) },
            component("peak-amplitude", "Peak amplitude") { $0.add("valueQuantity", Self.quantity(episode.peak, unit, ucumCode)) },
            component("rms-amplitude", "RMS amplitude") { $0.add("valueQuantity", Self.quantity(episode.rms, unit, ucumCode)) },
            component("duration", "Duration") { $0.add("valueQuantity", Self.quantity(episode.durationSeconds, "s", "s")) },
            component("dominant-frequency", "Dominant frequency") {
                $0.add("valueQuantity", Self.quantity(episode.dominantFrequencyHz, "Hz", "Hz"))
            },
        ]
        // Where the journal says them (format 1.1): growing clusters are a reason to see a doctor.
        if let clusters = episode.clusters {
            components.append(component("cluster-count", "Clusters of twitches in the episode") { $0.add("valueInteger", clusters) })
        }
        if let largest = episode.largestCluster {
            components.append(
                component("largest-cluster", "Twitches in the episode's largest cluster") {
                    $0.add("valueInteger", largest.twitchCount)
                })
        }
        observation.add("component", components)
        return observation
    }

    private func observation(_ note: NoteRecord, _ record: JournalRecord) -> JSONObject {
        let display = "Note by the person"
        var observation = start(
            record, category: note.tags.map { Self.concept([FHIRCoding(system: Self.tagSystem, code: $0, display: $0)]) },
            codings: [FHIRCoding.patientNote, Self.own("note", display)], text: display)
        observation.add("effectiveDateTime", note.at.rfc3339)
        observation.add("issued", record.time.rfc3339)
        let text = note.text.isEmpty ? note.tags.map { "#\($0)" }.joined(separator: " ") : note.text
        observation.add("valueString", text)
        if let amount = note.amount {
            observation.add("component", [
                component("amount", "Amount") { $0.add("valueQuantity", Self.quantity(amount.value, amount.unit ?? "1", amount.unit.flatMap { Self.ucumUnits.contains($0) ? $0 : nil })) }
            ])
        }
        return observation
    }

    /// An Observation's start: its id, status, categories (left out when there are none) and
    /// code, whose `text` is LipTwitch's words for it.
    private func start(_ record: JournalRecord, category: [JSONObject], codings: [FHIRCoding], text: String) -> JSONObject {
        var observation = JSONObject()
        observation.add("resourceType", "Observation")
        observation.add("id", record.id.uuidString.lowercased())
        observation.add("status", "final")
        if !category.isEmpty { observation.add("category", category) }
        var concept = Self.concept(codings)
        concept.add("text", text)
        observation.add("code", concept)
        return observation
    }

    private func component(_ code: String, _ display: String, _ value: (inout JSONObject) -> Void) -> JSONObject {
        var component = JSONObject()
        component.add("code", Self.concept([Self.own(code, display)]))
        value(&component)
        return component
    }

    /// A coding in LipTwitch's own code system.
    static func own(_ code: String, _ display: String) -> FHIRCoding {
        FHIRCoding(system: codeSystem, code: code, display: display)
    }

    /// A CodeableConcept with these codings, in order (no `text`, which callers add after it).
    static func concept(_ codings: [FHIRCoding]) -> JSONObject {
        var concept = JSONObject()
        concept.add("coding", codings.map(\.json))
        return concept
    }

    static func quantity(_ value: Double, _ unit: String, _ code: String?) -> JSONObject {
        var quantity = JSONObject()
        quantity.add("value", value.isFinite ? value : 0)
        quantity.add("unit", unit)
        if let code {
            quantity.add("system", ucum)
            quantity.add("code", code)
        }
        return quantity
    }

    /// A stable id for a sensor: two FNV-1a hashes of its serial number, as a UUID.
    static func deviceID(_ sensor: String) -> String {
        let high = FNV1a.hash(sensor.utf8)
        let low = FNV1a.hash(sensor.utf8, seed: 0x84222325_CBF29CE4)
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (8 * UInt64($0))) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (8 * UInt64($0))) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] & 0x0F | 0x40, bytes[7],
                           bytes[8] & 0x3F | 0x80, bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14],
                           bytes[15])).uuidString.lowercased()
    }
}
