/// Finds the mains frequency in an EMG signal and keeps checking it.
///
/// Over each one-second block (a whole number of cycles of both 50 and 60 Hz) it
/// measures the power at 50 Hz, at 60 Hz and, as a reference for the noise around them,
/// at 45, 55 and 65 Hz (Goertzel). A block votes for 50 or 60 Hz when that power is at
/// least 10 times the references' mean and 4 times the other; `votesToDecide` votes in a
/// row for the same frequency decide it, and as many in a row for the other frequency
/// later switch to it. Until the first decision, `frequency` is nil (the caller then
/// notches both). A search given `searchSeconds` is over when that many blocks passed
/// without a decision (`isSearchOver`: there is no hum to remove); the tracker goes on
/// listening, and hum that comes later is decided as before.
///
/// One reference and two votes were not enough: in white noise a block voted once in
/// 16, two votes in a row came about 15 times an hour, and a recording with no hum at all
/// (the clean and near-floor scenarios) was now and then taken for 50 or 60 Hz. With
/// three references and three votes, a simulation of white noise gives one such
/// decision in more than a hundred hours; hum is still found within 3 s.
struct MainsTracker: Sendable {
    /// Votes in a row that decide a frequency.
    static let votesToDecide = 3

    private var at50: Goertzel
    private var at60: Goertzel
    private var references: (Goertzel, Goertzel, Goertzel)
    private let blockLength: Int
    private var position = 0
    private var lastVote: Double?
    private var votesInRow = 0
    /// Blocks without a decision that end the search (nil: it never ends).
    private let searchBlocks: Int?
    private var blocks = 0
    /// The mains frequency found, in Hz, or nil while undecided.
    private(set) var frequency: Double?

    /// True once `searchSeconds` passed without a decision, until one comes.
    var isSearchOver: Bool { frequency == nil && searchBlocks.map { blocks >= $0 } ?? false }

    /// `searchSeconds`: how long to look for hum before `isSearchOver` (nil or infinite:
    /// the search never ends).
    init(sampleRate: Double, searchSeconds: Double?) {
        at50 = Goertzel(frequency: 50, sampleRate: sampleRate)
        at60 = Goertzel(frequency: 60, sampleRate: sampleRate)
        references = (Goertzel(frequency: 45, sampleRate: sampleRate), Goertzel(frequency: 55, sampleRate: sampleRate),
                      Goertzel(frequency: 65, sampleRate: sampleRate))
        blockLength = max(1, Int(sampleRate.rounded()))
        searchBlocks = searchSeconds.flatMap { $0.isFinite ? max(1, Int($0.rounded(.up))) : nil }
    }

    /// Adds a sample (high-passed, not yet notched); true when the decision changed or
    /// the search just ended.
    @inline(__always)
    mutating func add(_ x: Double) -> Bool {
        at50.add(x)
        at60.add(x)
        references.0.add(x)
        references.1.add(x)
        references.2.add(x)
        position += 1
        guard position == blockLength else { return false }
        position = 0
        blocks += 1
        let decided = count(vote())
        return decided || (frequency == nil && blocks == searchBlocks)
    }

    /// The block's vote, at its end.
    private mutating func vote() -> Double? {
        let p50 = at50.takePower(), p60 = at60.takePower()
        let noise = (references.0.takePower() + references.1.takePower() + references.2.takePower()) / 3
        if p50 > 10 * noise, p50 > 4 * p60 { return 50 }
        if p60 > 10 * noise, p60 > 4 * p50 { return 60 }
        return nil
    }

    /// Counts a block's vote; true when it decides a new frequency.
    private mutating func count(_ vote: Double?) -> Bool {
        votesInRow = vote == nil ? 0 : vote == lastVote ? votesInRow + 1 : 1
        lastVote = vote
        guard let vote, votesInRow == Self.votesToDecide, vote != frequency else { return false }
        frequency = vote
        return true
    }
}
