#if canImport(Glibc)
import Glibc
#endif

extension SVGPlot {
    /// A labelled tick.
    struct Tick: Equatable {
        var value: Double
        var label: String
    }

    /// Maps data values to pixel positions and chooses ticks ("nice numbers", Heckbert, Graphics
    /// Gems 1990, for linear axes; decades for logarithmic ones).
    struct Axis {
        let scale: Scale
        let lower: Double
        let upper: Double
        let from: Double
        let to: Double
        let ticks: [Tick]

        /// An axis spanning `values` (finite ones; empty gives 0...1) from pixel `from` to `to`.
        init(values: [Double], scale: Scale, format: TickFormat, from: Double, to: Double) {
            self.scale = scale
            self.from = from
            self.to = to
            switch scale {
            case .linear(let includeZero):
                var lo = values.filter(\.isFinite).min() ?? 0
                var hi = values.filter(\.isFinite).max() ?? 1
                if includeZero { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
                if hi - lo <= 0 { hi = lo + Swift.max(1, abs(lo) * 0.1) }
                let step = Self.niceStep((hi - lo) / 5)
                lower = (lo / step).rounded(.down) * step
                upper = (hi / step).rounded(.up) * step
                var ticks: [Tick] = []
                var i = 0
                while lower + Double(i) * step <= upper + step * 1e-9 {
                    let value = lower + Double(i) * step
                    ticks.append(Tick(value: value, label: Self.label(value, step: step, format: format)))
                    i += 1
                }
                self.ticks = ticks
            case .logarithmic:
                let positive = values.filter { $0.isFinite && $0 > 0 }
                var lo = log10(positive.min() ?? 1).rounded(.down)
                var hi = log10(positive.max() ?? 10).rounded(.up)
                if hi <= lo { lo -= 1; hi += 1 }
                lower = lo
                upper = hi
                ticks = stride(from: lo, through: hi, by: 1).map {
                    let value = pow(10, $0)
                    return Tick(value: value, label: Self.label(value, step: value, format: format))
                }
            }
        }

        /// The pixel position of `value` (clamped to the axis).
        func position(_ value: Double) -> Double {
            let t: Double
            switch scale {
            case .linear:
                t = (value - lower) / (upper - lower)
            case .logarithmic:
                t = value > 0 ? (log10(value) - lower) / (upper - lower) : 0
            }
            let clamped = Swift.min(1, Swift.max(0, t.isFinite ? t : 0))
            return from + (to - from) * clamped
        }

        /// 1, 2, 2.5 or 5 times a power of ten, at least `rough`.
        static func niceStep(_ rough: Double) -> Double {
            guard rough > 0, rough.isFinite else { return 1 }
            let exponent = log10(rough).rounded(.down)
            let base = pow(10, exponent)
            for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * base >= rough * (1 - 1e-12) { return factor * base }
            return 10 * base
        }

        static func label(_ value: Double, step: Double, format: TickFormat) -> String {
            switch format {
            case .number:
                let magnitude = abs(value)
                if magnitude >= 1_000_000 && step >= 100_000 {
                    return SVGText.number(value / 1_000_000, decimals: SVGText.decimals(for: step / 1_000_000)) + "M"
                }
                if magnitude >= 10_000 && step >= 1_000 {
                    return SVGText.number(value / 1_000, decimals: SVGText.decimals(for: step / 1_000)) + "k"
                }
                return SVGText.number(value, decimals: SVGText.decimals(for: step))
            case .seconds:
                if value == 0 { return "0" }
                if abs(value) < 1e-3 { return SVGText.number(value * 1e6, decimals: SVGText.decimals(for: step * 1e6)) + " µs" }
                if abs(value) < 1 { return SVGText.number(value * 1e3, decimals: SVGText.decimals(for: step * 1e3)) + " ms" }
                return SVGText.number(value, decimals: SVGText.decimals(for: step)) + " s"
            }
        }
    }
}
