/// The built-in functions: `lowest`, `highest`, `mean`, `weighted`, `round`, `min`, `max`.
///
/// `lowest(sfo.plass_5d)` and friends look at the fee line in Asker, Røyken and Hurum as
/// published at the end of the baseline year (prices must share a period). `mean` rounds half-up
/// to øre; `weighted` weighs by each municipality's volume of the same line and rounds half-up to
/// øre; a municipality without a volume makes `weighted` an error, never a silent zero.
enum Functions {
    static let names = ["lowest", "highest", "mean", "weighted", "round", "min", "max"]

    static func call(
        _ name: Identifier, _ values: [RuntimeValue], _ arguments: [Expression], _ evaluator: Evaluator,
        _ range: SourceRange
    ) throws(Diagnostic) -> RuntimeValue {
        let context = evaluator.context
        func arity(_ n: Int) throws(Diagnostic) {
            guard values.count == n else {
                throw context.error(
                    "«\(name.name)» tar \(n == 1 ? "ett argument" : "\(n) argumenter"), fikk \(values.count)",
                    "«\(name.name)» takes \(n == 1 ? "one argument" : "\(n) arguments"), got \(values.count)", range,
                    code: "arity")
            }
        }
        switch name.name {
        case "min", "max":
            guard let first = values.first else {
                throw context.error(
                    "«\(name.name)» trenger minst ett argument, f.eks. \(name.name)(2 kr, 3 kr)",
                    "«\(name.name)» needs at least one argument, e.g. \(name.name)(2 kr, 3 kr)", range, code: "arity")
            }
            var best = first
            for (i, value) in values.enumerated().dropFirst() {
                guard let order = Arithmetic.compare(value, best) else {
                    throw context.error("kan ikke sammenligne \(value.kindName) og \(best.kindName)", "cannot compare \(value) and \(best)", arguments[i].range, code: "type")
                }
                if (name.name == "min" && order < 0) || (name.name == "max" && order > 0) { best = value }
            }
            return best
        case "round":
            try arity(2)
            guard case .money(let amount, let period) = values[0], case .money(let step, _) = values[1], step.ore > 0 else {
                throw context.error("«round» tar et beløp og et positivt steg, f.eks. round(x, 10 kr)", "«round» takes an amount and a positive step, e.g. round(x, 10 kr)", range, code: "type")
            }
            return .money(amount.rounded(RoundingRule(step: step)), period: period)
        case "lowest", "highest", "mean", "weighted":
            try arity(1)
            return try aggregate(name.name, values[0], arguments[0].range, evaluator)
        default:
            throw context.error(
                "ukjent funksjon «\(name.name)»; kjente: \(names.joined(separator: ", "))",
                "unknown function «\(name.name)»; known: \(names.joined(separator: ", "))", name.range, code: "unknown-function")
        }
    }

    private static func aggregate(_ function: String, _ value: RuntimeValue, _ range: SourceRange, _ evaluator: Evaluator)
        throws(Diagnostic) -> RuntimeValue
    {
        let context = evaluator.context
        guard case .reference(let parts, false) = value, parts.count == 2 else {
            throw context.error(
                "«\(function)» tar en gebyrlinje uten kommune, f.eks. \(function)(sfo.plass_5d)",
                "«\(function)» takes a fee line without municipality, e.g. \(function)(sfo.plass_5d)", range, code: "type")
        }
        let key = FeeKey(ServiceID(parts[0]), LineID(parts[1]))
        var prices: [(MunicipalityID, Fee)] = []
        for municipality in evaluator.state.dataset.mergingMunicipalities {
            if let fee = evaluator.baselineFee(municipality, key) { prices.append((municipality, fee)) }
        }
        guard let first = prices.first else {
            throw context.error("ukjent gebyrlinje «\(key)»", "unknown fee line «\(key)»", range, code: "unknown-reference")
        }
        guard prices.allSatisfy({ $0.1.period == first.1.period && $0.1.vat == first.1.vat }) else {
            throw context.error(
                "«\(key)» har ulike perioder eller mva-form i kommunene; sammenlign med «vis forskjell»",
                "«\(key)» has different periods or VAT forms across the municipalities; compare with «show diff»", range,
                code: "not-comparable")
        }
        let period = first.1.period == .once ? nil : first.1.period
        let amounts = prices.map(\.1.amount)
        switch function {
        case "lowest": return .money(amounts.min() ?? .zero, period: period)
        case "highest": return .money(amounts.max() ?? .zero, period: period)
        case "mean":
            let sum = amounts.reduce(Money.zero, +)
            return .money(sum.multiplied(byFraction: 1, over: Int64(amounts.count), rounding: .ore) ?? sum, period: period)
        default:
            var weightedSum: Int128 = 0
            var totalVolume: Int128 = 0
            for (municipality, fee) in prices {
                guard let volume = evaluator.state.dataset.volumes(municipality, key).last?.value.scaled(to: 6) else {
                    throw context.error(
                        "«weighted» trenger volum for \(key) i \(municipality); datasettet har ikke det",
                        "«weighted» needs a volume for \(key) in \(municipality); the dataset has none", range, code: "missing-volume")
                }
                weightedSum += Int128(fee.amount.ore) * Int128(volume)
                totalVolume += Int128(volume)
            }
            guard totalVolume > 0 else { throw Arithmetic.divisionByZero(context, range) }
            let ore = RoundingRuleBridge.divide(weightedSum, by: totalVolume)
            return .money(Money(ore: Int64(exactly: ore) ?? 0), period: period)
        }
    }
}
