import HarmoniModel
import HarmoniReport

/// The geometry of a horizontal grouped bar chart, in whole pixels, computed with integers only
/// (so the SVG is identical on every machine). ``SVG/render(_:)`` turns it into markup.
///
/// Categories run top to bottom with their labels on the left; inside a category, one bar per
/// series. Bars grow from a zero line to the right (positive) or left (negative); each bar's value
/// is written just past its end (past the zero line for negative bars). Estimates are drawn pale
/// with a dashed outline and labelled `≈`; missing values draw no bar and are labelled.
public struct BarChartLayout: Sendable, Hashable {
    /// A bar: a rectangle in the colour of its series.
    public struct Bar: Sendable, Hashable {
        /// Left edge (pixels from the chart's left).
        public var x: Int
        /// Top edge (pixels from the chart's top).
        public var y: Int
        /// Width in pixels; at least 1 for a value other than zero.
        public var width: Int
        /// Height in pixels.
        public var height: Int
        /// Index into the chart's series (and the palette).
        public var series: Int
        /// True for an estimated value (drawn pale and dashed).
        public var estimate: Bool
    }

    /// A piece of text placed in the chart.
    public struct Label: Sendable, Hashable {
        /// Which end of the text is at `x`.
        public enum Anchor: String, Sendable, Hashable {
            case start
            case end
        }
        /// What the text is (also its CSS class).
        public enum Role: String, Sendable, Hashable {
            case category
            case value
            case legend
        }
        /// Where the anchored end of the text is.
        public var x: Int
        /// The text baseline.
        public var y: Int
        /// The text, escaped when rendered.
        public var text: String
        /// Which end of the text is at `x`.
        public var anchor: Anchor
        /// Category label, bar value or legend entry.
        public var role: Role
    }

    /// A range whisker: a horizontal line from the low to the high end at the bar's middle, with
    /// end ticks (SVG class `range`).
    public struct Whisker: Sendable, Hashable {
        public var x1: Int
        public var x2: Int
        /// The middle of the bar.
        public var y: Int
    }

    /// A legend swatch: a small square in a series' colour.
    public struct Swatch: Sendable, Hashable {
        /// Left edge.
        public var x: Int
        /// Top edge.
        public var y: Int
        /// Index into the chart's series (and the palette).
        public var series: Int
    }

    /// The chart's width in pixels (``chartWidth``).
    public var width: Int
    /// The chart's height in pixels: grows with the number of categories and series.
    public var height: Int
    /// The chart's title (SVG `<title>`, read by screen readers).
    public var title: String
    /// The x of the zero line, and its vertical extent.
    public var zeroX: Int
    /// Top of the zero line.
    public var plotTop: Int
    /// Bottom of the zero line.
    public var plotBottom: Int
    /// The bars, category by category, series by series.
    public var bars: [Bar]
    /// Legend entries, category labels and value labels.
    public var labels: [Label]
    /// The legend's colour squares.
    public var swatches: [Swatch]
    /// The range whiskers (none when the chart has no ranges).
    public var whiskers: [Whisker]

    /// Fixed dimensions (pixels).
    public static let chartWidth = 760
    /// Width of the category label column.
    public static let labelWidth = 210
    /// Room right of the plot for value labels.
    public static let valueSpace = 120
    static let barHeight = 14
    static let barGap = 2
    static let groupGap = 10
    static let legendHeight = 26
    static let swatchSize = 10
    static let maximumLabelLength = 32

    /// Lays out `chart`. Values are scaled from the smallest to the largest of zero and the values.
    public init(_ chart: BarChart, language: DisplayLanguageTag = .nb) {
        let width = Self.chartWidth
        let plotLeft = Self.labelWidth + 8
        let plotRight = width - Self.valueSpace
        let magnitudes = chart.values.flatMap { $0.compactMap(\.chartMagnitude) }
            + chart.ranges.flatMap { $0.flatMap { [$0?.low.chartMagnitude, $0?.high.chartMagnitude].compactMap { $0 } } }
        let low = min(0, magnitudes.min() ?? 0)
        var high = max(0, magnitudes.max() ?? 0)
        if high == low { high = low + 1 }
        func x(_ value: Int64) -> Int {
            let offset = (Int128(value) - Int128(low)) * Int128(plotRight - plotLeft) / (Int128(high) - Int128(low))
            return plotLeft + Int(offset)
        }
        let zeroX = x(0)
        var bars: [Bar] = []
        var labels: [Label] = []
        var swatches: [Swatch] = []
        var whiskers: [Whisker] = []

        var legendX = plotLeft
        for (i, name) in chart.series.enumerated() {
            swatches.append(Swatch(x: legendX, y: 8, series: i))
            let text = Self.shortened(name)
            labels.append(Label(x: legendX + Self.swatchSize + 4, y: 17, text: text, anchor: .start, role: .legend))
            legendX += Self.swatchSize + 4 + text.count * 7 + 16
        }

        let seriesCount = max(1, chart.series.count)
        let groupHeight = seriesCount * (Self.barHeight + Self.barGap) - Self.barGap
        var y = Self.legendHeight + 6
        let plotTop = y - 4
        for (c, category) in chart.categories.enumerated() {
            // A long label takes two lines (broken between words) rather than being cut; the
            // group grows to hold them and its bars are centred beside them.
            let lines = Self.wrapped(category)
            let extent = max(groupHeight, lines.count * Self.lineHeight + 2)
            let barsTop = y + (extent - groupHeight) / 2
            let firstBaseline = y + extent / 2 + 4 - (lines.count - 1) * Self.lineHeight / 2
            for (i, line) in lines.enumerated() {
                labels.append(
                    Label(x: Self.labelWidth, y: firstBaseline + i * Self.lineHeight, text: line, anchor: .end, role: .category))
            }
            let row = c < chart.values.count ? chart.values[c] : []
            for s in 0..<seriesCount {
                let barY = barsTop + s * (Self.barHeight + Self.barGap)
                let cell = s < row.count ? row[s] : .empty
                let text = TextTable.cellText(cell, language: language)
                if let value = cell.chartMagnitude {
                    let end = x(value)
                    let left = min(zeroX, end)
                    let barWidth = max(value == 0 ? 0 : 1, abs(end - zeroX))
                    bars.append(Bar(x: left, y: barY, width: barWidth, height: Self.barHeight, series: s, estimate: cell.isEstimate))
                    var labelX = value < 0 ? zeroX + 4 : left + barWidth + 4
                    let range = c < chart.ranges.count && s < chart.ranges[c].count ? chart.ranges[c][s] : nil
                    if let range, let lowValue = range.low.chartMagnitude, let highValue = range.high.chartMagnitude {
                        let x1 = x(min(lowValue, highValue))
                        let x2 = x(max(lowValue, highValue))
                        whiskers.append(Whisker(x1: x1, x2: x2, y: barY + Self.barHeight / 2))
                        labelX = max(labelX, max(x2, zeroX) + 4)
                    }
                    labels.append(Label(x: labelX, y: barY + Self.barHeight - 3, text: text, anchor: .start, role: .value))
                } else if !text.isEmpty {
                    labels.append(Label(x: zeroX + 4, y: barY + Self.barHeight - 3, text: text, anchor: .start, role: .value))
                }
            }
            y += extent + Self.groupGap
        }
        let plotBottom = y - Self.groupGap + 4
        self.width = width
        self.height = plotBottom + 8
        self.title = chart.title
        self.zeroX = zeroX
        self.plotTop = plotTop
        self.plotBottom = plotBottom
        self.bars = bars
        self.labels = labels
        self.swatches = swatches
        self.whiskers = whiskers
    }

    /// The distance between the baselines of a two-line category label.
    static let lineHeight = 13

    /// A category label in at most two lines of at most ``maximumLabelLength`` characters, broken
    /// between words; only a label that does not fit in two lines (or a word longer than a line)
    /// is cut, with `…`.
    public static func wrapped(_ text: String) -> [String] {
        let oneLine = shortened(text, to: Int.max)
        guard oneLine.count > maximumLabelLength else { return [oneLine] }
        let words = oneLine.split(separator: " ").map(String.init)
        var taken = 0
        var first = ""
        while taken < words.count {
            let candidate = first.isEmpty ? words[taken] : first + " " + words[taken]
            guard candidate.count <= maximumLabelLength else { break }
            first = candidate
            taken += 1
        }
        if taken == 0 { return [shortened(oneLine)] }
        let second = words[taken...].joined(separator: " ")
        return second.isEmpty ? [first] : [first, shortened(second)]
    }

    /// A label cut to ``maximumLabelLength`` characters, with `…` when cut.
    static func shortened(_ text: String, to length: Int = maximumLabelLength) -> String {
        let oneLine = text.replacingScalars { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : nil }
        guard oneLine.count > length else { return oneLine }
        return String(oneLine.prefix(length - 1)) + "…"
    }
}
