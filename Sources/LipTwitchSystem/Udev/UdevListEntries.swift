import CUdev

/// The name/value pairs of a libudev list, read once into Swift strings.
enum UdevListEntries {
    static func read(_ first: OpaquePointer?) -> [(name: String, value: String?)] {
        var entries: [(name: String, value: String?)] = []
        var entry = first
        while let current = entry {
            if let name = udev_list_entry_get_name(current) {
                entries.append((String(cString: name), udev_list_entry_get_value(current).map { String(cString: $0) }))
            }
            entry = udev_list_entry_get_next(current)
        }
        return entries
    }
}
