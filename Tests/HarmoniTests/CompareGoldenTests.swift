import Testing

@testable import Harmoni

/// Golden files of the terminal tables: `show diff` for every tjenesteområde and basis variants,
/// `show household` for every typical household. Re-record with `RECORD_GOLDEN=1` and review.
@Suite("Compare golden files")
struct CompareGoldenTests {
    @Test("show diff for each tjenesteområde", arguments: ["administrasjon", "oppvekst", "helse", "kultur", "klima", "eiendom", "nav"])
    func diffArea(area: String) {
        let result = Fixtures.run("show diff \(area)")
        #expect(result.errors.isEmpty)
        Golden.assertMatches(result.output, named: "compare/diff-\(area).txt")
    }

    @Test(
        "show diff per month, as published and in English",
        arguments: [
            ("show diff sfo per month", "diff-sfo-per-month.txt", DisplayLanguage.nb),
            ("show diff barnehage as published", "diff-barnehage-as-published.txt", .nb),
            ("show diff klima as published", "diff-klima-as-published.txt", .nb),
            ("show diff oppvekst", "diff-oppvekst-en.txt", .en),
        ])
    func diffVariants(statement: String, file: String, language: DisplayLanguage) {
        let session = Fixtures.session()
        session.state.language = language
        let result = Fixtures.run(statement, in: session)
        #expect(result.errors.isEmpty)
        Golden.assertMatches(result.output, named: "compare/\(file)")
    }

    @Test("show household for each typical household", arguments: ["a_familie_750k", "b_enslig_300k", "c_pensjonist_2_5G", "d_ssb_standardbolig"])
    func household(id: String) {
        let result = Fixtures.run("show household \"\(id)\"")
        #expect(result.errors.isEmpty)
        Golden.assertMatches(result.output, named: "compare/household-\(id).txt")
    }

    @Test("show services and show fees")
    func catalogue() {
        Golden.assertMatches(Fixtures.run("show services").output, named: "compare/services.txt")
        Golden.assertMatches(Fixtures.run("show fees sfo").output, named: "compare/fees-sfo.txt")
    }
}
