import LipTwitchDetector

/// The item under way in a generated recording, adding itself to each frame until it is
/// over. At most one is under way at a time: a scenario's items never overlap.
enum Voice {
    case muscle(MuscleActivity)
    case pop(ElectrodePop)
    case cableMotion(CableMotion)
    case leadOff(LeadOffSpell)
    case saturation(SaturatingSwing)
    case accelerationTwitch(AccelerationTwitch)
    case accelerationTremor(AccelerationTremor)
    case walking(Walking)
    case headMotion(HeadMotion)
    /// Nothing: only held for a moment while a payload is mutated in place.
    case idle

    /// Adds this item's contribution at `sample` to `frame`; false once it is over (then
    /// it added nothing).
    mutating func render(sample: Int, into frame: inout GeneratedFrame, random: inout SignalRandom) -> Bool {
        switch self {
        case .muscle(var activity):
            self = .idle  // so that the payload's storage is uniquely referenced
            defer { self = .muscle(activity) }
            guard let value = activity.next(sample: sample, random: &random) else { return false }
            frame.addMuscle(value, channel: activity.channel)
        case .pop(let pop):
            guard let value = pop.next(sample: sample) else { return false }
            frame.values[pop.channel] += value
        case .cableMotion(var motion):
            guard let value = motion.next(sample: sample, random: &random) else { return false }
            self = .cableMotion(motion)
            frame.values[motion.channel] += value
        case .leadOff(let spell):
            guard let state = spell.next(sample: sample) else { return false }
            if state.isOff { frame.railed[spell.channel] = true }
            frame.values[spell.channel] += state.offset
        case .saturation(let swing):
            guard let value = swing.next(sample: sample) else { return false }
            frame.values[swing.channel] += value
        case .accelerationTwitch(var twitch):
            guard let value = twitch.next(sample: sample) else { return false }
            self = .accelerationTwitch(twitch)
            frame.addAcceleration(value)
        case .accelerationTremor(var tremor):
            guard let value = tremor.next(sample: sample, random: &random) else { return false }
            self = .accelerationTremor(tremor)
            frame.addAcceleration(value)
        case .walking(let walking):
            guard let value = walking.next(sample: sample) else { return false }
            frame.addAcceleration(value)
        case .headMotion(let motion):
            guard let value = motion.next(sample: sample) else { return false }
            frame.addAcceleration(value)
        case .idle:
            return false
        }
        return true
    }

    /// The ground truth of this item (nil when a muscle item never fired a unit).
    var truth: TruthEvent? {
        switch self {
        case .muscle(let activity): activity.truth
        case .pop(let pop): pop.truth
        case .cableMotion(let motion): motion.truth
        case .leadOff(let spell): spell.truth
        case .saturation(let swing): swing.truth
        case .accelerationTwitch(let twitch): twitch.truth
        case .accelerationTremor(let tremor): tremor.truth
        case .walking(let walking): walking.truth
        case .headMotion(let motion): motion.truth
        case .idle: nil
        }
    }
}
