import LipTwitchJournal

/// A trigger planted in a synthetic journal: notes with a tag, and a rate ratio the
/// episode rate takes for a while after each (1 plants nothing: notes without an effect).
public struct PlantedTrigger: Sendable {
    public var tag: String
    /// Mean notes per day (Poisson).
    public var notesPerDay: Double
    /// How long the effect lasts after a note.
    public var effectHours: Double
    /// The episode rate is multiplied by this during the effect.
    public var rateRatio: Double
    public var amount: NoteRecord.Amount?
    /// Local hours the notes fall in; nil: from an hour before the sensor is put on to an
    /// hour before it comes off.
    public var hours: Range<Double>?

    public init(
        tag: String, notesPerDay: Double, effectHours: Double, rateRatio: Double, amount: NoteRecord.Amount? = nil,
        hours: Range<Double>? = nil
    ) {
        self.tag = tag
        self.hours = hours
        self.notesPerDay = notesPerDay
        self.effectHours = effectHours
        self.rateRatio = rateRatio
        self.amount = amount
    }
}
