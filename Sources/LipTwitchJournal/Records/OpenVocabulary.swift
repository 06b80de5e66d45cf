/// A value from a vocabulary that later minor versions may extend (an episode kind, a
/// device event, a gap reason): the known values have names, and a value this version does
/// not know is kept as it was read rather than rejected.
public protocol OpenVocabulary: RawRepresentable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension OpenVocabulary {
    public var description: String { rawValue }
}
