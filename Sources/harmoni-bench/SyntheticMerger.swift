import Harmoni

/// A generated, seeded merger for case 6: `municipalities` × `services` × `linesPerService` fee
/// lines with volumes, deflators through the end of a 10-year period, and a second version of
/// the dataset with re-priced, removed and added rows.
struct SyntheticMerger {
    var municipalities = 50
    var services = 20
    var linesPerService = 10
    var period = 2020...2029
    var seed: UInt64 = 2020

    var municipalityIDs: [MunicipalityID] { (0..<municipalities).map { MunicipalityID(name("k", $0)) } }

    private func name(_ prefix: String, _ i: Int) -> String { prefix + (i < 10 ? "0\(i)" : "\(i)") }

    /// The baseline dataset: every municipality has every service; 5 % of the lines after the
    /// first of a service are missing in a municipality, 10 % of the rows change price on 1 August.
    func dataset() -> Dataset {
        var rng = SplitMix64(seed: seed)
        var d = Dataset()
        let source = SourceID("syntetisk")
        d.sources = [Source(id: source, title: "Generated for harmoni-bench")]
        d.areas = (0..<4).map { Area(id: AreaID(name("a", $0)), name: "Område \($0)") }
        d.municipalities = municipalityIDs.enumerated().map { i, id in
            Municipality(id: id, number: String(3000 + i), name: "Kommune \(i)")
        }
        d.services = (0..<services).map {
            Service(id: ServiceID(name("s", $0)), name: "Tjeneste \($0)", area: AreaID(name("a", $0 % 4)), selvkost: $0 % 5 == 0)
        }
        d.parameters.append(
            Parameter(
                parameter: "mva", line: "alminnelig_sats", value: .quantity(Quantity(DecimalNumber(25), .percent)),
                kind: "outcome", vintage: "-", useInModel: true,
                provenance: Provenance(validity: .always, status: .published, source: source)))
        for year in 2016...period.upperBound {
            let rate = DecimalNumber(significand: 20 + Int64(rng.next() % 15), scale: 1)  // 2,0 … 3,4 %
            d.parameters.append(
                Parameter(
                    parameter: "kommunal_deflator", line: "arlig_vekst", value: .quantity(Quantity(rate, .percent)),
                    kind: "forecast", vintage: "-", useInModel: true,
                    provenance: Provenance(validity: .year(year), status: .published, source: source)))
        }
        let published = Provenance(validity: .year(2019), status: .published, source: source)
        for m in municipalityIDs {
            let billed = rng.next() % 2 == 0 ? 10 : 11
            for s in 0..<services {
                let service = ServiceID(name("s", s))
                let (period, vat): (PricePeriod, VATForm) = [(.month, .none), (.year, .excl), (.semester, .none), (.year, .incl)][s % 4]
                for l in 0..<linesPerService {
                    if l > 0 && rng.next() % 20 == 0 { continue }
                    let key = FeeKey(service, LineID(name("linje_", l)))
                    let base = Int64(500 + 137 * s + 311 * l)
                    let amount = Money(kroner: base * (80 + Int64(rng.next() % 41)) / 100)
                    if rng.next() % 10 == 0 {
                        let spring = Validity(from: .startOf(year: 2019), to: CalendarDate(year: 2019, month: 7, day: 31))
                        let autumn = Validity(from: CalendarDate(year: 2019, month: 8, day: 1), to: .endOf(year: 2019))
                        d.fees.append(fee(m, key, amount, period, billed, vat, spring, source))
                        d.fees.append(fee(m, key, amount + Money(kroner: 50), period, billed, vat, autumn, source))
                    } else {
                        d.fees.append(fee(m, key, amount, period, billed, vat, .year(2019), source))
                    }
                    let users = DecimalNumber(significand: 10 + Int64(rng.next() % 5_000), scale: 0)
                    d.volumes.append(Volume(municipality: m, key: key, value: users, counts: "brukere", provenance: published))
                }
            }
        }
        return d
    }

    private func fee(
        _ m: MunicipalityID, _ key: FeeKey, _ amount: Money, _ period: PricePeriod, _ billed: Int, _ vat: VATForm,
        _ validity: Validity, _ source: SourceID
    ) -> Fee {
        Fee(
            municipality: m, key: key, amount: amount, period: period, billedMonths: period == .month ? billed : nil,
            vat: vat, provenance: Provenance(validity: validity, status: .published, source: source))
    }

    /// A second version: 5 % of the fee rows re-priced, 1 % removed (never a main line), 2 % given a
    /// 2020 row after them.
    func revised(_ old: Dataset) -> Dataset {
        var rng = SplitMix64(seed: seed &+ 1)
        var new = old
        var fees: [Fee] = []
        for var fee in old.fees {
            switch rng.next() % 100 {
            case 0 where fee.key.line.rawValue != "linje_00": continue  // every service keeps a common main line
            case 1...5:
                fee.amount += Money(kroner: 10)
                fees.append(fee)
            case 6...7:
                fees.append(fee)
                fee.provenance.validity = .year(2020)
                fee.amount += Money(kroner: 100)
                fees.append(fee)
            default: fees.append(fee)
            }
        }
        new.fees = fees
        return new
    }

    /// Decisions on every service: harmonised to the lowest, weighted, mean or the first
    /// municipality's level in turn, every other service phased over five years; volumes grow 1 %.
    func scenario() -> ScenarioState {
        var scenario = ScenarioState()
        scenario.period = period
        scenario.growth = [VolumeGrowth(service: nil, rule: .rate(Rate(percent: 1)))]
        let rules: [LevelRule] = [.lowest, .weighted, .mean, .municipality(municipalityIDs[0])]
        for s in 0..<services {
            let phasing: Phasing =
                s % 2 == 0 ? .atOnce(from: nil) : .linear(from: period.lowerBound, to: period.lowerBound + 4)
            scenario.decisions.append(
                Decision(
                    .level(
                        LevelDecision(verb: .harmonise, target: .group(name("s", s)), rule: rules[s % rules.count], phasing: phasing))))
        }
        return scenario
    }
}
