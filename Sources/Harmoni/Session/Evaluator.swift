/// Evaluates expressions of the language against a session's bindings and dataset.
///
/// Money stays exact: sums and differences are exact; money × rate or ÷ number rounds half-up to
/// øre, once, and says so in the reference (docs/LANGUAGE.md). A reference `asker.sfo.plass_5d`
/// reads the fee in force on 31 December of the baseline year (the price nye Asker starts from).
public struct Evaluator {
    public let state: SessionState
    public let context: StatementContext

    public init(_ state: SessionState, _ context: StatementContext) {
        self.state = state
        self.context = context
    }

    /// Evaluates an expression or throws a diagnostic at the part that is wrong.
    public func evaluate(_ e: Expression) throws(Diagnostic) -> RuntimeValue {
        switch e.kind {
        case .number(let n, let unit, _): return try literal(n, unit, e.range)
        case .string(let s): return .text(s)
        case .date(let d): return .date(d)
        case .path(let path): return try reference(path)
        case .parenthesized(let inner): return try evaluate(inner)
        case .list(let items):
            var values: [RuntimeValue] = []
            for item in items { values.append(try evaluate(item)) }
            return .list(values)
        case .range(let from, let to): return try range(from, to, e.range)
        case .unary(.negate, let operand):
            let value = try evaluate(operand)
            switch value {
            case .money(let m, let p): return .money(-m, period: p)
            case .rate(let r): return .rate(Rate(ppm: -r.ppm))
            case .number(let n): return .number(DecimalNumber(significand: -n.significand, scale: n.scale))
            default: throw context.error("kan ikke negere \(value.kindName)", "cannot negate \(value)", e.range, code: "type")
            }
        case .binary(let op, let left, let right):
            return try Arithmetic.apply(op, try evaluate(left), try evaluate(right), context, e.range)
        case .call(let name, let arguments):
            var values: [RuntimeValue] = []
            for argument in arguments { values.append(try evaluate(argument)) }
            return try Functions.call(name, values, arguments, self, e.range)
        }
    }

    private func literal(_ n: DecimalNumber, _ unit: Unit?, _ range: SourceRange) throws(Diagnostic) -> RuntimeValue {
        guard let unit else { return .number(n) }
        if unit.isMoney {
            guard let money = Quantity(n, unit).money else {
                throw context.error("kronebeløp kan ha høyst to desimaler (øre)", "amounts have at most two decimals (øre)", range, code: "too-many-decimals")
            }
            let period = unit.moneyPeriod
            return .money(money, period: period == .once ? nil : period)
        }
        switch unit {
        case .percent:
            guard let rate = n.asPercentRate else {
                throw context.error("for mange desimaler i prosentsatsen", "too many decimals in the percentage", range, code: "too-many-decimals")
            }
            return .rate(rate)
        case .grunnbelop:
            guard let rate = n.asRatio else {
                throw context.error("for mange desimaler i antall G", "too many decimals in the G multiple", range, code: "too-many-decimals")
            }
            return .gMultiple(rate)
        default: return .quantity(Quantity(n, unit))
        }
    }

    private func range(_ from: Expression?, _ to: Expression?, _ r: SourceRange) throws(Diagnostic) -> RuntimeValue {
        func bound(_ e: Expression?, start: Bool) throws(Diagnostic) -> CalendarDate? {
            guard let e else { return nil }
            switch try evaluate(e) {
            case .date(let d): return d
            case .number(let n):
                if let y = n.wholeValue, (1000...9999).contains(y) { return start ? .startOf(year: Int(y)) : .endOf(year: Int(y)) }
            default: break
            }
            throw context.error("en periode skal ha datoer eller årstall i endene", "a range needs dates or years at its ends", e.range, code: "type")
        }
        let validity = Validity(from: try bound(from, start: true), to: try bound(to, start: false))
        if let a = validity.from, let b = validity.to, b < a {
            throw context.error("perioden slutter før den begynner", "the range ends before it starts", r, code: "validity-reversed")
        }
        return .validity(validity)
    }

    /// A name: a `let` binding, a fee of the dataset, or a symbol/reference for the statement to interpret.
    public func reference(_ path: Path) throws(Diagnostic) -> RuntimeValue {
        let names = path.parts.map(\.name)
        if path.wildcard { return .reference(parts: names, wildcard: true) }
        if names.count == 1, let bound = state.binding(names[0]) { return bound }
        if names.count == 3, let fee = baselineFee(MunicipalityID(names[0]), FeeKey(ServiceID(names[1]), LineID(names[2]))) {
            return .money(fee.amount, period: fee.period == .once ? nil : fee.period)
        }
        if names.count == 1 { return .symbol(names[0]) }
        return .reference(parts: names, wildcard: false)
    }

    /// The fee row in force at the end of the baseline year.
    public func baselineFee(_ municipality: MunicipalityID, _ key: FeeKey) -> Fee? {
        state.dataset.fee(municipality, key, on: .endOf(year: state.baselineYear))
            ?? state.dataset.fees(municipality, key).last
    }
}
