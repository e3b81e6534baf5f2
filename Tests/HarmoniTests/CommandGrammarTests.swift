import Foundation
import Testing

@testable import Harmoni

/// The command grammar of HarmoniLanguage (issue 12, item 4): typed syntax, `fmt` round trips,
/// Norwegian spellings through ``Vocabulary``, errors at the word.
@Suite("Command grammar: typed syntax, round trips, error positions")
struct CommandGrammarTests {
    /// The command of a one-statement text, parsed clean.
    static func command(_ text: String, name: String = "<test>") throws -> (Command, SourceFile) {
        let file = SourceFile(name: name, text: text)
        let (unit, diagnostics) = Parser.parse(file)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
        let statement = try #require(unit.statements.first)
        guard case .command(let command) = statement.kind else {
            Issue.record("not a command: \(text)")
            throw CommandSyntaxError(.unexpectedEnd, .at(0))
        }
        return (command, file)
    }

    static func syntax(_ text: String) throws -> CommandSyntax {
        let (command, file) = try command(text)
        return try #require(try CommandGrammar.parse(command, file: file))
    }

    static let statements = [
        "harmonise sfo.* to lowest",
        "harmonise sfo.* by -5 %",
        "harmonise sfo.* by -5 % from 2021",
        "harmonise sfo.* to weighted over 2020...2023 round 10 kr",
        "harmonise sfo.* to asker keep structure annual",
        "harmonise vann.* to 2 990 kr/mnd path [25 %, 50 %, 100 %] from 2021",
        "harmonise asker.sfo.plass_5d to hurum each",
        "harmonise sfo.moderasjon to asker from 2021",
        "set trygghetsalarm.abonnement = 250 kr/mnd from 2021",
        "set sfo.* = pris over 2021...2023",
        "solve kulturskole.* neutral",
        "solve kulturskole.* = 40 000 000 kr in 2023 round 10 kr",
        "coverage barnehage.andel in royken = 95 % from 2021",
        "growth barnehage = population age_1_5",
        "growth all = 1,5 %",
        "period 2020...2023",
        "deflator 2021 = 0 %",
        "deflator 2021...2023 = -1,5 %",
        "prices nominal",
        "harmoniser sfo.* til laveste over 2020...2023 avrund 10 kr",
        "harmoniser sfo.* med -5 % fra 2021",
        "sett sfo.* = 3 000 kr/mnd fra 2021",
        "løs kulturskole.* nøytral i 2023",
        "dekningsgrad barnehage.andel i royken = 95 %",
        "vekst alle = befolkning age_1_5",
        "periode 2021...2024",
        "priser løpende",
        "harmoniser sfo.* til asker behold struktur årlig",
    ]

    @Test("Every statement of the grammar round-trips: parse → fmt → parse gives the same syntax", arguments: statements)
    func roundTrip(_ text: String) throws {
        let syntax = try Self.syntax(text)
        let formatted = Formatter.format(Parser.parse(SourceFile(name: "x", text: text)).unit)
            .trimmingCharacters(in: .newlines)
        #expect(formatted == syntax.text(), "fmt and the syntax print differently")
        let again = try Self.syntax(formatted)
        #expect(again.text() == syntax.text())
        #expect(again.text(canonicalWords: true) == syntax.text(canonicalWords: true))
        #expect(formatted == text, "the examples are written canonically")
    }

    @Test("fmt prints a glued negative percent and a parenthesised value apart from their keyword")
    func formatsGlued() throws {
        #expect(format("harmonise sfo.* by - 5 %\n") == "harmonise sfo.* by -5 %\n")
        #expect(format("harmonise sfo.* by (5 %)\n") == "harmonise sfo.* by 5 %\n")
        #expect(format("harmonise sfo.* by -5 %\n") == "harmonise sfo.* by -5 %\n")
        expectFormatterPromises("harmonise sfo.* by - 5 % from 2021\nharmonise sfo.* to(2 990 kr/mnd)\n")
    }

    @Test("Norwegian spellings give the same syntax as the English words")
    func norwegian() throws {
        let pairs = [
            ("harmoniser sfo.* til laveste over 2020...2023 avrund 10 kr", "harmonise sfo.* to lowest over 2020...2023 round 10 kr"),
            ("harmoniser sfo.* med -5 % fra 2021", "harmonise sfo.* by -5 % from 2021"),
            ("løs kulturskole.* nøytral i 2023", "solve kulturskole.* neutral in 2023"),
            ("priser løpende", "prices nominal"),
            ("vekst alle = befolkning age_1_5", "growth alle = population age_1_5"),
        ]
        for (nb, en) in pairs {
            #expect(try Self.syntax(nb).text(canonicalWords: true) == Self.syntax(en).text(canonicalWords: true))
        }
    }

    @Test("The syntax is typed: goal, options and their values")
    func typed() throws {
        guard case .harmonise(let h) = try Self.syntax("harmonise asker.sfo.* by -5 % over 2021...2023 round 10 kr each")
        else {
            Issue.record("not harmonise")
            return
        }
        #expect(h.target.text == "asker.sfo.*")
        guard case .by(let by, let value) = h.goal else {
            Issue.record("not by")
            return
        }
        #expect(by.canonical == "by")
        #expect(Formatter.expression(value) == "-5 %")
        #expect(h.options.count == 3)
        guard case .over(_, let years) = h.options[0], case .round(_, let step) = h.options[1], case .each = h.options[2] else {
            Issue.record("options out of order")
            return
        }
        #expect(Formatter.expression(years) == "2021...2023")
        #expect(Formatter.expression(step) == "10 kr")
        guard case .solve(let s) = try Self.syntax("solve kulturskole.* = 40 000 000 kr in 2023") else {
            Issue.record("not solve")
            return
        }
        #expect(s.neutral == nil)
        #expect(s.goal.map(Formatter.expression) == "40 000 000 kr")
        #expect(s.year.map { Formatter.expression($0.value) } == "2023")
    }

    @Test(
        "A statement of the wrong shape is an error at the word, in Norwegian",
        arguments: [
            ("harmonise sfo.* 1️⃣lowest", "forventet «to» eller «by», fant «lowest»"),
            ("harmonise sfo.* to lowest 1️⃣twice", "forventet «keep structure», «annual», «from», «over», «path», «round», fant «twice»"),
            ("harmonise sfo.* to lowest 1️⃣from 2021 over 2021...2023", "bare én innfasing: «from», «over» eller «path» (med ev. «from»)"),
            ("harmonise sfo.* to lowest 1️⃣round 10 kr round 5 kr", "«round» er gitt to ganger"),
            ("harmonise sfo.* to lowest keep 1️⃣strukture", "forventet «structure», fant «strukture»"),
            ("set sfo.* 1️⃣2 990 kr", "forventet «=», fant «2 990 kr»"),
            ("set sfo.* = 3 000 kr 1️⃣each", "forventet «annual», «from», «over», «path», «round», fant «each»"),
            ("solve sfo.* 1️⃣in 2023", "forventet «neutral» eller «=», fant «in»"),
            ("coverage 1️⃣barnehage in royken = 95 %", "forventet tjeneste.indikator, f.eks. barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5"),
            ("coverage barnehage.andel 1️⃣royken = 95 %", "forventet «in», fant «royken»"),
            ("prices 1️⃣cheap", "forventet «fixed» eller «nominal», fant «cheap»"),
            ("deflator 2021 1️⃣0 %", "forventet «=», fant «0 %»"),
            ("period 2020...2023 1️⃣extra", "forventet slutten av setningen, fant «extra»"),
            ("growth sfo =1️⃣", "forventet en prosentsats (f.eks. 3,1 %), fant slutten av setningen"),
        ])
    func errors(_ marked: String, _ message: String) throws {
        let source = MarkedSource(marked)
        let (command, file) = try Self.command(source.text)
        do throws(CommandSyntaxError) {
            _ = try CommandGrammar.parse(command, file: file)
            Issue.record("no error for \(source.text)")
        } catch {
            #expect(error.message.nb == message)
            #expect(error.range.start == source["1️⃣"], "\(source.text): at \(error.range.start)")
        }
    }

    @Test("Through the session, a grammar error is file:line:column at the word")
    func sessionPosition() {
        let result = Fixtures.run("period 2020...2023\nharmonise sfo.* to lowest round 10 kr round 5 kr\n")
        #expect(result.errors.contains("<test>:2:27: feil: «round» er gitt to ganger"), "\(result.errors)")
        let english = Fixtures.run("harmonise sfo.* 5 %\n")
        #expect(english.errors.contains("<test>:1:17: feil: forventet «to» eller «by», fant «5 %»"), "\(english.errors)")
    }

    @Test("Statements outside the grammar are not read by it")
    func others() throws {
        let (command, file) = try Self.command("show impact by area")
        #expect(try CommandGrammar.parse(command, file: file) == nil)
    }
}

/// `show diff <scope> after` (issue 12, item 7): the harmonised prices side by side.
@Suite("show diff … after: prices after the decisions")
struct DiffAfterTests {
    @Test("After harmonising SFO to the lowest, every SFO line has one monthly price in all three, as published")
    func lowest() {
        let result = Fixtures.run("harmonise sfo.* to lowest\nshow diff sfo after in 2021 as published")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output.contains("– etter vedtakene"))
        #expect(result.output.contains("Etter vedtakene: prisene i 2021 med scenariets 1 vedtak, i faste 2020-kroner"))
        let row = result.output.split(separator: "\n").first { $0.hasPrefix("sfo.plass_5d") }.map(String.init) ?? ""
        // Hurum's 2 568 kr lifted by 3,1 % to 2020 kroner: 2 648 kr in all three.
        #expect(row.components(separatedBy: "2 648 kr").count - 1 >= 3, "\(row)")
        let before = Fixtures.run("harmonise sfo.* to lowest\nshow diff sfo as published").output
        #expect(!before.contains("etter vedtakene"))
    }

    @Test("Norwegian: vis forskjell sfo etterpå; a year outside the period is an error at the year")
    func norwegianAndErrors() {
        let result = Fixtures.run("harmoniser sfo.* til høyeste\nvis forskjell sfo etterpå")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output.contains("Sammenligning: SFO – kr per år inkl. mva (2023) – etter vedtakene"))
        let outside = Fixtures.run("show diff sfo after in 2019")
        #expect(outside.errors.contains("<test>:1:15: feil: året 2019 er utenfor perioden 2020...2023"), "\(outside.errors)")
    }
}
