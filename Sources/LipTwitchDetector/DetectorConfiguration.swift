/// Every parameter of the detector, with its default and its reason. docs/DETECTOR.md
/// explains how each one is used; the defaults are what `liptwitch analyze` runs with.
///
/// Times are in seconds and frequencies in Hz; the detector turns them into sample
/// counts for the sample rate it runs at, and sizes all its buffers from them at init.
public struct DetectorConfiguration: Sendable, Hashable, Codable {
    // MARK: EMG filters

    /// DC removal corner (first-order high-pass), Hz.
    public var dcCutoffHz = 0.5
    /// Band-pass of the EMG: a 4th-order Butterworth high-pass and a 2nd-order Butterworth
    /// low-pass (the low-pass is lowered to 0.45 × the sample rate when that is below it).
    public var emgHighPassHz = 20.0
    public var emgLowPassHz = 450.0
    /// Mains notches: which frequency (found automatically by default), how many
    /// harmonics (the fundamental counts as the first), and their −3 dB width, the same
    /// for every harmonic (Q = f / width): wide enough to follow hum that swells and fades,
    /// narrow enough to leave the EMG (nine 4 Hz notches remove under a tenth of the band).
    public var mains = MainsFrequency.automatic
    public var mainsHarmonics = 9
    public var notchBandwidthHz = 4.0
    /// Notch sections in series at each harmonic once the mains is decided (there is hum),
    /// all alike: near the centre the depth is one notch's to this power. Hum that swells
    /// and fades (the wearer moving near a cable, ±35 % at up to 0.1 Hz) has sidebands
    /// that far from its harmonics, where one 4 Hz notch is only 26 dB deep: under hum a
    /// few hundred µV strong, what passed was several µV, came and went with the swell and
    /// stood above a quiet wearer's noise floor, and every quiet stretch became one long
    /// burst (no twitch found at all in the varied evaluation's held-out hum seed 1004 and
    /// mixed seed 1001). Two are 52 dB deep there. While the mains is undecided (no hum),
    /// both combs keep one section per harmonic: more would ring longer after strong
    /// bursts (joining bursts half a second apart) and take more of the band.
    public var notchSections = 2
    /// The hum's actual frequency is followed within `mainsSearchHz` of the nominal 50 or
    /// 60 Hz (grids drift by tenths of a Hz, and a notch 4 Hz wide is only 9 dB deep at its
    /// 7th harmonic when the mains is 0.1 Hz off), settling over `mainsTrackingSeconds`.
    public var mainsSearchHz = 1.5
    public var mainsTrackingSeconds = 5.0
    /// With `mains` automatic, both combs run until the mains is decided; when it is not
    /// decided within this many seconds, there is no hum and the combs leave the EMG band
    /// (hum found later brings its comb back). After a strong burst their seventeen
    /// notches ring for a few tenths of a second, 1.5 to 3 × the floor: in a cluster,
    /// twitches 0.3 to 0.45 s apart were joined into one burst. The combs go on beside
    /// the band, and the strength rules compare a burst's RMS through them with the
    /// press, which calibration measures through them. `.infinity` keeps both combs in
    /// the band until a decision, as calibration does.
    public var humSearchSeconds = 5.0
    /// The slow band, below the EMG (Hz; 4th-order high-pass and low-pass): a lead
    /// that moves (cable motion) and a pop's step are strong there, muscle is not. A burst
    /// whose slow-band peak is `slowBandRatio` × its EMG-band peak or more, and
    /// `slowBandFloorRatio` × the slow band's own floor (its RMS at rest, kept like the
    /// EMG's) or more, is an artifact (a pop when its energy is in its first moments, else
    /// cable motion). A twitch's slow band is the background: its peak is about 3 × that
    /// floor, and under a tenth of the twitch's peak (a pop's step: 0.55; cable motion: 1
    /// and more).
    public var slowBandHz: ClosedRange<Double> = 2...10
    public var slowBandRatio = 0.3
    public var slowBandFloorRatio = 10.0

    // MARK: Accelerometer filters

    /// The twitch band of an accelerometer: 4th-order high-pass and 2nd-order low-pass.
    public var accelerationHighPassHz = 6.0
    public var accelerationLowPassHz = 40.0
    /// Gravity removal on each axis (first-order high-pass), Hz.
    public var accelerationDCCutoffHz = 0.3
    /// Gross motion (walking, nodding, turning) lives below this, Hz (4th-order low-pass).
    public var motionLowPassHz = 5.0
    /// Gross motion is present when the motion-band RMS (over `motionWindowSeconds`) is
    /// above both this many g and `motionFloorRatio` × its own floor; it stays present
    /// `motionHoldSeconds` after it ends. Bursts during motion are artifacts.
    public var motionThresholdG = 0.03
    public var motionFloorRatio = 4.0
    public var motionWindowSeconds = 0.25
    public var motionHoldSeconds = 0.5
    /// An accelerometer's tremor (`AccelerationTremorTracker`): the acceleration
    /// band-passed to `tremorBand` correlates as `tremorCorrelation` asks, its RMS reaches
    /// this many g (a lip tremor is 8 to 60 mg at its peak; the sensor's noise in that band
    /// is a few tenths of a mg), it holds at least `accelerationTremorDominance` times the
    /// power below the band (walking's steps, head movements), and every quarter of the
    /// window holds at least `accelerationTremorEvenness` times its mean power (a tremor
    /// goes on for seconds; a quick nod repeated a few times does not).
    public var accelerationTremorMinimumG = 0.003
    public var accelerationTremorDominance = 2.0
    public var accelerationTremorEvenness = 0.25

    // MARK: Envelope and noise floor

    /// RMS envelope window for EMG and for the accelerometer, s.
    public var emgEnvelopeSeconds = 0.05
    public var accelerationEnvelopeSeconds = 0.1
    /// Noise floor: the lowest block RMS among the last `floorBlocks` quiet blocks of
    /// `floorBlockSeconds` (minimum statistics; blocks with a burst or a bad sample are
    /// left out, so twitches never raise it).
    public var floorBlockSeconds = 0.25
    public var floorBlocks = 8
    /// If no quiet block came for this long, blocks count anyway (the floor itself rose).
    public var floorUnfreezeSeconds = 30.0

    // MARK: Bursts

    /// A burst starts when the envelope passes `onsetRatio` × the floor and ends when it
    /// stays below `offsetRatio` × the floor for `mergeGapSeconds` (shorter dips join).
    public var onsetRatio = 2.5
    public var offsetRatio = 1.6
    public var mergeGapSeconds = 0.15
    /// With a fraction above 0, a burst also ends when its envelope stays below that
    /// fraction of the burst's own peak envelope for `mergeGapSeconds`; the next one then
    /// starts only when the envelope rises `onsetRatio` / `offsetRatio` times above the
    /// lowest it fell to, and its onset is traced back no further than that valley.
    /// After a strong twitch the notches ring (the mains combs, two sections a harmonic
    /// under hum) for a few tenths of a second at several times the floor, and a twitch
    /// 0.3 to 0.5 s later is joined to it: two joined twitches of a cluster make a burst
    /// longer than a twitch, taken for voluntary activity with the whole cluster. Off (0)
    /// by default: at 0.1 the varied evaluation's clusters and mixed recordings gain (mixed
    /// worst seeds 0.791 / 0.745 → 0.889 / 0.875), but talking splits the same way into
    /// pieces of a twitch's length, no longer one long voluntary burst, and false episodes
    /// in talking rise (held-out 5.8 → 9.4 an hour; BENCHMARKS.md, "Bursts that end on
    /// their own peak"). It waits for a way to keep those pieces together.
    public var offsetPeakFraction = 0.0
    /// The same for an accelerometer, whose twitch is a few kicks up to 0.35 s apart.
    public var accelerationMergeGapSeconds = 0.4
    /// The onset is placed where the envelope last left `onsetBacktrackRatio` × the floor,
    /// looking back at most `onsetLookbackSeconds`.
    public var onsetBacktrackRatio = 1.3
    public var onsetLookbackSeconds = 0.4
    /// Identical consecutive values for this long are a converter at its rail.
    public var flatlineSeconds = 0.01
    /// Bursts within this time of a bad sample (lead-off, saturation, flatline) are
    /// artifacts: the electrode settling.
    public var invalidGuardSeconds = 0.5
    /// Lost samples (a gap: frames lost on the wire, a sensor's overrun, NaN in a file)
    /// leave the electrode alone, so they need no settling time. A gap at least as long as
    /// the envelope window can cut a burst in two or hide its start or end: bursts within
    /// `gapGuardSeconds` of one are artifacts (gap). Shorter gaps only thin a burst out;
    /// it is an artifact only when more than `maximumLostFraction` of it was lost.
    public var gapGuardSeconds = 0.1
    public var maximumLostFraction = 0.25

    // MARK: Classification

    /// A twitch lasts from `minimumTwitchSeconds` to `maximumTwitchSeconds`.
    public var minimumTwitchSeconds = 0.1
    public var maximumTwitchSeconds = 2.0
    /// A pop: a burst with more than `popEnergyFraction` of its energy in its first
    /// `popWindowSeconds`, or shorter than a twitch and above `popRatio` × the floor.
    public var popWindowSeconds = 0.05
    public var popEnergyFraction = 0.7
    public var popRatio = 20.0
    /// A burst shorter than a twitch is a pop only if its peak is also this many times its
    /// RMS (an isolated spike); a short loud syllable is not so peaked.
    public var popCrestFactor = 6.0
    /// Voluntary: a burst whose RMS reaches `voluntaryFraction` × the wearer's press RMS
    /// (from the profile, or `defaultPressRMS` µV / g without one). Bursts within
    /// `voluntaryHoldSeconds` of voluntary activity are voluntary too.
    public var voluntaryFraction = 0.6
    public var defaultPressRMSMicrovolts = 120.0
    public var defaultPressRMSG = 0.3
    public var voluntaryHoldSeconds = 1.5
    /// Bursts less than this apart form one stretch of activity; a stretch with anything
    /// voluntary in it is voluntary as a whole.
    public var activityChainGapSeconds = 1.0
    /// A stretch with `phraseBursts` bursts of twitch length whose RMS reaches
    /// `phraseFraction` × the press RMS is voluntary (quiet speech).
    public var phraseFraction = 0.3
    public var phraseBursts = 2
    /// In conversation: a candidate whose RMS reaches `conversationFraction` × the press RMS,
    /// with another burst of twitch length that strong within `conversationPairSeconds` of
    /// it, is voluntary when voluntary activity lies within `conversationSeconds` of it (the
    /// quiet words of someone who has been talking). EMG only.
    public var conversationFraction = 0.2
    public var conversationSeconds = 8.0
    public var conversationPairSeconds = 2.0
    /// Tremor: the envelope's autocorrelation over `tremorWindowSeconds` peaks at a lag of
    /// `tremorBand` (Hz) above `tremorCorrelation`, with the envelope above
    /// `tremorActivityRatio` × the floor on average, in `tremorConfirmations` checks in a
    /// row (one every `rhythmCheckSeconds`).
    public var tremorBand: ClosedRange<Double> = 3...8
    public var tremorWindowSeconds = 2.56
    public var tremorCorrelation = 0.6
    /// A tremor is periodic: its envelope correlates with itself two periods later too,
    /// at least this much (true tremors of the varied tuning recordings: 0.4 to 0.8).
    /// Speech's syllables come irregularly, and when one period happens to line up over
    /// the window, the second does not (their talking: 0.25 at most). Without this, 4
    /// tremor episodes an hour were found in talking.
    public var tremorRepeatCorrelation = 0.3
    /// A tremor goes on for seconds: by the time it is confirmed, three of the four
    /// quarters of its window (0.64 s each) hold at least this many times the window's
    /// mean power of the envelope. A twitch lasts 1.5 s at most and fills two, the third
    /// only in part: a twitch of a second whose envelope beats (two units at nearby
    /// rates) was now and then taken for a tremor.
    public var tremorEvenness = 0.5
    /// Speech: over half the tremor window, the same autocorrelation peaks above
    /// `speechCorrelation` (irregular syllables at 3 to 6 Hz). That window is then
    /// voluntary activity.
    public var speechCorrelation = 0.3
    /// Speech is marked after this many speech-like checks in a row (one twitch's firing
    /// can look rhythmic once).
    public var speechConfirmations = 1
    /// Chewing: `chewingBursts` bursts in a row whose onsets come at the rate of
    /// `chewingBand` with a coefficient of variation below `chewingVariation`. They are
    /// voluntary activity.
    public var chewingBursts = 4
    public var chewingVariation = 0.15
    /// Chewing, from the envelope: its autocorrelation over `chewingWindowSeconds` peaks
    /// at a lag of `chewingBand` (Hz) above `chewingCorrelation`.
    public var chewingBand: ClosedRange<Double> = 0.8...2.5
    public var chewingWindowSeconds = 4.0
    public var chewingCorrelation = 0.4
    /// A rhythm (speech, chewing, from the envelope or from burst intervals) marks voluntary
    /// activity only when the bursts it belongs to reach `rhythmFraction` × the press RMS
    /// in median (the quietest syllables' strength): voluntary movement is larger, and the
    /// twitches of a cluster can come as regularly as bites or syllables. EMG only.
    public var rhythmFraction = 0.2
    public var tremorActivityRatio = 2.0
    public var tremorConfirmations = 3
    /// A tremor ends after this many negative checks in a row.
    public var tremorEndingChecks = 4
    /// A rhythm counts only if the autocorrelation dips by this much between lag 0 and the
    /// rhythm's lag (a smooth envelope correlates at short lags without any rhythm).
    public var rhythmDip = 0.25
    public var rhythmCheckSeconds = 0.24

    // MARK: Confirmation and episodes

    /// A twitch is confirmed (its onset event sent) this long after it ends, once no other
    /// burst followed it, and at the latest `maximumDeferralSeconds` after it ended.
    public var confirmationSeconds = 2.0
    public var maximumDeferralSeconds = 8.0
    /// Twitches less than this apart (end to onset) belong to one episode.
    public var episodeGapSeconds = 3.0
    /// Twitches of an episode less than this apart (end to onset) form a cluster, which the
    /// episode reports (DOMAIN.md: several twitches within seconds; growing clusters are a
    /// red flag).
    public var clusterGapSeconds = 2.0
    /// Points in an episode's plotting envelope, at most.
    public var envelopePoints = 64
    /// Twitches listed in one episode, at most (the count goes on).
    public var maximumListedTwitches = 256

    public init() {}
}
