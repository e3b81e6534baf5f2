import Foundation
import Testing

@testable import Harmoni

/// Issue 15's arithmetic crashes and wrong outputs on overflow: each case, and a seeded family
/// around it, gives an exact result or a positioned Norwegian error — never a trap, never a
/// silently wrong number.
@Suite("Overflow: exact results or positioned errors")
struct OverflowTests {
    static func deflators(_ years: ClosedRange<Int>, _ rate: String = "3,1 %") -> String {
        years.map { "deflator \($0) = \(rate)\n" }.joined()
    }

    @Test("A ten-year period in nominal prices runs every nominal table (2020...2029)")
    func tenYearsNominal() throws {
        let text =
            "period 2020...2029\n" + Self.deflators(2024...2029)
            + "harmonise sfo.* to lowest\nshow budget nominal\nshow impact nominal\nshow households in 2029 nominal\n"
        let (output, errors) = Fixtures.run(text)
        #expect(errors.isEmpty, "\(errors)")
        #expect(output.contains("2029"))
    }

    @Test("Compounded growth over eight years, then show impact by area, in fixed and nominal prices")
    func compoundedGrowth() throws {
        for prices in ["fixed", "nominal"] {
            let text =
                "period 2020...2027\n" + Self.deflators(2024...2027) + "prices \(prices)\ngrowth all = 1,37 %\n"
                + "growth barnehage = population age_1_5\nharmonise sfo.* to lowest\nshow impact by area\n"
            let (output, errors) = Fixtures.run(text)
            #expect(errors.isEmpty, "\(errors)")
            #expect(output.contains("2027"))
        }
    }

    @Test("Growth without bound is refused at the growth statement, and nothing else fails silently")
    func unboundedGrowth() throws {
        let (output, errors) = Fixtures.run(
            "growth all = 10000000 %\nharmonise sfo.* to lowest\nshow impact\n")
        #expect(errors.contains("<test>:1:1: feil: beløpet er for stort") || errors.contains("<test>:1:1: feil: volumet er for stort"), "\(errors)")
        #expect(!errors.contains(":2:"), "the decision runs on the scenario without the refused growth")
        #expect(output.contains("-11 596 037 kr") || output.contains("-11 594 188 kr"))
        // A growth rate below -100 % is refused too.
        let (_, below) = Fixtures.run("growth all = -150 %\n")
        #expect(below.contains("<test>:1:14: feil: veksten kan ikke være under -100 %"), "\(below)")
    }

    @Test("The impact for 2022 with growth 1 000 000 % is never 0 kr: the growth is refused")
    func growthThatSwallowed() throws {
        let (output, errors) = Fixtures.run("growth all = 1000000 %\nharmonise sfo.* to lowest\nshow impact\n")
        #expect(errors.contains("<test>:1:1: feil:"), "\(errors)")
        // The decision runs without the refused growth: the same sum every year, never 0 kr.
        #expect(output.components(separatedBy: "-11 594 188 kr").count - 1 == 4, "\(output)")
    }

    @Test("A huge fee in a dataset file fails check with a positioned error (not the runs later)")
    func hugeFeeFailsCheck() throws {
        let folder = ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.datasetsFolder)
        where name.hasSuffix(".harmoni") {
            try FileManager.default.copyItem(atPath: Fixtures.datasetsFolder + "/" + name, toPath: folder + "/" + name)
        }
        let path = folder + "/asker.harmoni"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let fee = try #require(text.range(of: "fee asker.sfo.plass_5d"))
        let value = try #require(text.range(of: "value = 2 843 kr/mnd", range: fee.upperBound..<text.endIndex))
        text.replaceSubrange(value, with: "value = 92233720368547758 kr/mnd")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Executable.run(["check", folder])
        #expect(result.status == 1)
        #expect(result.stderr.contains("asker.harmoni:"), "\(result.stderr)")
        #expect(result.stderr.contains("feil: beløpet «92 233 720 368 547 758 kr/mnd» er for stort"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal"))
    }

    @Test("Huge baseline figures are refused at their value; the session keeps the old figure")
    func hugeBaseline() throws {
        let session = Fixtures.session()
        for line in [
            "baseline volume asker.sfo.plass_5d = 999 999 999 999 source \"x\"",
            "baseline asker.sfo.plass_5d = 92233720368547758 kr/mnd source \"x\"",
            "baseline asker.sfo.plass_5d = 9000000000 kr/mnd source \"x\"",
        ] {
            let (_, errors) = Fixtures.run(line, in: session)
            #expect(errors.contains("feil: beløpet er for stort") || errors.contains("feil: tallet"), "\(errors)")
        }
        let (output, errors) = Fixtures.run("show diff sfo", in: session)
        #expect(errors.isEmpty)
        #expect(!output.contains("92 233") && !output.contains("9 000 000 000"))
    }

    @Test(
        "Overflowing language arithmetic is an error, never 0 % or «nei»",
        arguments: [
            ("print 10000000000000 kr / 1 kr", "feil: tallet blir for stort"),
            ("print (92233720368547758 kr / 1 kr) > 1 %", "feil: tallet blir for stort"),
            ("print 100000000000000 G", "feil: tallet er for stort"),
            ("print 92233720368547758 tkr", "feil: tallet er for stort"),
            ("print 2,505 kr", "feil: kronebeløp kan ha høyst to desimaler"),
            ("print 1,00001 %", "feil: for mange desimaler i prosentsatsen"),
        ])
    func languageOverflow(line: String, message: String) {
        let (_, errors) = Fixtures.run(line)
        #expect(errors.contains(message), "\(errors)")
    }

    /// A seeded family around the crashes: periods up to ten years, deflators and growth rates
    /// from -50 % to 10 000 %, fixed or nominal, a decision, every table. Each run gives tables or
    /// positioned errors (a trap would end the test process).
    @Test("Seeded family: long periods, extreme deflators and growth, every table (120 scenarios)")
    func seededFamily() throws {
        var g = SplitMix64(seed: 151_215)
        let rates = ["-50 %", "0 %", "1,37 %", "3,1 %", "12,5 %", "25 %", "100 %", "1000 %", "10000 %"]
        let decisions = [
            "harmonise sfo.* to lowest", "harmonise sfo.* to highest over 2020...2023", "harmonise vann.* to weighted",
            "harmonise oppvekst to mean", "set sfo.plass_5d = 999 999 999 kr/mnd", "harmonise sfo.* by 1000 %",
            "solve kulturskole.* neutral",
        ]
        for _ in 0..<120 {
            let last = 2020 + Int.random(in: 3...9, using: &g)
            var text = "period 2020...\(last)\n"
            for year in 2024...max(2024, last) { text += "deflator \(year) = \(rates.randomElement(using: &g)!)\n" }
            if Bool.random(using: &g) { text += "prices nominal\n" }
            text += "growth all = \(rates.randomElement(using: &g)!)\n"
            text += decisions.randomElement(using: &g)! + "\n"
            text += "show impact\nshow impact by area\nshow budget\nshow households in \(last)\n"
            let (_, errors) = Fixtures.run(text)
            for line in errors.split(separator: "\n") where line.contains("feil:") {
                #expect(line.hasPrefix("<test>:"), "\(line)")
            }
        }
    }
}
