import Testing

@testable import Harmoni

@Suite("Bar charts: from tables to geometry to SVG")
struct ExportChartTests {
    @Test("A comparison is charted per municipality")
    func municipalities() throws {
        let chart = try #require(BarChart.suggested(for: ExportFixtures.diff))
        #expect(chart.series == ["Asker", "Røyken", "Hurum"])
        #expect(chart.categories == ["SFO, 100 % plass", "SFO, 60 % plass", "Kost per måned"])
    }

    @Test("Impact is charted by area and year, without the total row")
    func years() throws {
        let chart = try #require(BarChart.suggested(for: ExportFixtures.impact))
        #expect(chart.series == ["2020", "2021", "2022", "2023"])
        #expect(chart.categories == ["Oppvekst, undervisning, kunnskap", "Kultur, idrett, frivillighet"])
    }

    @Test("A table without a label column or numbers gets no chart")
    func noChart() {
        let numbersOnly = Table(kind: "diff", title: "t", columns: [Column("a", "A")], rows: [[.money(Money(kroner: 1))]])
        let textOnly = Table(kind: "diff", title: "t", columns: [Column("a", "A")], rows: [[.text("x")]])
        #expect(BarChart.suggested(for: numbersOnly) == nil)
        #expect(BarChart.suggested(for: textOnly) == nil)
    }

    @Test("Bars grow from the zero line, in proportion, left for negative values")
    func geometry() throws {
        let chart = BarChart(
            title: "t", categories: ["a", "b"], series: ["x"],
            values: [[.money(Money(kroner: -100))], [.money(Money(kroner: 300))]])
        let layout = BarChartLayout(chart)
        let left = BarChartLayout.labelWidth + 8
        let right = BarChartLayout.chartWidth - BarChartLayout.valueSpace
        #expect(layout.zeroX == left + (right - left) / 4)
        #expect(layout.bars.count == 2)
        #expect(layout.bars[0].x == left)
        #expect(layout.bars[0].x + layout.bars[0].width == layout.zeroX)
        #expect(layout.bars[1].x == layout.zeroX)
        #expect(layout.bars[1].x + layout.bars[1].width == right)
        #expect(abs(layout.bars[1].width - 3 * layout.bars[0].width) <= 3, "whole pixels, rounded down")
        #expect(layout.bars[1].y > layout.bars[0].y)
        #expect(layout.labels.filter { $0.role == .value }.map(\.text) == ["-100 kr", "300 kr"])
    }

    @Test("Estimates are drawn pale and marked; missing values draw no bar and say so")
    func estimatesAndMissing() {
        let chart = BarChart(
            title: "t", categories: ["a"], series: ["x", "y"],
            values: [[.money(Money(kroner: 50), status: .estimated, footnotes: [1]), .missing(footnotes: [2])]])
        let layout = BarChartLayout(chart)
        #expect(layout.bars.count == 1)
        #expect(layout.bars[0].estimate)
        #expect(layout.labels.filter { $0.role == .value }.map(\.text) == ["≈ 50 kr¹", "mangler²"])
        let svg = SVG.render(text: layout)
        #expect(svg.contains("fill-opacity=\"0.4\""))
        #expect(svg.contains("stroke-dasharray"))
    }

    @Test("Labels are shortened, and all text in the SVG is escaped")
    func escapedLabels() {
        let long = String(repeating: "x", count: 60)
        let chart = BarChart(
            title: "<script>t</script>", categories: ["<img src=x onerror=alert(1)>", long], series: ["\"s\""],
            values: [[.money(Money(kroner: 1))], [.money(Money(kroner: 2))]])
        let layout = BarChartLayout(chart)
        #expect(layout.labels.contains { $0.text == String(repeating: "x", count: 31) + "…" })
        let svg = SVG.render(text: layout)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<img"))
        #expect(svg.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(svg.contains("&quot;s&quot;"))
    }

    @Test("All values zero still gives a valid layout")
    func zeros() {
        let layout = BarChartLayout(BarChart(title: "t", categories: ["a"], series: ["x"], values: [[.money(.zero)]]))
        #expect(layout.bars.count == 1)
        #expect(layout.bars[0].width == 0)
        #expect(layout.height > layout.plotBottom)
    }
}
