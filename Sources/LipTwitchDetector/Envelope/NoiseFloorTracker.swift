/// The noise floor by minimum statistics: the RMS of each block of samples is kept for the
/// last `blockCount` blocks, and the floor is the lowest of them. A twitch raises the RMS
/// of the blocks it is in, never the minimum, and blocks that held a burst or a bad sample
/// are not even kept (the floor is frozen); slow drift of the noise itself is followed
/// within `blockCount` blocks. The first `blockCount` blocks are kept whatever they held,
/// so the floor starts from the signal itself (a profile's rest floor is only the value
/// before the first block). If no block could be kept for `unfreezeBlocks` blocks, the
/// floor must have risen for good, and blocks are kept again whatever they held.
struct NoiseFloorTracker: Sendable {
    private var blocks: HistoryRing<Double>
    private let blockLength: Int
    private let unfreezeBlocks: Int
    private let blockCount: Int
    private let minimumFloor: Double
    private var energy = 0.0
    private var position = 0
    private var spoiled = false
    private var skippedBlocks = 0
    /// The floor (RMS, in the signal's unit, never below the minimum that keeps a digital
    /// silence from making every sample a burst); nil until the first block or a profile.
    private(set) var floor: Double?

    init(blockLength: Int, blockCount: Int, unfreezeBlocks: Int, initialFloor: Double?, minimumFloor: Double) {
        self.blockLength = max(1, blockLength)
        self.unfreezeBlocks = unfreezeBlocks
        blocks = HistoryRing(minimumCapacity: blockCount, initial: 0)
        self.blockCount = blockCount
        self.minimumFloor = minimumFloor
        floor = initialFloor.map { max($0, minimumFloor) }
    }

    /// Adds a sample's energy; `spoils` marks the block as unfit (a burst, a bad sample).
    @inline(__always)
    mutating func add(energy sampleEnergy: Double, spoils: Bool) {
        energy += sampleEnergy
        spoiled = spoiled || spoils
        position += 1
        guard position == blockLength else { return }
        let rms = (energy / Double(blockLength)).squareRoot()
        let warmingUp = blocks.appendedCount < blockCount
        if !spoiled || warmingUp || skippedBlocks >= unfreezeBlocks {
            blocks.append(rms)
            skippedBlocks = 0
            var lowest = Double.infinity
            for age in 0..<min(blocks.count, blockCount) { lowest = min(lowest, blocks[age: age]) }
            floor = max(lowest, minimumFloor)
        } else {
            skippedBlocks += 1
        }
        energy = 0
        position = 0
        spoiled = false
    }
}
