import ArgumentParser
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch devices`: the serial ports that could be sensors, and why each was or was not taken.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List the serial ports that could be sensors, and say why each was or was not taken.",
        discussion: """
            LipTwitch finds sensors through udev. It takes a port when the project's udev rule \
            (udev/70-liptwitch.rules) tagged it, when its USB vendor:product is the sensor's \
            (1209:4c54) or one given with --usb-id, or when it is named with --device. It never \
            opens a generic USB-serial chip (FTDI, CP210x, CH340, PL2303) uninvited: that port could \
            be a GPS, a printer or a modem. Nothing is opened here; this only looks.

            By default the list holds USB ports and named devices; --all adds every other tty. \
            Advice goes to standard error, so --json output stays clean. See docs/DISCOVERY.md.

            Examples:
              liptwitch devices
              liptwitch devices --all
              liptwitch devices --json | grep '"taken":true'
              liptwitch devices --device /dev/ttyUSB0     # a sensor on a generic chip
              liptwitch devices --usb-id 2e8a:000a
              liptwitch devices --watch          # then plug the sensor in and out
            """
    )

    @OptionGroup var discovery: DiscoveryOptions

    @Flag(help: "Print JSON lines (one per port, then a summary) instead of text.")
    var json = false

    @Flag(help: "List every tty, not only USB ports and named devices.")
    var all = false

    @Flag(help: "Keep running: print each sensor that appears or disappears, until interrupted.")
    var watch = false

    func run() throws {
        let configuration = discovery.configuration
        let output = BufferedOutput()
        if watch {
            try DeviceListing(json: json, includeAll: all).watch(DiscoveryMonitor(configuration: configuration), output: output)
        } else {
            try DeviceListing(json: json, includeAll: all).write(DeviceSurvey(configuration: configuration), to: output)
        }
    }
}
