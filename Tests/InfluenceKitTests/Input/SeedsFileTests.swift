import Testing
@_spi(Kernels) @testable import InfluenceKit

/// `SeedsFile`: seed labels from a text or JSON file, every malformed input an error naming it.
@Suite struct SeedsFileTests {
    static func parse(_ text: String) throws(InfluenceError) -> [String] {
        try SeedsFile.parse(Array(text.utf8), path: "seeds.txt")
    }

    static func error(_ bytes: [UInt8]) -> InfluenceError? {
        do {
            _ = try SeedsFile.parse(bytes, path: "seeds.txt")
            return nil
        } catch {
            return error
        }
    }

    @Test func oneLabelPerLineWithCommentsAndBlanks() throws {
        #expect(try Self.parse("# chosen\nb\n\n  c  \n\t#x\nd") == ["b", "c", "d"])
        let entries = try SeedsFile.entries(Array("# head\n7\n\n9\n".utf8), path: "s")
        #expect(entries == [SeedsFile.Entry(label: "7", line: 2, position: 1), SeedsFile.Entry(label: "9", line: 4, position: 2)])
    }

    /// `0\r\n33\r\n` was read as the one label "0\r\n33": each line ending now ends a line.
    @Test func everyLineEnding() throws {
        #expect(try Self.parse("0\r\n33\r\n") == ["0", "33"])
        #expect(try Self.parse("0\r33\r") == ["0", "33"])
        #expect(try Self.parse("0\n33\r\n5\r6") == ["0", "33", "5", "6"])
        // Line numbers count each ending once: \r\n is one ending, \r\r two.
        let entries = try SeedsFile.entries(Array("a\r\n\r\nb\r\rc".utf8), path: "s")
        #expect(entries.map(\.line) == [1, 3, 5])
    }

    /// A byte-order mark was part of the first label, and stopped JSON detection.
    @Test func byteOrderMarkIsStripped() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try SeedsFile.parse(bom + Array("0\n33\n".utf8), path: "s") == ["0", "33"])
        #expect(try SeedsFile.parse(bom + Array("[\"a\", \"b\"]".utf8), path: "s") == ["a", "b"])
        #expect(try SeedsFile.parse(bom + Array("\n {\"seeds\": [{\"label\": \"x\"}]}".utf8), path: "s") == ["x"])
    }

    @Test func jsonFormsWithStringAndIntegerLabels() throws {
        #expect(try Self.parse("[\"c\", \"a\"]") == ["c", "a"])
        #expect(try Self.parse("[0, 33]") == ["0", "33"])
        #expect(try Self.parse("[0, \"x\", -4]") == ["0", "x", "-4"])
        #expect(try Self.parse("{\"algorithm\": \"imm\", \"seeds\": [{\"label\": \"c\", \"rank\": 1, \"gain\": 2.0}, {\"label\": 3}]}") == ["c", "3"])
        #expect(try Self.parse("{\"seeds\": [5, \"e\"]}") == ["5", "e"])
        let entries = try SeedsFile.entries(Array("[1, 2]".utf8), path: "s")
        #expect(entries == [SeedsFile.Entry(label: "1", line: nil, position: 1), SeedsFile.Entry(label: "2", line: nil, position: 2)])
    }

    @Test func nonIntegerNumbersAreErrorsNamingTheFile() throws {
        for text in ["[0.5]", "[1e400]", "{\"seeds\": [{\"label\": 2.5}]}", "[99999999999999999999999]", "[0, -1e400]"] {
            let error = try #require(Self.error(Array(text.utf8)), "\(text)")
            #expect(error.kind == .data && error.file == "seeds.txt", "\(text): \(error)")
            #expect(error.message.contains("not an integer") || error.message.contains("beyond 64-bit")
                    || error.message.contains("number in range")
                    || error.message.contains("not valid JSON"), "\(text): \(error)")
        }
        #expect(Self.error(Array("[0.5]".utf8))?.message.hasPrefix("seed entry 1 is a number that is not an integer (0.5)") == true)
    }

    @Test func shapeErrors() throws {
        let cases: [(String, String)] = [
            ("# nothing\n\n", "no seeds (expected one label per line"),
            ("{\"seeds\": [", "not valid JSON"),
            ("{\"seeds\": [{\"rank\": 1}]}", "seed entry 1 has no \"label\" string"),
            ("{\"chosen\": []}", "JSON object without a \"seeds\" array"),
            ("{\"seeds\": 3}", "JSON object without a \"seeds\" array"),
            ("{\"seeds\": []}", "the \"seeds\" array is empty"),
            ("[]", "the \"seeds\" array is empty"),
            ("[null]", "seed entry 1 has no \"label\""),
            ("[true]", "seed entry 1 has no \"label\""),
            ("[[1]]", "seed entry 1 has no \"label\""),
            ("[\"a\", {\"label\": [\"b\"]}]", "seed entry 2 has no \"label\""),
            ("[\"\"]", "seed entry 1 has an empty label"),
            ("[\"a\\u0000b\"]", "seed entry 1 has a NUL character"),
        ]
        for (text, message) in cases {
            let error = try #require(Self.error(Array(text.utf8)), "\(text)")
            #expect(error.kind == .data && error.file == "seeds.txt", "\(text): \(error)")
            #expect(error.message.contains(message), "\(text): \(error.message)")
            #expect(!error.message.contains("\n"), "\(text): \(error.message)")
        }
    }

    /// Inputs a fuzzer would find: errors, never traps.
    @Test func hostileBytesAreErrors() throws {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        #expect(Self.error(deep)?.message.contains("nested more than") == true)
        let deepObjects = Array(String(repeating: "{\"seeds\":", count: 10_000).utf8)
        #expect(Self.error(deepObjects)?.message.contains("nested more than") == true)
        // Brackets inside strings do not count as nesting.
        #expect(try Self.parse("[\"" + String(repeating: "[", count: 1000) + "\"]") == [String(repeating: "[", count: 1000)])
        let invalid = Self.error([0x61, 0x0A, 0xFF, 0xFE, 0x0A])
        #expect(invalid?.line == 2 && invalid?.message.contains("not valid UTF-8") == true, "\(String(describing: invalid))")
        #expect(Self.error([0x5B, 0x22, 0xFF, 0x22, 0x5D])?.message.contains("not valid UTF-8") == true)
        let nul = Self.error(Array("a\nb\0c\n".utf8))
        #expect(nul?.line == 2 && nul?.message.contains("binary data: byte 0x00 at line 2") == true)
        #expect(Self.error(Array("[\"a\"\0]".utf8))?.message.contains("NUL") == true)
        #expect(Self.error([]) != nil)
        #expect(Self.error([0xEF, 0xBB, 0xBF]) != nil)
        #expect(Self.error([0xEF, 0xBB]) != nil)
        #expect(Self.error(Array("[".utf8)) != nil)
        #expect(Self.error(Array("[\"\\ud800\"]".utf8)) != nil)
        #expect(Self.error(Array("[\"\\x\"]".utf8)) != nil)
        // Not JSON (it does not start with [ or {): a label.
        #expect(try Self.parse("]]]]") == ["]]]]"])
        #expect(Self.error(Array("{\"seeds\": [1e999999999999999999]}".utf8)) != nil)
        // Random bytes, repeatable from a seed: either labels or an error, never a trap.
        var random = SplitMix64(seed: 9)
        let alphabet = Array("[]{}\",:0123456789.eE-+ \n\r\\u#ab".utf8) + [0, 0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]
        for _ in 0..<2000 {
            let count = Int(random.next() % 40)
            let bytes = (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            _ = try? SeedsFile.parse(bytes, path: "fuzz")
        }
    }

    @Test func labelsKeepTheirBytes() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let labels = try SeedsFile.parse(Array("\(nfc)\n\(nfd)\n".utf8), path: "s")
        #expect(labels.map { Array($0.utf8) } == [Array(nfc.utf8), Array(nfd.utf8)])
    }

    @Test func readingAMissingFileNamesIt() throws {
        #expect(throws: InfluenceError(.io, file: "/no/such/seeds.txt", "no such file (check the path)")) {
            try SeedsFile.read("/no/such/seeds.txt")
        }
        let path = writeTemporary("seeds.txt", "4\r\n5\r\n")
        defer { removeTemporary(path) }
        let (name, entries) = try SeedsFile.read(path)
        #expect(name == path && entries.map(\.label) == ["4", "5"])
    }
}
