import ArgumentParser
import LipTwitchRuntime
import LipTwitchSimulator
import LipTwitchSystem

/// `liptwitch simulate`: a virtual sensor that speaks the wire protocol.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a virtual sensor: a seeded EMG signal with twitches, spoken in the wire protocol.",
        discussion: """
            --dump writes the raw bytes the sensor would send during a session of --duration \
            seconds, exactly as a serial capture holds them. The same --seed always gives the \
            same bytes. Fault flags make the link misbehave on purpose, each a probability per \
            frame.

            Examples:
              liptwitch simulate --dump session.bin --duration 60
              liptwitch simulate --dump - --garbage 0.01 --bit-flip 0.01 --drop 0.01 | liptwitch decode --summary -
            """
    )

    @Option(help: ArgumentHelp("Write the byte stream to this file; - is standard output.", valueName: "file"))
    var dump: String

    @Option(help: "Length of the simulated session, in seconds.")
    var duration = 10.0

    @Option(help: "Seed of the signal and of the faults.")
    var seed: UInt64 = 1

    @Option(help: "Sample rate in Hz (1 to 4000).")
    var rate = 2000

    @Option(help: "Chance per frame of random bytes before it.")
    var garbage = 0.0

    @Option(name: .customLong("bit-flip"), help: "Chance per frame of one flipped bit.")
    var bitFlip = 0.0

    @Option(help: "Chance per frame that it is lost.")
    var drop = 0.0

    func validate() throws {
        guard duration > 0, duration <= 86_400 else {
            throw ValidationError("--duration must be more than 0 and at most 86400 seconds (a day).")
        }
        guard (1...4000).contains(rate) else {
            throw ValidationError("--rate must be between 1 and 4000 Hz (PROTOCOL.md section 6.1).")
        }
        for (name, value) in [("--garbage", garbage), ("--bit-flip", bitFlip), ("--drop", drop)]
        where !(0...1).contains(value) {
            throw ValidationError("\(name) is a probability: give a number from 0 to 1.")
        }
    }

    func run() throws {
        var configuration = SimulatorConfiguration()
        configuration.seed = seed
        configuration.sampleRateHz = rate
        configuration.faults = FaultInjection(garbage: garbage, bitFlip: bitFlip, drop: drop)
        let output = try BufferedOutput(path: dump)
        try SimulatedDump(configuration: configuration, durationSeconds: duration).run(output: output)
    }
}
