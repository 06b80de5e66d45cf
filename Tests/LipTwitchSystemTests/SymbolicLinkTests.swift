import Foundation
import LipTwitchSystem
import Testing
import TestSupport

/// The virtual sensor's stable path: a link moved from port to port, never over a file.
@Suite struct SymbolicLinkTests {
    @Test func aLinkIsMadeMovedAndRemoved() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/sensor"
        try SymbolicLink.point(path, to: "/dev/pts/98")
        try SymbolicLink.point(path, to: "/dev/pts/99")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == "/dev/pts/99")
        SymbolicLink.remove(path, ifPointingTo: "/dev/pts/98")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == "/dev/pts/99",
                "a link pointing elsewhere is kept")
        SymbolicLink.remove(path, ifPointingTo: "/dev/pts/99")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil)
    }

    @Test func aFileInTheWayIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/notes.txt"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SystemError.self) { try SymbolicLink.point(path, to: "/dev/pts/99") }
        #expect(error?.description.contains("something else is there") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }
}
