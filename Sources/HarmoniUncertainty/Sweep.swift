import HarmoniModel
import HarmoniSimulate

/// A result as one input varies: `from a to b step s`, both ends included (the last step may
/// stop short of `b` when `b − a` is not a multiple of `s`). Each point is one simulator run on the
/// dataset or scenario with the input set to the point's value.
public enum Sweep {
    /// What a sweep varies.
    public enum Target: Sendable, Hashable {
        /// The kommunal deflator of one year (a scenario setting, like `deflator 2021 = 2 %`).
        case deflator(year: Int)
        /// Every row of one dataset value (a fee's rows before and after a price change all take
        /// the value).
        case values([InputRef])
    }

    /// The most points a sweep makes.
    public static let maximumPoints = 1000

    /// The points from `a` to `b` by `step` (`step > 0`, `a ≤ b`), or `nil` when there would be
    /// more than ``maximumPoints``.
    public static func points(from a: DecimalNumber, to b: DecimalNumber, step: DecimalNumber) -> [DecimalNumber]? {
        let scale = max(a.scale, b.scale, step.scale)
        guard let start = a.scaled(to: scale), let end = b.scaled(to: scale), let by = step.scaled(to: scale), by > 0,
            start <= end
        else { return nil }
        let count = (end - start) / by + 1
        guard count <= Int64(maximumPoints) else { return nil }
        return (0..<count).map { DecimalNumber(significand: start + $0 * by, scale: scale) }
    }

    /// The result at each point.
    public static func run(
        _ target: Target, points: [DecimalNumber], dataset: Dataset, scenario: ScenarioState, result: ResultSpec
    ) -> [(value: DecimalNumber, result: [Int: Money], problems: [SimulationError])] {
        points.map { point in
            var data = dataset
            var setting = scenario
            switch target {
            case .deflator(let year):
                setting.deflatorOverrides.removeAll { $0.year == year }
                setting.deflatorOverrides.append(YearRate(year: year, rate: point.asPercentRate ?? .zero))
            case .values(let refs):
                for ref in refs { data.set(ref, to: point) }
            }
            let ledger = Simulator.run(baseline: data, scenario: setting)
            return (point, result.values(ledger), ledger.index == nil ? ledger.problems : [])
        }
    }

    /// The rows of a dataset value by its id: `kommune.tjeneste.linje` (a fee), `volume …`,
    /// `coverage kommune.tjeneste.indikator`, `rule kommune.tjeneste.regel.parameter`,
    /// `subsidy kommune.ordning.linje`. Empty when there is none.
    public static func refs(kind: String, path: [String], _ dataset: Dataset) -> [InputRef] {
        func indices<T>(_ rows: [T], _ id: (T) -> [String]) -> [Int] {
            rows.indices.filter { id(rows[$0]) == path }
        }
        switch kind {
        case "fee":
            return indices(dataset.fees) { [$0.municipality.rawValue, $0.key.service.rawValue, $0.key.line.rawValue] }
                .map(InputRef.fee)
        case "volume":
            return indices(dataset.volumes) { [$0.municipality.rawValue, $0.key.service.rawValue, $0.key.line.rawValue] }
                .map(InputRef.volume)
        case "coverage":
            return indices(dataset.coverages) { [$0.municipality.rawValue, $0.service.rawValue, $0.indicator] }
                .map(InputRef.coverage)
        case "rule":
            return indices(dataset.rules) { [$0.municipality.rawValue, $0.service.rawValue, $0.rule, $0.parameter] }
                .filter { if case .quantity = dataset.rules[$0].value { true } else { false } }.map(InputRef.rule)
        case "subsidy":
            return indices(dataset.subsidies) { [$0.municipality.rawValue, $0.scheme, $0.line] }.map(InputRef.subsidy)
        default:
            return []
        }
    }
}
