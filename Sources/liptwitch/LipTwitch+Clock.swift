#if canImport(Glibc)
import Glibc
#endif
import LipTwitchJournal
import LipTwitchRuntime
import LipTwitchSystem

extension LipTwitch {
    /// The one clock every subcommand reads the date from: the host's wall clock in the
    /// host's zone (`TZ`). With `LIPTWITCH_NOW` set to an RFC 3339 time, the clock starts
    /// there instead and runs on as usual: the tests pin the date this way, and anyone can
    /// see what a command would have done on another day (docs/DEVELOPING.md).
    static let clock: JournalClock = {
        guard let text = SystemEnvironment.value("LIPTWITCH_NOW") else { return .host }
        guard let start = LocalTime(rfc3339: text) else {
            StandardError.write(
                "liptwitch: LIPTWITCH_NOW='\(text)' is not a time like 2026-11-21T14:05:00+01:00; "
                    + "set it to one, or unset it to use the system clock")
            Glibc.exit(2)
        }
        return .starting(at: start, zone: .host)
    }()
}
