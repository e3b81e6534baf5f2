import Testing

@testable import Harmoni

/// Every statement, object and keyword has a Norwegian form, all from one table (``Vocabulary``).
@Suite("Norwegian words")
struct NorwegianWordsTests {
    @Test(
        "A Norwegian statement does what its English form does",
        arguments: [
            ("vis budsjett", "show budget"),
            ("vis skyggebudsjett løpende", "show budget nominal"),
            ("vis husholdninger i 2021", "show households in 2021"),
            ("vis virkning etter område", "show impact by area"),
            ("vis virkning med husholdning", "show impact by household"),
            ("vis forskjell sfo per måned", "show diff sfo per month"),
            ("vis gebyrer sfo", "show fees sfo"),
            ("vis tjenester", "show services"),
            ("harmoniser sfo.* til laveste over 2020...2021 avrund 1 kr", "harmonise sfo.* to lowest over 2020...2021 round 1 kr"),
            ("harmoniser kulturskole.* med -5 % fra 2021", "harmonise kulturskole.* by -5 % from 2021"),
            ("løs kulturskole.* nøytral avrund 10 kr", "solve kulturskole.* neutral round 10 kr"),
        ])
    func sameAsEnglish(norwegian: String, english: String) {
        let decision = "harmonise sfo.* to asker\n"
        let left = Fixtures.run(decision + norwegian)
        let right = Fixtures.run(decision + english)
        #expect(left.errors.isEmpty, "\(left.errors)")
        #expect(left.output == right.output)
        #expect(!left.output.isEmpty)
    }

    @Test("One table: every statement alias, object and keyword maps to a word the language has")
    func oneTable() {
        let firstWords = Set(StatementRegistry.all.compactMap(\.words.first))
        for (alias, canonical) in Vocabulary.statementWords {
            #expect(firstWords.contains(canonical) || canonical == "help", "\(alias) → \(canonical)")
        }
        let objects = Set(StatementRegistry.all.filter { $0.words.count == 2 }.map { $0.words[1] } + ["report", "notes"])
        for (alias, canonical) in Vocabulary.objectWords { #expect(objects.contains(canonical), "\(alias) → \(canonical)") }
        #expect(StatementRegistry.all.first { $0.words == ["harmonise"] }?.aliases == ["harmoniser", "harmonize"])
    }

    @Test("Messages say «vedtak» for a decision")
    func vedtak() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["harmonise sfo.* to lowest", ".undo", ".undo"])
        _ = loop.run()
        #expect(output.out.contains("Vedtak #1 SFO: alle satser settes til laveste nivå"))
        #expect(output.out.contains("Angret: SFO: alle satser settes til laveste nivå fra 2020"))
        #expect(output.out.contains("Ingen vedtak å angre."))
        #expect(!output.transcript.contains("beslutning"))
    }
}
