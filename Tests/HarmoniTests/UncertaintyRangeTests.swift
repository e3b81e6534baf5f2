import Testing

@testable import Harmoni
@testable import HarmoniUncertainty

/// Item 1 of issue 18: the range rule of each estimate kind, computed by hand.
@Suite("Uncertainty: a range for every estimate")
struct UncertaintyRangeTests {
    static let inputs = UncertainInputs.make(Fixtures.dataset)

    static func input(_ id: String) throws -> UncertainInput {
        try #require(inputs.first { $0.id == id }, "no input \(id)")
    }

    static func d(_ text: String) -> DecimalNumber {
        let parts = text.split(separator: ",")
        let digits = parts.joined()
        return DecimalNumber(significand: Int64(digits) ?? 0, scale: parts.count == 2 ? parts[1].count : 0)
    }

    /// (block id, rule id, low, high), each worked out in the comment.
    @Test(
        "Each kind's rule gives the hand-computed range",
        arguments: [
            // carried forward, base 2016: 3 years × 0,4 % = 1,2 %: 2 843 × 0,988 = 2 808,884 ↓ 2 808; × 1,012 = 2 877,116 ↑ 2 878
            ("asker.sfo.plass_5d", "framskrevet", "2808", "2878"),
            // national reference ± 20 %: 2 568 × 0,8 = 2 054,4 ↓ 2 054; × 1,2 = 3 081,6 ↑ 3 082
            ("hurum.sfo.plass_5d", "nasjonal_referanse", "2054", "3082"),
            // national maksimalpris: 2 990 × 0,85 = 2 541,5 ↓ 2 541 … 2 990 (never above the maximum)
            ("hurum.barnehage.full_plass_5d (fra 2019-01-01)", "nasjonal_maksimalpris", "2541", "2990"),
            // other-municipality fallback (spread): Asker's 2 275 (carried forward) is below 2 710 × 0,85 = 2 303,5;
            // high 2 710 × 1,15 = 3 116,5 ↑ 3 117 (Hurum's value is itself an estimate and not counted)
            ("royken.sfo.plass_4d", "annen_kommunes_tall", "2275", "3117"),
            // mean of the other two (spread): Asker 184 and Røyken 311; ± 5 % of 248 (235,6 … 260,4) lies inside
            ("hurum.sfo.ekstra_dag", "snitt_av_de_to_andre", "184", "311"),
            // undated own source: 2 609 … 2 609 × 1,06 = 2 765,54 ↑ 2 766
            ("royken.kulturskole.ordinaer_undervisning", "udatert_egen_kilde", "2609", "2766"),
            // common RfD tariff ± 3 %: 3 382 × 0,97 = 3 280,54 ↓ 3 280; × 1,03 = 3 483,46 ↑ 3 484
            ("royken.renovasjon.standard", "felles_rfd_tariff", "3280", "3484"),
            // own-figure assumption ± 30 %: 311 × 0,7 = 217,7 ↓ 217; × 1,3 = 404,3 ↑ 405
            ("royken.sfo.ferie_dag", "eget_tall_for_nabolinje", "217", "405"),
            // Asker per-capita × population ± 15 %: 204 630 000 kr × 0,85 = 173 935 500; × 1,15 = 235 324 500
            ("budsjett royken.oppvekst.barnehage", "asker_per_innbygger", "173935500", "235324500"),
            // deflator 2021 (assumption, parameter): 3,1 % × (1 − 100 %) = 0 … 3,1 %
            ("nasjonal.kommunal_deflator.arlig_vekst (2021)", "deflator_2021_2023", "0", "3,1"),
            // proxy ± 20 %: 1 554 300 m3 × 0,8 = 1 243 440; × 1,2 = 1 865 160
            ("volum royken.vann.forbruk_m3", "naerliggende_storrelse", "1243440", "1865160"),
        ])
    func kind(_ id: String, _ rule: String, _ low: String, _ high: String) throws {
        let input = try Self.input(id)
        #expect(input.rule.id == rule)
        #expect(input.low == Self.d(low))
        #expect(input.high == Self.d(high))
        #expect(input.low <= input.central && input.central <= input.high)
    }

    @Test("Neighbour reference: the spread in the data, at least ± 25 %")
    func neighbour() throws {
        let rule = try #require(Fixtures.dataset.rangeRules.first { $0.kind == "neighbour reference" })
        let provenance = Provenance(validity: .year(2019), status: .estimated, method: "estimated (neighbour reference): Lier 924 / 1.25")
        // 739,2 × 0,75 = 554,4; × 1,25 = 924 (no other municipality has a fastledd)
        let fastledd = try #require(EstimateBounds.bounds(Self.d("739,2"), rule: rule, provenance: provenance, money: true))
        #expect(fastledd.low == Self.d("554,4") && fastledd.high == Self.d("924"))
        // 15,34 with Asker's 15,66 and 22 inside: 15,34 × 0,75 = 11,505 ↓ 11,50; high max(19,175 ↑ 19,18, 22) = 22
        let m3 = try #require(
            EstimateBounds.bounds(Self.d("15,34"), rule: rule, provenance: provenance, money: true, others: [Self.d("15,66"), Self.d("22")]))
        #expect(m3.low == Self.d("11,50") && m3.high == Self.d("22"))
    }

    @Test("Published, derived and own values have no range; every estimate kind in the data has a rule")
    func coverage() throws {
        let dataset = Fixtures.dataset
        for input in Self.inputs {
            let provenance: Provenance
            switch input.ref {
            case .fee(let i): provenance = dataset.fees[i].provenance
            case .rule(let i): provenance = dataset.rules[i].provenance
            case .parameter(let i): provenance = dataset.parameters[i].provenance
            case .volume(let i): provenance = dataset.volumes[i].provenance
            case .coverage(let i): provenance = dataset.coverages[i].provenance
            case .budget(let i): provenance = dataset.budgets[i].provenance
            case .subsidy(let i): provenance = dataset.subsidies[i].provenance
            }
            #expect(provenance.status == .estimated || provenance.status == .carriedForward, "\(input.id)")
        }
        let kinds = Set(
            (dataset.fees.map(\.provenance) + dataset.rules.map(\.provenance) + dataset.volumes.map(\.provenance)
                + dataset.budgets.map(\.provenance)).compactMap(\.estimateKind))
        for kind in kinds { #expect(dataset.rangeRules.contains { $0.kind == kind }, "no rule for «\(kind)»") }
        for rule in dataset.rangeRules { #expect((rule.source == nil) != (rule.assumption == nil), "\(rule.id)") }
    }

    @Test("A range block without a source or an assumption, or with a wrong field, is an error at its position")
    func loaderErrors() {
        _ = expectValidation(
            ValidationCase(
                "range without basis",
                "1️⃣range r {\n  kind = \"proxy\"\n  method = relative\n  below = 10 %\n  description = \"x\"\n}\n",
                ("range-basis", "1️⃣")))
        _ = expectValidation(
            ValidationCase(
                "range with a wrong method and unit",
                "range r {\n  kind = \"proxy\"\n  method = 1️⃣wide\n  below = 2️⃣10 kr\n  assumption = \"x\"\n  description = \"x\"\n}\n",
                ("wrong-value", "1️⃣"), ("wrong-unit", "2️⃣")))
        _ = expectValidation(
            ValidationCase(
                "range for an unknown block kind",
                "range r {\n  kind = \"proxy\"\n  method = relative\n  applies_to = 1️⃣\"fees\"\n  assumption = \"x\"\n  description = \"x\"\n}\n",
                ("unknown-block", "1️⃣")))
    }

    @Test("show fees with ranges on shows the range beside each estimate, and exports get low/high columns")
    func shown() throws {
        let text = Fixtures.run("ranges on\nshow fees sfo.plass_5d\n").output
        #expect(text.contains("≈ 2 568 kr¹ (2 054 … 3 082)"), "\(text)")
        #expect(text.contains("2 843 kr (2 808 … 2 878)"))
        // The diff normalises to kr per year (× 11 months): the same range, even where the draw
        // changes which municipality is lowest (rows are matched by their labels, not «Lavest i»).
        let diff = Fixtures.run("ranges on\nshow diff sfo\n").output
        #expect(diff.contains("≈ 28 248 kr¹ (22 594 … 33 902)"), "\(diff)")
        let plain = Fixtures.run("show fees sfo.plass_5d\n").output
        #expect(!plain.contains("…"))
        let session = Fixtures.session()
        let result = session.run(SourceFile(name: "<test>", text: "ranges on\nshow fees sfo.plass_5d\n"))
        guard case .table(let table)? = result.outputs.last else {
            Issue.record("no table")
            return
        }
        let keys = table.columns.map(\.key)
        let price = try #require(keys.firstIndex { keys.contains($0 + Table.lowSuffix) })
        #expect(keys[price + 1] == keys[price] + "_low" && keys[price + 2] == keys[price] + "_high")
    }
}
