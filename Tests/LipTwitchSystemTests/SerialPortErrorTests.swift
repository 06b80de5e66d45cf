import LipTwitchSystem
import Testing

/// The sentences a user reads when a port cannot be opened. Permission denied cannot be
/// produced for real here (the tests run as root, which passes every permission check);
/// `LiptwitchCLITests` opens a port as another user where the machine allows it.
@Suite struct SerialPortErrorTests {
    @Test func permissionDeniedNamesTheUdevRuleAndTheGroup() {
        let error = SerialPortError.permissionDenied("/dev/ttyACM0", owner: "root", group: "dialout", mode: 0o020660)
        #expect(error.kind == .permissionDenied)
        #expect(error.description == "cannot open /dev/ttyACM0: permission denied (it belongs to root:dialout, "
            + "mode 660). Install LipTwitch's udev rule, which gives the logged-in user access (udev/README.md): "
            + "sudo install -m 0644 udev/70-liptwitch.rules /etc/udev/rules.d/ && sudo udevadm control --reload "
            + "&& sudo udevadm trigger --subsystem-match=tty --action=change; or join the dialout group: "
            + "sudo usermod -aG dialout $USER, then log out and back in")
    }

    @Test func aGroupThatCannotWriteIsNotWorthJoining() {
        let error = SerialPortError.permissionDenied("/dev/pts/4", owner: "alice", group: "tty", mode: 0o020620)
        #expect(error.description.contains("join the dialout group: sudo usermod -aG dialout $USER"))
        let writable = SerialPortError.permissionDenied("/dev/ttyUSB0", owner: "root", group: "uucp", mode: 0o020660)
        #expect(writable.description.contains("join the uucp group: sudo usermod -aG uucp $USER"))
    }

    @Test func busyNamesEveryHolder() {
        let error = SerialPortError.busy(
            "/dev/ttyACM0", holders: [PortHolder(pid: 4242, command: "minicom"), PortHolder(pid: 7, command: "gpsd")])
        #expect(error.description == "/dev/ttyACM0 is in use by minicom (pid 4242), gpsd (pid 7): "
            + "close that program or stop its service, then try again")
    }

    @Test func busyWithoutAVisibleHolderSaysHowToFindIt() {
        let error = SerialPortError.busy("/dev/ttyACM0", holders: [])
        #expect(error.description.contains("sudo fuser -v /dev/ttyACM0"))
    }
}
