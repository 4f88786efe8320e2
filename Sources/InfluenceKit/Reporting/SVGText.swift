/// Writing SVG as text: escaping, compact coordinates, number labels.
enum SVGText {
    /// Accumulates lines of markup.
    struct Builder {
        private(set) var text = ""
        mutating func line(_ markup: String) {
            text += markup
            text += "\n"
        }
    }

    /// `text` made safe for XML character data and attribute values: the five special characters
    /// as entities; control characters XML 1.0 forbids replaced by U+FFFD.
    ///
    /// Complexity: O(length).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A pixel coordinate with at most one decimal.
    static func coordinate(_ value: Double) -> String {
        number(value, decimals: 1)
    }

    /// Decimals that show a tick step exactly (0 for 1, 10, ...; 1 for 0.5; 2 for 0.25 ...).
    static func decimals(for step: Double) -> Int {
        var decimals = 0
        var scaled = abs(step)
        while decimals < 6, scaled > 0, abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// `value` with exactly `decimals` decimals, trailing zeros after the point dropped.
    static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(Int64(value.rounded())) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        var fraction = units % Int64(scale)
        var text = (value < 0 && units != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            var digits = decimals
            while digits > 0, fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            if digits > 0 {
                var part = String(fraction)
                while part.count < digits { part = "0" + part }
                text += "." + part
            }
        }
        return text
    }
}
