import Testing

@testable import Harmoni
@testable import HarmoniCompare

/// One test per kind of structural finding, on the shipped dataset where it has the difference and
/// on a copy changed in one place where it does not.
@Suite("Comparisons: structural findings")
struct CompareFindingsTests {
    let dataset = Fixtures.dataset

    func findings(_ scope: ComparisonScope, in data: Dataset? = nil) -> [StructuralFinding] {
        (data ?? dataset).structuralFindings(in: scope, year: 2019)
    }

    @Test("A category one municipality lacks: Røyken's extra kulturskole lines")
    func categoryLacking() throws {
        let found = findings(.service("kulturskole")).filter { $0.kindKey == "category" }
        let finding = try #require(found.first)
        guard case .categoryLacking(_, let lines, let present, let lacking, let status) = finding else {
            Issue.record("expected a lacking category, got \(finding)")
            return
        }
        #expect(lines == ["gruppetilbud_5_7", "sfo_kurs", "instrumentleie_fiolin"])
        #expect(present == ["royken"])
        #expect(lacking == ["asker", "hurum"])
        #expect(status == .estimated)
        #expect(
            finding.text(dataset)
                == "Kulturskole: linjene «gruppetilbud 5.–7. trinn», «SFO-kurs» og «instrumentleie, fiolin» finnes bare i Røyken; Asker og Hurum har ingen slik linje i datasettet."
        )
    }

    @Test("Different billed months: Asker bills SFO 10 months, Røyken and Hurum 11")
    func billedMonths() throws {
        let finding = try #require(findings(.service("sfo")).first { $0.kindKey == "billed_months" })
        guard case .billedMonths(_, let groups, _) = finding else {
            Issue.record("unexpected finding kind: \(finding)")
            return
        }
        #expect(groups.map(\.municipalities) == [["asker"], ["royken", "hurum"]])
        #expect(groups.map(\.value) == [[10], [11]])
        #expect(finding.text(dataset) == "SFO: ulikt antall betalte måneder – Asker: 10; Røyken og Hurum: 11.")
        #expect(findings(.service("barnehage")).allSatisfy { $0.kindKey != "billed_months" })
    }

    @Test("Income bands: only Asker has SFO moderation, read as bands in G")
    func moderation() throws {
        let finding = try #require(findings(.service("sfo")).first { if case .rule(_, "moderasjon", _, _, _) = $0 { true } else { false } })
        guard case .rule(_, _, let kind, let groups, _) = finding else {
            Issue.record("unexpected finding kind: \(finding)")
            return
        }
        #expect(kind == .incomeModeration)
        #expect(groups.map(\.municipalities) == [["asker"], ["royken", "hurum"]])
        #expect(groups[1].value == nil)
        #expect(
            finding.text(dataset)
                == "SFO: ulik inntektsmoderasjon – Asker: 75 % under 2,8 G, 50 % under 4,5 G; Røyken og Hurum: ingen regel funnet.")
    }

    @Test("Friplass threshold: only Røyken gives a free barnehage place, under 3 G; kroner thresholds are not compared twice")
    func friplass() throws {
        let finding = try #require(findings(.service("barnehage")).first { if case .rule(_, "friplass", _, _, _) = $0 { true } else { false } })
        guard case .rule(_, _, let kind, let groups, let status) = finding else {
            Issue.record("unexpected finding kind: \(finding)")
            return
        }
        #expect(kind == .friplass)
        #expect(groups.first { $0.municipalities == ["royken"] }?.value?.map(\.parameter) == ["income_under_G"])
        #expect(status == .published)
        #expect(finding.text(dataset).contains("Røyken: under 3 G"))
    }

    @Test("Sibling discounts: equal in the shipped data, a finding when Hurum's differs")
    func siblingDiscount() throws {
        #expect(!findings(.service("barnehage")).contains { $0.kindKey == "rule" && $0.text(dataset).contains("søskenmoderasjon") })
        var changed = dataset
        let index = try #require(changed.rules.firstIndex { $0.municipality == "hurum" && $0.service == "barnehage" && $0.parameter == "barn_2" })
        changed.rules[index].value = .quantity(Quantity(DecimalNumber(40), .percent))
        let finding = try #require(findings(.service("barnehage"), in: changed).first { if case .rule(_, "soskenmoderasjon", _, _, _) = $0 { true } else { false } })
        #expect(finding.text(changed) == "Barnehage: ulik søskenmoderasjon – Asker og Røyken: barn nr. 2 30 %, barn nr. 3 og flere 50 %; Hurum: barn nr. 2 40 %, barn nr. 3 og flere 50 %.")
    }

    @Test("Paid-hour caps per income band: a finding when one band differs")
    func paidHourCaps() throws {
        #expect(findings(.service("praktisk_bistand")).allSatisfy { if case .rule(_, "maks_betalte_timer", _, _, _) = $0 { false } else { true } })
        var changed = dataset
        let index = try #require(changed.rules.firstIndex { $0.municipality == "royken" && $0.parameter == "income_2_3G" })
        changed.rules[index].value = .quantity(Quantity(DecimalNumber(3), .hoursPerMonth))
        let finding = try #require(findings(.service("praktisk_bistand"), in: changed).first { if case .rule(_, "maks_betalte_timer", _, _, _) = $0 { true } else { false } })
        guard case .rule(_, _, let kind, let groups, _) = finding else {
            Issue.record("unexpected finding kind: \(finding)")
            return
        }
        #expect(kind == .paidHourCap)
        #expect(groups.map(\.municipalities) == [["asker", "hurum"], ["royken"]])
    }

    @Test("Tariff shape: per litre of bin in Asker against subscription categories in Røyken and Hurum")
    func tariffShapeRenovasjon() throws {
        let finding = try #require(findings(.service("renovasjon")).first { $0.kindKey == "tariff_shape" })
        guard case .tariffShape(_, let groups, _) = finding else {
            Issue.record("unexpected finding kind: \(finding)")
            return
        }
        #expect(groups.map(\.municipalities) == [["asker"], ["royken", "hurum"]])
        #expect(groups[0].value?.perQuantity == [.litreOfBinPerYear])
        #expect(groups[0].value?.fixedPart == true)
        #expect(groups[1].value?.perQuantity == [])
        #expect(
            finding.text(dataset)
                == "Renovasjon: ulik tariffmodell – Asker: todelt: fast beløp + pris per liter beholder (struktur grunnbelop_pluss_kr_per_liter); Røyken og Hurum: fast beløp per abonnement/plass (struktur rfd_abonnementskategorier)."
        )
    }

    @Test("Tariff shape: Asker's per-m³ price against Røyken's and Hurum's fastledd + per-m³ price (avløp)")
    func tariffShapeTwoPart() throws {
        let finding = try #require(findings(.service("avlop")).first { $0.kindKey == "tariff_shape" && $0.service == "avlop" })
        #expect(finding.text(dataset) == "Avløp: ulik tariffmodell – Asker: bare mengdepris: pris per m3; Røyken og Hurum: todelt: fast beløp + pris per m3.")
        // Vann: Asker's meter rent is a fixed part too, so the shapes agree and there is no finding.
        #expect(findings(.service("vann")).allSatisfy { !($0.kindKey == "tariff_shape" && $0.service == "vann") })
    }

    @Test("Rules filed under a combined service (vann_avlop) are compared with vann")
    func combinedService() throws {
        let finding = try #require(findings(.service("vann")).first { $0.service == "vann_avlop" && $0.kindKey == "tariff_shape" })
        #expect(finding.text(dataset) == "Vann og avløp: ulik tariffmodell – Asker: bare mengdepris; Røyken og Hurum: fastledd + mengdepris.")
    }

    @Test("Different validity dates: Hurum changing its barnehage price a month later")
    func validity() throws {
        #expect(findings(.service("barnehage")).allSatisfy { $0.kindKey != "validity" })
        var changed = dataset
        let late = try #require(CalendarDate(year: 2019, month: 9, day: 1))
        let early = try #require(CalendarDate(year: 2019, month: 8, day: 31))
        for index in changed.fees.indices where changed.fees[index].municipality == "hurum" && changed.fees[index].key == FeeKey("barnehage", "full_plass_5d") {
            if changed.fees[index].provenance.validity.to == CalendarDate(year: 2019, month: 7, day: 31) {
                changed.fees[index].provenance.validity.to = early
            } else {
                changed.fees[index].provenance.validity.from = late
            }
        }
        let finding = try #require(findings(.service("barnehage"), in: changed).first { $0.kindKey == "validity" })
        guard case .validity(_, let lines, let groups, _) = finding else {
            Issue.record("unexpected finding kind: \(finding)")
            return
        }
        #expect(lines == ["full_plass_5d"])
        #expect(groups.map(\.municipalities) == [["asker", "royken"], ["hurum"]])
        #expect(finding.text(changed).hasSuffix("Hurum: 2019-01-01...2019-08-31, 2019-09-01...2019-12-31."))
    }

    @Test("Missing fees: feiing is missing for all three and says so")
    func missing() throws {
        let finding = try #require(findings(.service("feiing")).first)
        guard case .missing(_, let municipalities, _) = finding else {
            Issue.record("expected missing, got \(finding)")
            return
        }
        #expect(municipalities == ["asker", "royken", "hurum"])
        #expect(finding.statusText(.nb) == "mangler")
    }

    @Test("Identical lines give no finding")
    func none() {
        #expect(findings(.line(FeeKey("korttidsopphold", "dogn"))).isEmpty)
    }

    @Test("Findings read in English too")
    func english() throws {
        let finding = try #require(findings(.service("sfo")).first { $0.kindKey == "billed_months" })
        #expect(finding.text(dataset, language: .en) == "After-school care (SFO): different numbers of billed months – Asker: 10; Røyken and Hurum: 11.")
    }
}
