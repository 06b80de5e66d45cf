/// Why `liptwitch daemon` will not run as root without `--allow-root`: it needs no
/// privilege (the udev rule gives the wearer the sensor), and a daemon that parses what a
/// device sends should not hold any.
struct RootRefusal: Error, CustomStringConvertible {
    var description: String {
        "liptwitch daemon will not run as root: run it as the person who wears the sensor "
            + "(systemctl --user, or the system unit's own user: udev/README.md), or pass --allow-root if you must"
    }
}
