import ArgumentParser

/// `--probe/--no-probe`: whether the ports of the boards LipTwitch sensors are built on are
/// opened on probation (docs/DISCOVERY.md).
struct ProbeOption: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Open the ports of the boards LipTwitch sensors are built on (Arduino Uno; the CH340, FT232R and CP2102 "
                + "of Nanos and clones) and keep them only if the LipTwitch handshake answers. --no-probe leaves them "
                + "alone unless named with --device."))
    var probe = true
}
