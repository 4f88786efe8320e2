@_spi(Kernels) @testable import InfluenceKit
import Testing

@Suite struct ControlCharactersTests {
    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(ControlCharacters.escaped("plain café ✓") == "plain café ✓")
        #expect(ControlCharacters.escaped("a\u{0}b") == "a\\x00b")
        #expect(ControlCharacters.escaped("tab\there\nnew\rret") == "tab\\there\\nnew\\rret")
        #expect(ControlCharacters.escaped("\u{1B}[31mred\u{7F}") == "\\x1B[31mred\\x7F")
        #expect(ControlCharacters.escaped("c1 \u{85} \u{9F}") == "c1 \\u{85} \\u{9F}")
        #expect(ControlCharacters.escaped("back\\slash") == "back\\slash")
    }

    /// A NUL in an echoed token used to end the message early when printed.
    @Test func errorDescriptionsEscapeTheirText() {
        let error = InfluenceError(.data, file: "g\nx.txt", line: 3, "unknown label 'a\u{0}b'")
        #expect(error.description == "g\\nx.txt:3: unknown label 'a\\x00b'")
    }
}
