import JSONLines
import Testing

@Suite struct JSONNodeTests {
    @Test func whatTheWriterWritesReadsBack() throws {
        var inner = JSONObject()
        inner.add("label", "emg \"left\"\n")
        inner.add("rest_floor", 2.5)
        var outer = JSONObject(class: "profile")
        outer.add("version", 1)
        outer.add("ok", true)
        outer.add("channels", [inner])
        let node = try JSONNode(parsing: outer.serialized)
        #expect(node["class"]?.string == "profile")
        #expect(node["version"]?.number == 1)
        #expect(node["ok"] == .bool(true))
        let channel = try #require(node["channels"]?.array?.first)
        #expect(channel["label"]?.string == "emg \"left\"\n")
        #expect(channel["rest_floor"]?.number == 2.5)
    }

    @Test func escapesNumbersAndWhitespace() throws {
        let node = try JSONNode(parsing: " { \"a\" : [ -1.5e3 , null, \"\\u00e9\\t\" ] , \"b\":{} }\n")
        #expect(node["a"] == .array([.number(-1500), .null, .string("é\t")]))
        #expect(node["b"] == .object([]))
    }

    @Test(arguments: ["", "{", "{\"a\":}", "[1,]", "{\"a\":1} x", "\"open", "nul", "[1e999]"])
    func brokenTextIsRefused(text: String) {
        #expect(throws: JSONParseError.self) { try JSONNode(parsing: text) }
    }
}
