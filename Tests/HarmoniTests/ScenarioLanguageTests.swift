import Foundation
import Testing

@testable import Harmoni

/// Runs statements in a fresh session; the output, or the first rendered error.
private func run(_ text: String) -> (output: String, errors: String) { Fixtures.run(text) }

@Suite("The scenario language: let, expressions, references, functions, strings, comments")
struct ScenarioLanguageTests {
    @Test(
        "Expressions over money, rates and plain numbers are exact (hand-checked)",
        arguments: [
            ("2 990 kr + 50 kr", "3 040 kr"), ("2 990 kr/mnd - 1 000 kr", "1 990 kr/mnd"), ("10 - 3 * 2", "4"),
            ("(10 - 3) * 2", "14"), ("1 / 3", "0,333333"), ("2 / 3", "0,666667"), ("-(2 + 3)", "-5"),
            ("2 990 kr * 3,1 %", "92,69 kr"), ("2 990 kr * 11", "32 890 kr"), ("1 000 kr / 3", "333,33 kr"),
            ("2 kr / 3", "0,67 kr"), ("3 040 kr / 2 990 kr", "101,6722 %"), ("3,1 % + 0,4 %", "3,5 %"),
            ("3,1 % * 2", "6,2 %"), ("2 * 3,1 %", "6,2 %"), ("3,1 % / 2", "1,55 %"), ("50 % * 3,1 %", "1,55 %"),
            ("3,1 % / 1 %", "3,1"), ("1 408,43 kr - 0,43 kr", "1 408 kr"), ("-1 200 kr", "-1 200 kr"),
            ("3 > 2", "ja"), ("2 990 kr <= 2 989 kr", "nei"), ("2 843 kr/mnd == 2 843 kr", "ja"),
            ("3,1 % != 3,1 %", "nei"),
            ("2019...2020", "2019-01-01...2020-12-31"), ("2,8 G", "2,8 G"),
            ("\"en tekst # ikke kommentar\"", "\"en tekst # ikke kommentar\""),
        ])
    func arithmetic(expression: String, expected: String) {
        let result = run("print \(expression)  # a comment after the statement")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output == expected + "\n")
    }

    @Test(
        "Expressions that mix what cannot be mixed are errors at the expression, with a clear message",
        arguments: [
            ("1 kr + 5 %", "kan ikke bruke «+» på et kronebeløp og en prosentsats"),
            ("100 kr/mnd + 1 kr/år", "beløp med ulik periode (kr/mnd og kr/år)"),
            ("100 kr/mnd < 100 kr/år", "beløp med ulik periode"), ("10 kr / 0", "deling på null"),
            ("1 / 0", "deling på null"),
            ("3,1 % / 0", "deling på null"), ("1 + q", "ukjent navn «q»"), ("q", "ukjent navn «q»"),
            (
                "sfo.plass_5d * 2",
                "«sfo.plass_5d» er ikke et tall eller beløp; skriv f.eks. asker.sfo.plass_5d eller lowest(sfo.plass_5d)"
            ),
            ("asker.kulturskole.elevplass", "«asker.kulturskole.elevplass» er ingen verdi i datasettet"),
            ("9 000 000 000 000 kr * 9 000 000", "tallet blir for stort"), ("2,999 kr", "høyst to desimaler"),
            ("\"a\" + 1", "kan ikke bruke «+» på en tekst og et tall"), ("-\"a\"", "kan ikke negere en tekst"),
            ("2020...2019", "perioden slutter før den begynner"),
        ])
    func typeErrors(expression: String, message: String) {
        let result = run("print \(expression)")
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("<test>:1:7: feil: "), "\(result.errors)")
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test("References read the dataset on 31 December 2019: fees, rule parameters and national parameters")
    func references() {
        #expect(run("print asker.sfo.plass_5d").output == "2 843 kr/mnd\n")
        #expect(run("print asker.barnehage.full_plass_5d").output == "3 040 kr/mnd\n", "the price from 1.8.2019")
        #expect(run("print asker.renovasjon.variabel_2hjul_140_360l").output == "15,08 kr/l/år\n")
        #expect(run("print asker.sfo.moderasjon.threshold_75pct_G").output == "2,8 G\n")
        #expect(run("print royken.sfo.friplass.income_under_G").output == "3 G\n")
        #expect(run("print nasjonal.grunnbelop.G").output == "99 858 kr\n", "G from 1.5.2019")
        #expect(run("print 2,8 * nasjonal.grunnbelop.G").output == "279 602,40 kr\n")
    }

    @Test("The functions lowest, highest, mean, weighted, round, min and max (hand-checked)")
    func functions() {
        // SFO 5 days: Asker 2 843 (1 221 pupils), Røyken 3 388 (435), Hurum 2 568 (153) kr/mnd.
        #expect(run("print lowest(sfo.plass_5d)").output == "2 568 kr/mnd\n")
        #expect(run("print highest(sfo.plass_5d)").output == "3 388 kr/mnd\n")
        #expect(run("print mean(sfo.plass_5d)").output == "2 933 kr/mnd\n", "8 799 / 3")
        #expect(run("print weighted(sfo.plass_5d)").output == "2 950,79 kr/mnd\n", "5 337 987 / 1 809 = 2 950,794")
        #expect(run("print round(2 950,79 kr, 10 kr)").output == "2 950 kr\n")
        #expect(run("print round(2 955 kr/mnd, 10 kr)").output == "2 960 kr/mnd\n", "half-up")
        #expect(run("print min(asker.sfo.plass_5d, 3 000 kr/mnd, royken.sfo.plass_5d)").output == "2 843 kr/mnd\n")
        #expect(run("print max(1, 7, 3)").output == "7\n")
        #expect(run("print max(3,1 %, 2 %)").output == "3,1 %\n")
        #expect(
            run("print mean(kulturskole.instrumentleie_fiolin)").output == "450 kr/semester\n",
            "only Røyken has the line")
    }

    @Test(
        "Function errors name the function and what it needs",
        arguments: [
            ("weighted(sfo.ekstra_dag)", "«weighted» trenger volum for sfo.ekstra_dag i asker"),
            ("lowest(asker.sfo.plass_5d)", "«lowest» tar en gebyrlinje uten kommune"),
            ("lowest(sfo.nope)", "ukjent gebyrlinje «sfo.nope»"), ("round(1 kr)", "«round» tar 2 argumenter, fikk 1"),
            ("round(10 kr, 0 kr)", "«round» tar et beløp og et positivt steg"),
            ("min()", "«min» trenger minst ett argument, f.eks. min(2 kr, 3 kr)"),
            ("max(1 kr, 1 %)", "kan ikke sammenligne"), ("foo(1)", "ukjent funksjon «foo»; kjente: lowest, highest"),
            ("mean(sfo.plass_5d, sfo.plass_4d)", "«mean» tar ett argument, fikk 2"),
        ])
    func functionErrors(expression: String, message: String) {
        let result = run("print \(expression)")
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test("let binds a name; a later let wins; names work in decisions and are resolved there")
    func bindings() {
        let session = Fixtures.session()
        let result = Fixtures.run(
            """
            let pris = round(mean(sfo.plass_5d), 10 kr)
            print pris
            let pris = pris + 10 kr
            print pris * 2
            let linje = sfo.plass_5d
            print lowest(linje)
            set sfo.* = pris
            """, in: session)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(
            result.output.hasPrefix("2 930 kr/mnd\n5 880 kr/mnd\n2 568 kr/mnd\nVedtak #1 SFO: alle satser settes til 2 940 kr/mnd fra 2020\n"))
        #expect(session.state.scenario.decisions.map(\.canonicalStatement) == ["set sfo.* = 2 940 kr/mnd"])
    }

    @Test(
        "A keyword or function name cannot be bound",
        arguments: ["harmonise", "vis", "lowest", "round", "save", "compare", "let"])
    func reservedNames(name: String) {
        let result = run("let \(name) = 1")
        #expect(!result.errors.isEmpty)
        if name != "let" { #expect(result.errors.contains("«\(name)» er et reservert ord"), "\(result.errors)") }
    }

    @Test("Comments run to the end of the line, also after statements and inside multi-line expressions")
    func comments() {
        let result = run("# a whole line\nprint (1 +  # open bracket\n  2)  # the sum\n#\nprint \"# not a comment\"")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output == "3\n\"# not a comment\"\n")
    }

    @Test("scenario names the scenario; one string only")
    func scenarioName() {
        let session = Fixtures.session()
        _ = Fixtures.run("scenario \"HP 2020 «prøve»\"", in: session)
        #expect(session.state.scenario.name == "HP 2020 «prøve»")
        #expect(run("scenario \"x\" \"y\"").errors.contains("forventet slutten av setningen"))
        #expect(run("scenario").errors.contains("feil:"))
    }

    @Test(
        "Norwegian spellings do what the English keywords do",
        arguments: [
            ("vis diff sfo", "show diff sfo"), ("skriv 1 + 1", "print 1 + 1"),
            ("harmoniser sfo.* til laveste", "harmonise sfo.* to lowest"),
            ("sett sfo.plass_5d = 3 000 kr/mnd", "set sfo.plass_5d = 3 000 kr/mnd"),
            ("løs kulturskole.* nøytral", "solve kulturskole.* neutral"),
            ("periode 2020...2021\nvis budget", "period 2020...2021\nshow budget"),
            (
                "dekningsgrad barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in royken = 90 %",
                "coverage barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in royken = 90 %"
            ),
            (
                "grunnlag hurum.sfo.plass_5d = 2 700 kr/mnd kilde \"Hurum\"",
                "baseline hurum.sfo.plass_5d = 2 700 kr/mnd source \"Hurum\""
            ),
            ("bruk datasett \"datasets\"", "use dataset \"datasets\""),
            (
                "sammenlign \"scenarios/laveste-nivaa.harmoni\" \"scenarios/budsjettnoytral.harmoni\"",
                "compare \"scenarios/laveste-nivaa.harmoni\" \"scenarios/budsjettnoytral.harmoni\""
            ),
        ])
    func aliases(norwegian: String, english: String) {
        let left = ScenarioFixtures.render(norwegian, in: ScenarioFixtures.session())
        let right = ScenarioFixtures.render(english, in: ScenarioFixtures.session())
        #expect(left.errors.isEmpty, "\(left.errors)")
        #expect(left.output == right.output)
        #expect(!left.output.isEmpty || norwegian.hasPrefix("bruk"))
    }
}
