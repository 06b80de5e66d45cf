import JSONLines
import LipTwitchJournal

/// One FHIR `Coding`: a code in a code system, with its display. The FHIR export gives a
/// concept the standard coding first, where one is confirmed, then LipTwitch's own, so that
/// importers matching either keep working (docs/REPORT.md, "FHIR codes", cites the source of
/// each standard code).
public struct FHIRCoding: Sendable, Hashable {
    public let system: String
    public let code: String
    public let display: String

    public init(system: String, code: String, display: String) {
        self.system = system
        self.code = code
        self.display = display
    }

    /// The code systems of the standard codes used.
    public static let snomed = "http://snomed.info/sct"
    public static let loinc = "http://loinc.org"
    public static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"

    /// SNOMED CT 26079004, Tremor: the code of a tremor episode.
    public static let tremor = FHIRCoding(system: snomed, code: "26079004", display: "Tremor")
    /// LOINC 51855-5, Patient Note: a note authored by the person, the code of a note.
    public static let patientNote = FHIRCoding(system: loinc, code: "51855-5", display: "Patient Note")
    /// The FHIR observation category `procedure` (non-interventional procedures such as
    /// electrodiagnostics): the category of an episode.
    public static let procedureCategory = FHIRCoding(system: observationCategory, code: "procedure", display: "Procedure")

    /// The standard coding of an episode of `kind`; nil where none is confirmed (a twitch:
    /// docs/REPORT.md says why).
    public static func episode(_ kind: EpisodeRecord.Kind) -> FHIRCoding? {
        kind == .tremor ? tremor : nil
    }

    var json: JSONObject {
        var coding = JSONObject()
        coding.add("system", system)
        coding.add("code", code)
        coding.add("display", display)
        return coding
    }
}
