import Testing

@testable import Harmoni
@testable import HarmoniUncertainty

/// Item 2 of issue 18: ranges carried through results that are not monotone (lowest, weighted,
/// goal-seek), against brute force over a grid of the inputs and against ranges known by hand.
@Suite("Uncertainty: ranges carried through the simulator")
struct UncertaintyPropagationTests {
    static func scenario(_ text: String) -> ScenarioState {
        let session = Fixtures.session()
        let result = session.run(SourceFile(name: "<test>", text: text))
        #expect(!result.hasErrors)
        return session.state.scenario
    }

    /// Revenue change in 2020 of the lines `filter` keeps.
    static func result(_ scenario: ScenarioState, _ filter: @escaping (LedgerLine) -> Bool = { _ in true })
        -> (Dataset) -> Money?
    {
        { dataset in
            let ledger = Simulator.run(baseline: dataset, scenario: scenario)
            guard ledger.index != nil else { return nil }
            return ledger.lines.filter { $0.year == 2020 && filter($0) }.compactMap(\.change).reduce(.zero, +)
        }
    }

    static func inputs(_ ids: [String]) throws -> [UncertainInput] {
        let all = UncertainInputs.make(Fixtures.dataset)
        return try ids.map { id in try #require(all.first { $0.id == id }, "no input \(id)") }
    }

    /// The smallest and largest result over an n × n (or n) grid from low to high of each input.
    static func bruteForce(_ inputs: [UncertainInput], steps: Int, _ f: (Dataset) -> Money?) -> (low: Money, high: Money) {
        func grid(_ input: UncertainInput) -> [DecimalNumber] {
            let scale = max(input.low.scale, input.high.scale)
            let low = input.low.scaled(to: scale) ?? 0
            let high = input.high.scaled(to: scale) ?? 0
            return (0...steps).map { DecimalNumber(significand: low + (high - low) * Int64($0) / Int64(steps), scale: scale) }
        }
        var combinations: [[DecimalNumber]] = [[]]
        for input in inputs { combinations = combinations.flatMap { c in grid(input).map { c + [$0] } } }
        let values = combinations.compactMap { f(Fixtures.dataset.setting(Array(zip(inputs, $0)))) }
        return (values.min() ?? .zero, values.max() ?? .zero)
    }

    static func close(_ a: Money, _ b: Money, width: Money, share: Int64 = 5) -> Bool {
        (a - b).ore.magnitude * 100 <= UInt64(share) * width.ore.magnitude
    }

    @Test("Lowest: the peak lies inside the box (Hurum's price equal to Asker's), and the draws come close to it")
    func lowest() throws {
        let scenario = Self.scenario("harmonise sfo.plass_5d to lowest\n")
        let inputs = try Self.inputs(["hurum.sfo.plass_5d", "asker.sfo.plass_5d"])
        let f = Self.result(scenario)
        let propagated = try #require(Propagation(inputs: inputs).range(Fixtures.dataset, f))
        let brute = Self.bruteForce(inputs, steps: 20, f)
        // By hand: the change is largest when Hurum's and Asker's prices meet at Asker's high end
        // (every line moves to 2 878, Røyken's the least), smallest at a corner.
        let peak = try #require(f(Fixtures.dataset.setting([(inputs[0], inputs[1].high), (inputs[1], inputs[1].high)])))
        let width = peak - brute.low
        #expect(brute.high <= peak && propagated.high <= peak)
        #expect(Self.close(propagated.high, peak, width: width), "\(propagated.high) vs \(peak)")
        #expect(propagated.low == brute.low, "corners hold the smallest value: \(propagated.low) vs \(brute.low)")
        // No corner reaches the peak: the inner draws do the work.
        let corners = [inputs.map(\.low), inputs.map(\.high)].compactMap { f(Fixtures.dataset.setting(Array(zip(inputs, $0)))) }
        #expect(corners.allSatisfy { $0 < propagated.high })
    }

    @Test("Lowest with one input that moves the result one way: the range is exactly its two ends")
    func monotone() throws {
        let scenario = Self.scenario("harmonise sfo.plass_5d to lowest\n")
        let inputs = try Self.inputs(["volum royken.sfo.plass_5d"])
        let f = Self.result(scenario)
        let propagated = try #require(Propagation(inputs: inputs).range(Fixtures.dataset, f))
        let ends = try [inputs[0].low, inputs[0].high].map { try #require(f(Fixtures.dataset.setting(inputs[0], to: $0))) }
        #expect(propagated.low == ends.min() && propagated.high == ends.max())
        let brute = Self.bruteForce(inputs, steps: 10, f)
        #expect(brute.low == propagated.low && brute.high == propagated.high)
    }

    @Test("Weighted: price and volume of the same line, against brute force")
    func weighted() throws {
        let scenario = Self.scenario("harmonise sfo.plass_5d to weighted\n")
        let inputs = try Self.inputs(["hurum.sfo.plass_5d", "volum hurum.sfo.plass_5d"])
        let f = Self.result(scenario)
        let propagated = try #require(Propagation(inputs: inputs).range(Fixtures.dataset, f))
        let brute = Self.bruteForce(inputs, steps: 20, f)
        let width = brute.high - brute.low
        #expect(width > .zero)
        // The smallest change lies on an edge of the box (the weighted level is a ratio in the
        // volume): 40 draws come within 10 % of the grid's width; 400 reach at least as far as the
        // 21 × 21 grid (to 1 %; they may go beyond it, between its points).
        #expect(
            Self.close(propagated.low, brute.low, width: width, share: 10)
                && Self.close(propagated.high, brute.high, width: width, share: 10), "\(propagated) vs \(brute)")
        let many = try #require(Propagation(inputs: inputs, draws: 400).range(Fixtures.dataset, f))
        #expect(many.low - brute.low <= Money(ore: width.ore / 100), "\(many) vs \(brute)")
        #expect(brute.high - many.high <= Money(ore: width.ore / 100), "\(many) vs \(brute)")
    }

    @Test("Goal-seek: Asker's change under a budget-neutral level, against brute force")
    func goalSeek() throws {
        let scenario = Self.scenario("solve sfo.plass_5d neutral\n")
        let inputs = try Self.inputs(["hurum.sfo.plass_5d", "volum asker.sfo.plass_5d"])
        let f = Self.result(scenario) { $0.municipality == "asker" }
        let propagated = try #require(Propagation(inputs: inputs).range(Fixtures.dataset, f))
        let brute = Self.bruteForce(inputs, steps: 20, f)
        let width = brute.high - brute.low
        #expect(width > .zero)
        #expect(Self.close(propagated.low, brute.low, width: width) && Self.close(propagated.high, brute.high, width: width),
            "\(propagated) vs \(brute)")
        // The total stays budget-neutral (to rounding) at every combination.
        let total = Self.result(scenario)
        for dataset in Propagation(inputs: inputs, draws: 5).datasets(Fixtures.dataset) {
            let change = try #require(total(dataset))
            #expect(change.ore.magnitude < 100_000 * 100, "\(change)")
        }
    }

    @Test("The draws are seeded: the same ranges on every run, inside each input's range")
    func seeded() {
        let inputs = UncertainInputs.make(Fixtures.dataset)
        let a = Propagation(inputs: inputs).combinations()
        let b = Propagation(inputs: inputs).combinations()
        #expect(a == b)
        #expect(a.count == Propagation.defaultDraws + 2)
        #expect(Propagation(inputs: Array(inputs.prefix(3))).combinations().count == Propagation.defaultDraws + 8)
        for combination in a {
            for (input, value) in zip(inputs, combination) { #expect(input.low <= value && value <= input.high) }
        }
    }

    @Test("Sensitivity skips only inputs that cannot move the result, and ranks the largest swing first")
    func sensitivity() throws {
        let scenario = Self.scenario("harmonise sfo.* to lowest\nharmonise kulturskole.* to mean\n")
        let fast = Sensitivity.rank(dataset: Fixtures.dataset, scenario: scenario)
        let full = Sensitivity.rank(dataset: Fixtures.dataset, scenario: scenario, onlyRelevant: false)
        #expect(fast.rows.map(\.input.id) == full.rows.map(\.input.id))
        #expect(fast.evaluations < full.evaluations)
        let top = try #require(fast.rows.first)
        #expect(top.input.id == "hurum.sfo.plass_5d")
        #expect(zip(fast.rows, fast.rows.dropFirst()).allSatisfy { $0.largestSwing >= $1.largestSwing })
        // The swing is the change between the two ends, recomputed here.
        let f = Self.result(scenario)
        let low = try #require(f(Fixtures.dataset.setting(top.input, to: top.input.low)))
        let high = try #require(f(Fixtures.dataset.setting(top.input, to: top.input.high)))
        #expect(top.swing[2020] == Money(ore: Int64((high - low).ore.magnitude)))
    }

    @Test("A sweep point equals the run with the value set by hand")
    func sweep() throws {
        let scenario = Self.scenario("harmonise sfo.* to lowest\n")
        let points = try #require(Sweep.points(from: DecimalNumber(2000), to: DecimalNumber(3000), step: DecimalNumber(250)))
        #expect(points.map { $0.wholeValue } == [2000, 2250, 2500, 2750, 3000])
        let refs = Sweep.refs(kind: "fee", path: ["hurum", "sfo", "plass_5d"], Fixtures.dataset)
        let rows = Sweep.run(.values(refs), points: points, dataset: Fixtures.dataset, scenario: scenario, result: .total)
        var dataset = Fixtures.dataset
        for ref in refs { dataset.set(ref, to: DecimalNumber(2500)) }
        #expect(rows[2].result[2020] == Self.result(scenario)(dataset))
        #expect(Sweep.points(from: DecimalNumber(3), to: DecimalNumber(1), step: DecimalNumber(1)) == nil)
        #expect(Sweep.points(from: DecimalNumber(0), to: DecimalNumber(1_000_000), step: DecimalNumber(1)) == nil)
    }

    @Test("Statements: ranges on carries ranges into impact and budget; sensitivity and sweep print tables")
    func statements() {
        let run = Fixtures.run(
            "ranges on\nharmonise sfo.* to lowest\nshow impact by area\nshow budget\nshow sensitivity for sfo in 2021\nsweep deflator 2021 from 0 % to 2 % step 1 %\n")
        #expect(run.errors.isEmpty, "\(run.errors)")
        #expect(run.output.contains("(lav … høy): minste og største verdi over 42 beregninger"))
        #expect(run.output.contains("Følsomhet: inntektsendring for sfo per år"))
        #expect(run.output.contains("Ved lav 2021"))
        #expect(run.output.contains("deflator 2021 (%) varieres"))
        let bad = Fixtures.run("sweep hurum.sfo.nope from 1 kr to 2 kr step 1 kr\nranges maybe\nshow sensitivity for nothing\n")
        #expect(bad.errors.contains("fant ingen verdi «hurum.sfo.nope»"))
        #expect(bad.errors.contains("<test>:2:8"))
        #expect(bad.errors.contains("<test>:3:22"))
    }
}
