/// The arithmetic of the language, on exact values.
enum Arithmetic {
    static func apply(
        _ op: BinaryOperator, _ a: RuntimeValue, _ b: RuntimeValue, _ context: StatementContext, _ range: SourceRange
    ) throws(Diagnostic) -> RuntimeValue {
        func fail() -> Diagnostic {
            for operand in [a, b] {
                if case .symbol(let name) = operand {
                    return context.error("ukjent navn «\(name)»", "unknown name «\(name)»", range, code: "unknown-name")
                }
                if case .reference(let parts, _) = operand {
                    let text = operand.description
                    let example = parts.count == 2 ? "asker.\(text) eller lowest(\(text))" : "asker.sfo.plass_5d"
                    let exampleEn = parts.count == 2 ? "asker.\(text) or lowest(\(text))" : "asker.sfo.plass_5d"
                    return context.error(
                        "«\(text)» er ikke et tall eller beløp; skriv f.eks. \(example)",
                        "«\(text)» is not a number or amount; write e.g. \(exampleEn)", range, code: "not-a-value")
                }
            }
            if case .money(_, let p?) = a, case .money(_, let q?) = b, p != q {
                let (left, right) = (p.unit.symbol, q.unit.symbol)
                return context.error(
                    "kan ikke bruke «\(op.rawValue)» på beløp med ulik periode (\(left) og \(right))",
                    "cannot apply «\(op.rawValue)» to amounts of different periods (\(left) and \(right))", range,
                    code: "type")
            }
            return context.error(
                "kan ikke bruke «\(op.rawValue)» på \(a.kindName) og \(b.kindName)",
                "cannot apply «\(op.rawValue)» to \(a) and \(b)", range, code: "type")
        }
        func samePeriod(_ p: PricePeriod?, _ q: PricePeriod?) -> PricePeriod?? {
            if p == q { return .some(p) }
            if p == nil { return .some(q) }
            if q == nil { return .some(p) }
            return .none
        }
        switch (op, a, b) {
        case (.add, .money(let x, let p), .money(let y, let q)), (.subtract, .money(let x, let p), .money(let y, let q)):
            guard let period = samePeriod(p, q) else { throw fail() }
            let (value, overflow) = op == .add ? x.ore.addingReportingOverflow(y.ore) : x.ore.subtractingReportingOverflow(y.ore)
            if overflow { throw overflowError(context, range) }
            return .money(Money(ore: value), period: period)
        case (.multiply, .money(let m, let p), .rate(let r)), (.multiply, .rate(let r), .money(let m, let p)):
            guard let value = m.multiplied(by: r, rounding: .ore) else { throw overflowError(context, range) }
            return .money(value, period: p)
        case (.multiply, .money(let m, let p), .number(let n)), (.multiply, .number(let n), .money(let m, let p)):
            guard let ratio = n.asRatio, let value = m.multiplied(by: ratio, rounding: .ore) else {
                throw overflowError(context, range)
            }
            return .money(value, period: p)
        case (.divide, .money(let m, let p), .number(let n)):
            guard let ratio = n.asRatio, ratio.ppm != 0 else { throw divisionByZero(context, range) }
            guard let value = m.multiplied(byFraction: Rate.ppmPerUnit, over: ratio.ppm, rounding: .ore) else {
                throw overflowError(context, range)
            }
            return .money(value, period: p)
        case (.divide, .money(let x, _), .money(let y, _)):
            guard y.ore != 0 else { throw divisionByZero(context, range) }
            // A ratio beyond what a rate holds is an error, never 0 %.
            guard let ppm = Money(ore: x.ore).multiplied(byFraction: Rate.ppmPerUnit, over: y.ore, rounding: .ore) else {
                throw overflowError(context, range)
            }
            return .rate(Rate(ppm: ppm.ore))
        case (.add, .rate(let x), .rate(let y)), (.subtract, .rate(let x), .rate(let y)):
            let (value, overflow) =
                op == .add ? x.ppm.addingReportingOverflow(y.ppm) : x.ppm.subtractingReportingOverflow(y.ppm)
            if overflow { throw overflowError(context, range) }
            return .rate(Rate(ppm: value))
        case (.multiply, .rate, _), (.multiply, _, .rate), (.divide, .rate, _):
            guard let value = try rates(op, a, b, context, range) else { throw fail() }
            return value
        case (_, .number(let x), .number(let y)):
            return try numbers(op, x, y, context, range)
        case (.less, _, _), (.lessEqual, _, _), (.greater, _, _), (.greaterEqual, _, _), (.equal, _, _), (.notEqual, _, _):
            guard let order = compare(a, b) else { throw fail() }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            case .greaterEqual: return .bool(order >= 0)
            case .equal: return .bool(order == 0)
            default: return .bool(order != 0)
            }
        default: throw fail()
        }
    }

    /// -1, 0, 1 for comparable values of the same kind.
    static func compare(_ a: RuntimeValue, _ b: RuntimeValue) -> Int? {
        switch (a, b) {
        case (.money(let x, let p), .money(let y, let q)):
            // 100 kr/mnd and 100 kr/år are not comparable; a plain amount compares with either.
            if let p, let q, p != q { return nil }
            return x < y ? -1 : x == y ? 0 : 1
        case (.rate(let x), .rate(let y)), (.gMultiple(let x), .gMultiple(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.number(let x), .number(let y)): return x < y ? -1 : x == y ? 0 : 1
        default: return nil
        }
    }

    /// A rate times a number or a rate, or divided by a number (a rate) or a rate (a number);
    /// exact to the ppm, rounded half-up. `nil` for other operands.
    private static func rates(
        _ op: BinaryOperator, _ a: RuntimeValue, _ b: RuntimeValue, _ context: StatementContext, _ range: SourceRange
    ) throws(Diagnostic) -> RuntimeValue? {
        let unit = Int128(Rate.ppmPerUnit)
        func ppm(_ value: RuntimeValue) throws(Diagnostic) -> Int128? {
            switch value {
            case .rate(let r): return Int128(r.ppm)
            case .number(let n):
                guard let scaled = n.scaled(to: 6) else { throw overflowError(context, range) }
                return Int128(scaled)
            default: return nil
            }
        }
        guard let x = try ppm(a), let y = try ppm(b) else { return nil }
        let result: Int128
        switch op {
        case .multiply: result = RoundingRuleBridge.divide(x * y, by: unit)
        case .divide:
            guard y != 0 else { throw divisionByZero(context, range) }
            result = RoundingRuleBridge.divide(x * unit, by: y)
        default: return nil
        }
        guard let value = Int64(exactly: result) else { throw overflowError(context, range) }
        if op == .divide, case .rate = b { return .number(DecimalNumber(significand: value, scale: 6).normalized) }
        return .rate(Rate(ppm: value))
    }

    private static func numbers(
        _ op: BinaryOperator, _ x: DecimalNumber, _ y: DecimalNumber, _ context: StatementContext, _ range: SourceRange
    ) throws(Diagnostic) -> RuntimeValue {
        // Numbers are computed at six decimals, exactly for + - *, rounded half-up for /.
        guard let a = x.scaled(to: 6), let b = y.scaled(to: 6) else { throw overflowError(context, range) }
        let scale = Int128(Rate.ppmPerUnit)
        let result: Int128
        switch op {
        case .add: result = Int128(a) + Int128(b)
        case .subtract: result = Int128(a) - Int128(b)
        case .multiply: result = RoundingRuleBridge.divide(Int128(a) * Int128(b), by: scale)
        case .divide:
            guard b != 0 else { throw divisionByZero(context, range) }
            let numerator = Int128(a) * scale
            result = RoundingRuleBridge.divide(numerator.magnitude == numerator ? numerator : numerator, by: Int128(b))
        default:
            let order = a < b ? -1 : a == b ? 0 : 1
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            case .greaterEqual: return .bool(order >= 0)
            case .equal: return .bool(order == 0)
            default: return .bool(order != 0)
            }
        }
        guard let value = Int64(exactly: result) else { throw overflowError(context, range) }
        return .number(DecimalNumber(significand: value, scale: 6).normalized)
    }

    static func overflowError(_ context: StatementContext, _ range: SourceRange) -> Diagnostic {
        context.error("tallet blir for stort", "the number becomes too large", range, code: "overflow")
    }

    static func divisionByZero(_ context: StatementContext, _ range: SourceRange) -> Diagnostic {
        context.error("deling på null", "division by zero", range, code: "division-by-zero")
    }
}

/// Half-up integer division with any signs: ``RoundingRule/divideHalfUp(_:by:)``, the one
/// rounding division of Harmoni.
enum RoundingRuleBridge {
    static func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        RoundingRule.divideHalfUp(numerator, by: denominator)
    }
}
