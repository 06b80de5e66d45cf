import JSONLines

/// Which lines a client wants: some classes, some sensors, or everything (the default).
/// A client asks with one line of JSON (docs/LIVE.md):
///
/// ```
/// {"class":"watch","classes":["episode","onset"],"devices":["LT-0001"]}
/// ```
///
/// `version` and `error` lines pass whatever the filter says; a line with no sensor (the
/// daemon's own counters) passes a device filter.
public struct LiveFilter: Sendable, Equatable {
    /// nil: every class.
    public var classes: Set<LiveClass>?
    /// Serial numbers or ports; nil: every sensor.
    public var devices: Set<String>?

    public init(classes: Set<LiveClass>? = nil, devices: Set<String>? = nil) {
        self.classes = classes
        self.devices = devices
    }

    /// Everything.
    public static let all = LiveFilter()

    /// True when a line of `liveClass` about `sensor` should go to the client.
    public func admits(_ liveClass: LiveClass, sensor: String?) -> Bool {
        if liveClass == .version || liveClass == .error { return true }
        if let classes, !classes.contains(liveClass) { return false }
        return admits(sensor: sensor)
    }

    /// True when lines about `sensor` pass the device filter (nil: the daemon's own).
    public func admits(sensor: String?) -> Bool {
        guard let devices, let sensor else { return true }
        return devices.contains(sensor)
    }

    /// The filter a request line asks for.
    public init(request line: some Collection<UInt8>) throws(LiveRequestError) {
        guard let request = Request(line) else {
            throw LiveRequestError(
                "the request is not a JSON object like {\"class\":\"watch\",\"classes\":[\"episode\"]}")
        }
        guard request.class == "watch" else {
            throw LiveRequestError("the request's class must be \"watch\", not \"\(request.class)\"")
        }
        if let names = request.classes {
            var classes: Set<LiveClass> = []
            for name in names {
                guard let liveClass = LiveClass(rawValue: name), LiveClass.selectable.contains(liveClass) else {
                    throw LiveRequestError(
                        "there is no class \"\(name)\" to watch; the classes are "
                            + LiveClass.selectable.map(\.rawValue).joined(separator: ", "))
                }
                classes.insert(liveClass)
            }
            self.classes = classes
        }
        devices = request.devices.map(Set.init)
    }

    /// The request line for this filter, newline included: what `liptwitch watch` sends.
    public var requestLine: String {
        var object = JSONObject(class: "watch")
        if let classes { object.add("classes", LiveClass.selectable.filter(classes.contains).map(\.rawValue)) }
        if let devices { object.add("devices", devices.sorted()) }
        return object.serialized + "\n"
    }

    /// A request line's members; nil when the line is not an object with a string `class`
    /// and, where present, lists of strings `classes` and `devices`.
    private struct Request {
        var `class`: String
        var classes: [String]?
        var devices: [String]?

        init?(_ line: some Collection<UInt8>) {
            guard let node = try? JSONNode(parsing: Array(line)), let kind = node["class"]?.string,
                let classes = Self.strings(node["classes"]), let devices = Self.strings(node["devices"])
            else { return nil }
            self.class = kind
            self.classes = classes
            self.devices = devices
        }

        /// An absent or null member is `.some(nil)`; a list of strings is its strings; anything
        /// else is nil (not a request).
        private static func strings(_ node: JSONNode?) -> [String]?? {
            guard let node, node != .null else { return .some(nil) }
            guard let items = node.array else { return nil }
            let strings = items.compactMap(\.string)
            return strings.count == items.count ? .some(strings) : nil
        }
    }
}

/// A client's request could not be taken; the description is the sentence the daemon
/// sends back in an `error` line.
public struct LiveRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
