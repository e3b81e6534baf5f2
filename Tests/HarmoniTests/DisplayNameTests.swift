import Testing

@testable import Harmoni

/// Display names of fee lines, services and areas (the `line` blocks and `name_en`), their use in
/// tables, the real minus sign of HTML/SVG, and ranges drawn as whiskers in charts.
@Suite("Display names, minus signs and chart ranges")
struct DisplayNameTests {
    @Test("A line block gives a fee line its names; name_en on services and areas is read")
    func lineBlock() throws {
        let text = """
            line sfo.plass_5d {
              name = "Plass 5 dager i uken"
              name_en = "Place 5 days a week"
            }
            """
        let (diagnostics, dataset) = MiniDataset.load(MarkedSource(text))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
        let key = FeeKey("sfo", "plass_5d")
        #expect(DisplayNames.line(key, in: dataset, nb: true) == "Plass 5 dager i uken")
        #expect(DisplayNames.line(key, in: dataset, nb: false) == "Place 5 days a week")
        // Without a line block: the id's words with a capital, never the dotted id.
        #expect(DisplayNames.line(FeeKey("sfo", "ferie_dag"), in: dataset, nb: true) == "Ferie dag")
        #expect(DisplayNames.serviceLine(key, in: dataset, nb: true) == "SFO: plass 5 dager i uken")
    }

    @Test("A line block for an unknown service, or named twice, is an error at its id")
    func badLineBlocks() {
        let unknown = MiniDataset.load(MarkedSource("line 1️⃣sfx.plass_5d {\n  name = \"x\"\n}\n"))
        #expect(unknown.diagnostics.map(\.message.en).contains { $0.contains("sfx") })
        let twice = MiniDataset.load(
            MarkedSource("line sfo.a {\n  name = \"x\"\n}\nline sfo.a {\n  name = \"y\"\n}\n"))
        #expect(twice.diagnostics.count == 1)
        #expect(twice.dataset.lineNames.count == 1)
    }

    @Test("The shipped dataset names every fee line, service and area in both languages")
    func shippedNames() {
        let dataset = Fixtures.dataset
        let lines = Set(dataset.fees.map(\.key))
        #expect(lines.allSatisfy { dataset.lineName($0)?.nameEN != nil }, "\(lines.filter { dataset.lineName($0) == nil })")
        #expect(dataset.services.allSatisfy { $0.nameEN != nil })
        #expect(dataset.areas.allSatisfy { $0.nameEN != nil })
        #expect(dataset.lineName(FeeKey("sfo", "plass_5d"))?.name == "Plass 5 dager i uken")
        #expect(DisplayNames.mergerName(dataset, nb: true) == "nye Asker")
    }

    @Test("The diff and household tables show display names, not ids")
    func tablesUseNames() {
        let diff = Fixtures.run("vis forskjell sfo per måned").output
        #expect(diff.contains("Plass 5 dager i uken"))
        #expect(!diff.contains("sfo.plass_5d"))
        let household = Fixtures.run("vis husholdning \"par med to barn\"").output
        #expect(household.contains("Barnehage, barn 1: full plass (5 dager)"))
        #expect(household.contains("SFO, barn 2: plass 5 dager i uken"))
        #expect(!household.contains("full_plass_5d"))
    }

    @Test("A Norwegian session echoes a decision as a Norwegian sentence")
    func echo() {
        let out = Fixtures.run("harmoniser sfo.* til laveste fra 2020").output
        #expect(out.hasPrefix("Vedtak #1 SFO: alle satser settes til laveste nivå fra 2020"))
        #expect(!out.contains("harmonise"))
    }

    @Test("HTML gets a real minus before numbers; dates and year ranges keep their hyphen")
    func minus() {
        #expect(HTML.typographicMinus("-11 594 188 kr") == "\u{2212}11 594 188 kr")
        #expect(HTML.typographicMinus("≈ -998 065 kr (-1 031 058 … -957 038)") == "≈ \u{2212}998 065 kr (\u{2212}1 031 058 … \u{2212}957 038)")
        #expect(HTML.typographicMinus("2020-2023, 2019-01-01, SFO-kurs") == "2020-2023, 2019-01-01, SFO-kurs")
    }

    @Test("A chart of a table with ranges draws a whisker per ranged bar, with a note")
    func whiskers() throws {
        let table = Table(
            kind: "impact", title: "Virkning",
            columns: [Column("group", "Område"), Column("2020", "2020", .right), Column("2021", "2021", .right)],
            rows: [
                [.text("Oppvekst"), .money(Money(kroner: -100), status: .estimated), .money(Money(kroner: 50))],
                [.text("Klima"), .money(Money(kroner: 200)), .money(Money(kroner: 300))],
            ]
        ).insertingRanges(
            [
                [nil, (.money(Money(kroner: -150)), .money(Money(kroner: -80))), nil],
                [nil, nil, (.money(Money(kroner: 250)), .money(Money(kroner: 400)))],
            ], language: .nb)
        let chart = try #require(BarChart.suggested(for: table))
        #expect(chart.series == ["2020", "2021"], "range columns are not series")
        #expect(chart.note?.contains("Strekene viser spennet") == true)
        let layout = BarChartLayout(chart)
        #expect(layout.whiskers.count == 2)
        let first = try #require(layout.whiskers.first)
        #expect(first.x1 < first.x2 && first.x2 < layout.zeroX, "both ends of a negative range left of zero")
        let svg = SVG.render(text: layout)
        #expect(svg.components(separatedBy: "class=\"range\"").count - 1 == 2)
        #expect(svg.contains("\u{2212}100 kr"))
        // Without ranges: no whiskers and no note.
        let plain = try #require(BarChart.suggested(for: ExportFixtures.impact))
        #expect(BarChartLayout(plain).whiskers.isEmpty)
        #expect(plain.note?.contains("Strekene") != true)
    }
}
