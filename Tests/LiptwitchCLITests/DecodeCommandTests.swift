import Foundation
import Testing

/// `liptwitch decode` end to end: the real executable, real files and pipes.
@Suite struct DecodeCommandTests {
    private func summary(of result: LiptwitchProcess.Result) throws -> [String: Any] {
        let last = try #require(result.outputLines.last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(object["class"] as? String == "summary")
        return object
    }

    private func simulatedDump(_ extra: [String] = []) throws -> Data {
        let result = try LiptwitchProcess.run(["simulate", "--dump", "-", "--duration", "3", "--seed", "11"] + extra)
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    @Test func aCleanSimulatedSessionDecodesWithoutErrors() throws {
        let dump = try simulatedDump()
        let result = try LiptwitchProcess.run(["decode", "-"], input: dump)
        #expect(result.status == 0)
        let summary = try summary(of: result)
        // 3 s at 2 kHz in batches of 16: 375 batches, one identity, an ACK, three statuses.
        let messages = try #require(summary["messages"] as? [String: Int])
        #expect(messages["samples"] == 375)
        #expect(messages["identity"] == 1)
        #expect(summary["samples_per_channel"] as? Int == 6000)
        #expect(summary["bytes_discarded"] as? Int == 0)
        #expect(summary["crc_failures"] as? Int == 0)
        #expect(summary["bytes"] as? Int == dump.count)
        #expect(result.standardError.contains("no errors"))
    }

    @Test func everyLineIsJSONWithItsClassFirst() throws {
        let result = try LiptwitchProcess.run(["decode", "-"], input: try simulatedDump())
        for line in result.outputLines {
            #expect(line.hasPrefix("{\"class\":\""), "\(line.prefix(60))")
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line.prefix(60))")
        }
        let identity = try #require(result.outputLines.first)
        #expect(identity.contains("\"kind\":\"emg\"") && identity.contains("\"placement\":\"upper-left\""))
    }

    @Test func faultsAreCountedAndDecodingCarriesOn() throws {
        let dump = try simulatedDump(["--garbage", "0.05", "--bit-flip", "0.05", "--drop", "0.05"])
        let result = try LiptwitchProcess.run(["decode", "--summary", "-"], input: dump)
        #expect(result.status == 0)
        #expect(result.outputLines.count == 1)
        let summary = try summary(of: result)
        #expect(summary["bytes_discarded"] as? Int ?? 0 > 0)
        #expect(summary["resyncs"] as? Int ?? 0 > 0)
        #expect(summary["lost_frames"] as? Int ?? 0 > 0)
        let messages = try #require(summary["messages"] as? [String: Int])
        #expect(messages["samples"] ?? 0 > 300, "most batches survive 5 % faults")
    }

    @Test func randomBytesGiveASummaryAndExitZero() throws {
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let result = try LiptwitchProcess.run(["decode", "--summary", "-"], input: noise)
        #expect(result.status == 0)
        let summary = try summary(of: result)
        #expect(summary["bytes"] as? Int == noise.count)
        #expect(!result.standardError.contains("Fatal"))
    }

    @Test func onlyKeepsTheChosenClasses() throws {
        let result = try LiptwitchProcess.run(["decode", "--only", "identity,status", "-"], input: try simulatedDump())
        let classes = Set(result.outputLines.dropLast().map { $0.split(separator: "\"")[3] })
        #expect(classes == ["identity", "status"])
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        #expect(try simulatedDump() == simulatedDump())
    }

    @Test func aMissingFileSaysWhatToDo() throws {
        let result = try LiptwitchProcess.run(["decode", "/nonexistent/dump.bin"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("cannot open '/nonexistent/dump.bin': no such file or directory"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test(arguments: [
        (["decode"], "Missing expected argument"),
        (["decode", "--frobnicate", "-"], "Unknown option '--frobnicate'"),
        (["decode", "--only", "episodes", "-"], "unknown class episodes in --only"),
        (["simulate", "--dump", "-", "--drop", "2"], "--drop is a probability"),
    ])
    func badArgumentsGetAClearMessage(arguments: [String], message: String) throws {
        let result = try LiptwitchProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("Stack dump"))
    }
}
