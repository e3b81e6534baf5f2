import Testing

@testable import Harmoni

/// «Mente du …?»: every unknown word is answered with the closest known one, and the message
/// says what was expected.
@Suite("Mente du …?")
struct SuggestionTests {
    @Test("Edit distance counts insertions, deletions and substitutions, ignoring case")
    func distance() {
        #expect(Suggestion.distance("askr", "asker") == 1)
        #expect(Suggestion.distance("Asker", "asker") == 0)
        #expect(Suggestion.distance("royken", "hurum") == 6)
        #expect(Suggestion.distance("", "sfo") == 3)
        #expect(Suggestion.closest(to: "askr", in: ["asker", "royken", "hurum"]) == "asker")
        #expect(Suggestion.closest(to: "xyz", in: ["asker", "royken", "hurum"]) == nil)
        #expect(Suggestion.closest(to: "asker", in: ["asker"]) == nil, "the word itself is never suggested")
    }

    @Test(
        "Unknown statements, objects, lines, municipalities and session commands get a suggestion",
        arguments: [
            ("harmonise sfo.* til askr", "ukjent kommune «askr»; mente du asker?"),
            ("harmoniser sfo.* til lavst", "ukjent nivå «lavst»; mente du lavest?"),
            ("harmonise sfo.* to xyzzy", "ukjent kommune eller nivå «xyzzy»; velg lowest, highest, mean, weighted, asker, royken, hurum eller et beløp"),
            ("harmonise sfoo.* to lowest", "mente du sfo.*?"),
            ("harmonise sfo.plass_5dd to lowest", "mente du sfo.plass_5d?"),
            ("shw diff sfo", "ukjent setning «shw»; mente du show?"),
            ("vis budsjet", "ukjent «vis budsjet»; mente du budsjett?"),
            ("show diff barnehag", "ukjent tjeneste eller område «barnehag»; mente du barnehage?"),
            ("show diff sfo.plass_5dd", "ukjent gebyrlinje «sfo.plass_5dd»; mente du sfo.plass_5d?"),
            ("print asker.sfo.plass_5dd", "mente du asker.sfo.plass_5d?"),
            ("print askr.sfo.plass_5d", "ukjent kommune «askr»; mente du asker?"),
            ("coverage barnehage.x in askr = 90 %", "ukjent kommune «askr»; mente du asker?"),
        ])
    func statements(_ statement: String, _ message: String) {
        let result = Fixtures.run(statement)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test("A let name after «to» is still a value, not an unknown municipality")
    func bindingAfterTo() {
        let result = Fixtures.run("let pris = 2 000 kr/mnd\nharmonise sfo.plass_5d to pris")
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test("An unknown session command suggests the closest one")
    func dotCommand() {
        let (loop, _, output) = ReplFixtures.loop(lines: [".sav \"x.harmoni\"", ".angr"])
        _ = loop.run()
        #expect(output.err.contains("ukjent kommando «.sav»; mente du .save?"))
        #expect(output.err.contains("ukjent kommando «.angr»; mente du .angre?"))
    }
}
