import Foundation
import JSONLines
import Testing

@Suite struct JSONObjectTests {
    @Test func keysKeepTheirOrderWithClassFirst() {
        var object = JSONObject(class: "status")
        object.add("zeta", 1)
        object.add("alpha", "a")
        #expect(object.serialized == #"{"class":"status","zeta":1,"alpha":"a"}"#)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and \\ backslash", #""quote \" and \\ backslash""#),
        ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
        ("\u{01}\u{1f}", #""\u0001\u001f""#),
        ("µV and 😀", #""µV and 😀""#),
    ])
    func stringsAreEscaped(text: String, expected: String) throws {
        var object = JSONObject()
        object.add("s", text)
        #expect(object.serialized == "{\"s\":\(expected)}")
        let parsed = try JSONSerialization.jsonObject(with: Data(object.serialized.utf8)) as? [String: String]
        #expect(parsed?["s"] == text)
    }

    @Test func numbersAreValidJSONAndNonFiniteIsNull() {
        var object = JSONObject()
        object.add("whole", 2.0)
        object.add("fraction", 0.25)
        object.add("infinite", Double.infinity)
        object.add("nan", Double.nan)
        object.add("negative", -7)
        #expect(object.serialized == #"{"whole":2,"fraction":0.25,"infinite":null,"nan":null,"negative":-7}"#)
    }

    @Test func nestedValuesAndArrays() {
        var inner = JSONObject()
        inner.add("ok", true)
        var object = JSONObject(class: "x")
        object.add("inner", inner)
        object.add("list", [inner, inner])
        object.add("names", ["a", "b"])
        object.add("numbers", [1, 2, 3])
        object.add("rows", rows: [[1, -2], [3]])
        object.add("empty", [Int]())
        #expect(object.serialized == #"{"class":"x","inner":{"ok":true},"list":[{"ok":true},{"ok":true}],"#
            + #""names":["a","b"],"numbers":[1,2,3],"rows":[[1,-2],[3]],"empty":[]}"#)
    }
}

@Suite struct JSONNumberArrayTests {
    @Test func doubleAndFloatArraysUseTheShortestSpelling() throws {
        var object = JSONObject()
        object.add("doubles", [0.1, 2, -3.5e-7, .nan])
        object.add("floats", [Float(0.1), 12.5, 3, .infinity])
        object.add("float", Float(0.3))
        #expect(object.serialized == #"{"doubles":[0.1,2,-3.5e-07,null],"floats":[0.1,12.5,3,null],"float":0.3}"#)
        #expect((try? JSONSerialization.jsonObject(with: Data(object.serialized.utf8))) != nil)
    }
}
