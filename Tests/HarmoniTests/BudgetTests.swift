import Testing

@testable import Harmoni

@Suite("Skyggebudsjett")
struct BudgetTests {
    /// The fixed scenario of the golden files.
    static let scenario = """
        harmonise sfo.* to asker over 2020...2021 round 1 kr
        harmonise kulturskole.* to mean round 10 kr
        set trygghetsalarm.abonnement = 250 kr/mnd from 2021
        harmonise driftstilskudd_private_barnehager.* to lowest
        coverage barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in royken = 90 % from 2022
        harmonise barnehage.kost to lowest from 2021
        harmonise renovasjon.* by 2 % from 2022
        harmonise sfo.moderasjon to asker
        """

    /// What must hold in every skyggebudsjett: in each block and year the rounded rows plus the
    /// rounding difference equal the rounded total, which is the exact total rounded; effect rows
    /// equal the ledger's netto effects. Returns the violations.
    static func rowsAddUp(_ budget: ShadowBudget) -> [String] {
        var violations: [String] = []
        let blocks = budget.blocks.map { ($0.area.id.rawValue, $0.rows) } + [("alle", budget.grand)]
        for (area, rows) in blocks {
            guard let total = rows.last, let difference = rows.dropLast().last else { continue }
            for i in budget.years.indices {
                guard let rounded = total.rounded[i], let exact = total.exact[i] else {
                    if difference.rounded[i] != nil {
                        violations.append("\(area) \(budget.years[i]): difference without total")
                    }
                    continue
                }
                let sum = rows.dropLast().reduce(Money.zero) { $0 + ($1.rounded[i] ?? .zero) }
                if sum != rounded { violations.append("\(area) \(budget.years[i]): rows \(sum) ≠ total \(rounded)") }
                if exact.rounded(.thousandKroner) != rounded {
                    violations.append("\(area) \(budget.years[i]): total not the exact sum rounded")
                }
                let parts = rows.dropLast(2).reduce(Money.zero) { $0 + ($1.exact[i] ?? .zero) }
                if parts != exact { violations.append("\(area) \(budget.years[i]): exact rows do not add up") }
            }
        }
        return violations
    }

    static func budget(_ statements: String, prices: PriceBasis? = nil) throws -> ShadowBudget {
        ShadowBudget.build(dataset: Fixtures.dataset, ledger: try SimulatorTests.ledger(statements, prices: prices))
    }

    static func row(_ budget: ShadowBudget, _ area: AreaID, _ kind: ShadowBudget.Row.Kind) throws -> ShadowBudget.Row {
        let block = try #require(budget.blocks.first { $0.area.id == area })
        return try #require(block.rows.first { $0.kind == kind })
    }

    @Test("Oppvekst's baselines, price growth and total follow from the 2019 netto figures")
    func oppvekstBaseline() throws {
        let budget = try Self.budget("")
        // 1 434 426 (Asker, plan) + 531 479 + 177 789 (estimates) = 2 143 694 tkr;
        // price growth 2 143 694 000 × 3,1 % = 66 454 514 kr → 66 455 tkr;
        // total 2 210 148 514 kr → 2 210 149 tkr = 2 143 694 + 66 455, difference 0.
        #expect(try Self.row(budget, "oppvekst", .baseline("asker")).rounded[0] == Money(kroner: 1_434_426_000))
        #expect(try Self.row(budget, "oppvekst", .priceGrowth).exact[0] == Money(kroner: 66_454_514))
        #expect(try Self.row(budget, "oppvekst", .total).rounded[3] == Money(kroner: 2_210_149_000))
        #expect(try Self.row(budget, "oppvekst", .roundingDifference).rounded[0] == .zero)
        #expect(try Self.row(budget, "oppvekst", .baseline("royken")).status == .estimated)
    }

    @Test("In nominal kroner price growth compounds: 2022 is 1,031³ − 1 of the baseline")
    func nominalGrowth() throws {
        let budget = try Self.budget("", prices: .nominal)
        // 2 143 694 000 × (1,031³ − 1) = 2 143 694 000 × 0,095912791 = 205 607 674,59 kr
        #expect(try Self.row(budget, "oppvekst", .priceGrowth).exact[2] == Money(ore: 20_560_767_459))
    }

    @Test("Areas without a netto baseline show mangler, never brutto and never 0")
    func missingAreas() throws {
        let budget = try Self.budget("")
        for area: AreaID in ["helse", "nav", "administrasjon", "klima", "eiendom"] {
            let block = try #require(budget.blocks.first { $0.area.id == area })
            #expect(!block.isComplete)
            #expect(try Self.row(budget, area, .total).rounded.allSatisfy { $0 == nil })
        }
        #expect(
            budget.blocks.first { $0.area.id == "helse" }?.bruttoOnly["asker"]?.first?.amount
                == Money(kroner: 1_673_253_000))
        // Kultur uses the sum line only (its parts kulturskolen and frivillighet_og_tilskudd are in it).
        #expect(
            budget.blocks.first { $0.area.id == "kultur" }?.baselines["asker"]?.map(\.line) == [
                "sum_kultur_frivillighet_fritid"
            ])
    }

    @Test("Effect rows are the ledger's netto effects and the rows add up with the rounding difference")
    func effectsAddUp() throws {
        let ledger = try SimulatorTests.ledger(Self.scenario, prices: .nominal)
        let budget = ShadowBudget.build(dataset: Fixtures.dataset, ledger: ledger)
        #expect(Self.rowsAddUp(budget).isEmpty, "\(Self.rowsAddUp(budget))")
        let sfo = try Self.row(budget, "oppvekst", .effect(0))
        let net = ledger.total { $0.decision == 0 && $0.year == 2021 }.netEffect
        #expect(sfo.exact[1] == net)
        // The rounding difference makes the rounded rows add up: at most half a step per row.
        let difference = try #require(try Self.row(budget, "oppvekst", .roundingDifference).rounded[1])
        #expect(difference.ore.magnitude <= UInt64(Money(kroner: 500).ore) * 8)
    }

    @Test("show budget matches its golden file")
    func golden() {
        let (output, errors) = Fixtures.run(Self.scenario + "\nshow budget")
        #expect(errors.isEmpty, "\(errors)")
        Golden.assertMatches(output, named: "simulate/budget.txt")
    }

    @Test("show budget in English matches its golden file")
    func goldenEnglish() {
        let session = Fixtures.session()
        session.state.language = .en
        let (output, errors) = Fixtures.run(Self.scenario + "\nshow budget nominal", in: session)
        #expect(errors.isEmpty, "\(errors)")
        Golden.assertMatches(output, named: "simulate/budget-nominal-en.txt")
    }
}
