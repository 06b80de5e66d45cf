import JSONLines
import LipTwitchDiscovery

/// How a candidate is shown: its facts as JSON fields and as lines for people.
struct CandidateDescription {
    let candidate: DeviceCandidate

    /// Adds the candidate's facts to `object` (absent facts are left out).
    func addFields(to object: inout JSONObject) {
        object.add("path", candidate.devicePath)
        object.add("sysname", candidate.sysName)
        if let id = candidate.usbID { object.add("usb_id", id.description) }
        if let serial = candidate.serialNumber { object.add("serial", serial) }
        if let manufacturer = candidate.manufacturer { object.add("manufacturer", manufacturer) }
        if let product = candidate.product { object.add("product", product) }
        if let byID = candidate.byIDPath { object.add("by_id", byID) }
        object.add("links", candidate.links)
        object.add("usb", candidate.isUSB)
        object.add("tagged", candidate.isTaggedByRule)
        object.add("modemmanager_ignored", candidate.isIgnoredByModemManager)
        object.add("udev_processed", candidate.source == .udev(initialized: true))
    }

    /// What the device is (`LipTwitch Sensor by LipTwitch, USB 1209:4c54, serial LT1`),
    /// then its stable links, one per line; empty for a port with nothing to tell.
    var detailLines: [String] {
        var facts: [String] = []
        switch (candidate.product, candidate.manufacturer) {
        case let (product?, manufacturer?): facts.append("\(product) by \(manufacturer)")
        case let (product?, nil): facts.append(product)
        case let (nil, manufacturer?): facts.append(manufacturer)
        case (nil, nil): break
        }
        if let id = candidate.usbID { facts.append("USB \(id)") }
        if let serial = candidate.serialNumber { facts.append("serial \(serial)") }
        let links = [candidate.byIDPath, candidate.stableLink].compactMap { $0 }
        return (facts.isEmpty ? [] : [facts.joined(separator: ", ")]) + links
    }
}
