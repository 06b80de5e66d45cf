/// How a scenario is made: its background, what happens in it and how often, and the
/// quiet gaps between. Every number is a physiological or technical range (DOMAIN.md).
struct ScenarioRecipe {
    var wander = 30.0
    var mainsHz = 50.0
    /// The scenario is about one mains frequency; a varied recording keeps it.
    var mainsIsFixed = false
    /// Hum fundamental, µV (log-uniform per recording); 0...0 for none.
    var hum: ClosedRange<Double> = 0...0
    /// What happens, with relative weights.
    var items: [(item: ScenarioItem, weight: Double)]
    /// Quiet time between two items, s.
    var gap: ClosedRange<Double> = 3...12
    /// Gap between the twitches of a cluster, s.
    var clusterGap: ClosedRange<Double> = 0.3...1.5
    /// Scales twitch amplitudes (below 1: nearer the noise floor).
    var twitchScale = 1.0
    /// The calibration protocol instead of random items.
    var isCalibration = false
    /// The first item, when the scenario must hold one whatever the seed (a tremor
    /// scenario always has its tremor); random items follow.
    var firstItem: ScenarioItem?

    init(_ scenario: Scenario) {
        switch scenario {
        case .clean:
            items = [(.twitch, 1)]
        case .hum50, .hum60:
            wander = 600
            mainsHz = scenario == .hum50 ? 50 : 60
            mainsIsFixed = true
            hum = 30...300
            items = [(.twitch, 0.75), (.pop, 0.25)]
            gap = 2...10
        case .talkingChewing:
            wander = 100
            hum = 3...8
            items = [(.twitch, 0.45), (.talking, 0.3), (.chewing, 0.25)]
            gap = 2...8
        case .clusters:
            items = [(.cluster, 0.8), (.twitch, 0.2)]
            gap = 4...12
        case .tremor:
            items = [(.twitch, 0.85), (.tremor, 0.15)]
            firstItem = .tremor
            gap = 3...10
        case .nearFloor:
            items = [(.twitch, 1)]
            twitchScale = 0.35
        case .leadOff:
            wander = 100
            items = [(.twitch, 0.6), (.leadOff, 0.25), (.saturation, 0.15)]
            gap = 2...10
        case .accelerometer:
            items = [(.accelerationTwitch, 0.5), (.walking, 0.2), (.headMotion, 0.3)]
            gap = 2...10
        case .mixed:
            wander = 200
            hum = 20...100
            items = [
                (.twitch, 0.35), (.cluster, 0.1), (.talking, 0.15), (.chewing, 0.1), (.pop, 0.15),
                (.leadOff, 0.05), (.saturation, 0.05), (.tremor, 0.05),
            ]
            gap = 2...15
        case .demo:
            wander = 200
            hum = 20...100
            items = [
                (.twitch, 0.4), (.cluster, 0.15), (.talking, 0.1), (.chewing, 0.05), (.pop, 0.1),
                (.leadOff, 0.08), (.saturation, 0.07), (.tremor, 0.05),
            ]
            gap = 1.5...5
            firstItem = .twitch
        case .calibration:
            wander = 50
            items = [(.press, 1)]
            isCalibration = true
        }
    }
}

extension ScenarioRecipe {
    /// The recipe of `scenario` with a varied recording's departures: the hum's level and
    /// mains frequency, how often pops come, cable motion wherever there are artifacts, and
    /// a lip tremor wherever there is an accelerometer.
    init(_ scenario: Scenario, variation: SignalVariation) {
        self.init(scenario)
        hum = (hum.lowerBound * variation.humScale)...(hum.upperBound * variation.humScale)
        if !mainsIsFixed, let mains = variation.mainsHz { mainsHz = mains }
        mainsHz += variation.mainsDeviationHz
        items = items.map { ($0.item, $0.item == .pop ? $0.weight * variation.popRateScale : $0.weight) }
        if variation.cableMotionWeight > 0, items.contains(where: { $0.item == .pop || $0.item == .leadOff }) {
            items.append((.cableMotion, variation.cableMotionWeight))
        }
        if variation.accelerationTremorWeight > 0, scenario.isAccelerometer {
            items.append((.accelerationTremor, variation.accelerationTremorWeight))
        }
    }
}
