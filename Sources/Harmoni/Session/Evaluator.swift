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
            let (a, b) = (try evaluate(left), try evaluate(right))
            if let combined = try UnitArithmetic.apply(op, a, b, context, e.range) { return combined }
            return try Arithmetic.apply(op, a, b, context, e.range)
        case .call(let name, let arguments):
            var values: [RuntimeValue] = []
            for argument in arguments { values.append(try evaluate(argument)) }
            return try Functions.call(name, values, arguments, self, e.range)
        }
    }

    /// Evaluates an expression that must be a value (`print`, `let`): a bare name that is neither
    /// bound nor a keyword value is an error («ukjent navn»), not a silent symbol.
    public func value(_ e: Expression) throws(Diagnostic) -> RuntimeValue {
        let result = try evaluate(e)
        if case .symbol(let name) = result {
            let bound = state.bindings.map(\.name)
            let known = bound.isEmpty ? "" : "; bundne navn: " + Array(Set(bound)).sorted().joined(separator: ", ")
            let knownEn = bound.isEmpty ? "" : "; bound names: " + Array(Set(bound)).sorted().joined(separator: ", ")
            throw context.error(
                "ukjent navn «\(name)»\(known)", "unknown name «\(name)»\(knownEn)", e.range, code: "unknown-name")
        }
        return result
    }

    private func literal(_ n: DecimalNumber, _ unit: Unit?, _ range: SourceRange) throws(Diagnostic) -> RuntimeValue {
        guard let unit else { return .number(n) }
        if unit.isMoney {
            guard let money = Quantity(n, unit).money else {
                if n.normalized.scale <= (unit == .thousandKroner ? 5 : 2) { throw tooLarge(range) }
                throw context.error("kronebeløp kan ha høyst to desimaler (øre)", "amounts have at most two decimals (øre)", range, code: "too-many-decimals")
            }
            let period = unit.moneyPeriod
            return .money(money, period: period == .once ? nil : period)
        }
        switch unit {
        case .percent:
            guard let rate = n.asPercentRate else {
                if n.normalized.scale <= 4 { throw tooLarge(range) }
                throw context.error("for mange desimaler i prosentsatsen", "too many decimals in the percentage", range, code: "too-many-decimals")
            }
            return .rate(rate)
        case .grunnbelop:
            guard let rate = n.asRatio else {
                if n.normalized.scale <= 6 { throw tooLarge(range) }
                throw context.error("for mange desimaler i antall G", "too many decimals in the G multiple", range, code: "too-many-decimals")
            }
            return .gMultiple(rate)
        default: return .quantity(Quantity(n, unit))
        }
    }

    /// A literal too large for its kind (`100000000000000 G`, `92233720368547758 tkr`).
    private func tooLarge(_ range: SourceRange) -> Diagnostic {
        context.error("tallet er for stort", "the number is too large", range, code: "number-too-large")
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

    /// A name: a `let` binding, a value of the dataset, or a symbol/reference for the statement to
    /// interpret. Dataset values are read as they stand on 31 December of the baseline year: a fee
    /// `asker.sfo.plass_5d`, a rule parameter `asker.sfo.moderasjon.threshold_75pct_G`, a national
    /// parameter `nasjonal.grunnbelop.G` (the row in model use). A path that starts with a
    /// municipality but names none of these is an error, never a silent symbol.
    public func reference(_ path: Path) throws(Diagnostic) -> RuntimeValue {
        let names = path.parts.map(\.name)
        if path.wildcard { return .reference(parts: names, wildcard: true) }
        if names.count == 1, let bound = state.binding(names[0]) { return bound }
        if names.count == 1 { return .symbol(names[0]) }
        let dataset = state.dataset
        let endOfYear = CalendarDate.endOf(year: state.baselineYear)
        guard names.count >= 3, dataset.municipality(MunicipalityID(names[0])) != nil else {
            if names.count >= 3, dataset.service(ServiceID(names[0])) == nil,
                let meant = Suggestion.closest(to: names[0], in: dataset.municipalities.map(\.id.rawValue))
            {
                throw context.error(
                    "ukjent kommune «\(names[0])»; mente du \(meant)?", "unknown municipality «\(names[0])»; did you mean \(meant)?",
                    path.parts[0].range, code: "unknown-reference")
            }
            return .reference(parts: names, wildcard: false)
        }
        if names.count == 3, let fee = baselineFee(MunicipalityID(names[0]), FeeKey(ServiceID(names[1]), LineID(names[2]))) {
            return .money(fee.amount, period: fee.period == .once ? nil : fee.period)
        }
        var quantity: Quantity?
        if names.count == 3 {
            let rows = dataset.parameters(names[1], line: names[2])
            quantity = (rows.first { $0.provenance.validity.contains(endOfYear) } ?? rows.last)?.value.quantity
        } else if names.count == 4 {
            let rows = dataset.rules(MunicipalityID(names[0]), ServiceID(names[1]), rule: names[2]).filter {
                $0.parameter == names[3]
            }
            quantity = (rows.first { $0.provenance.validity.contains(endOfYear) } ?? rows.last)?.value.quantity
        }
        if let quantity { return try literal(quantity.number, quantity.unit, path.range) }
        let hint = Suggestion.phrase(referenceSuggestion(names))
        throw context.error(
            "«\(path.text)» er ingen verdi i datasettet\(hint.nb) (et gebyr kommune.tjeneste.linje, en regel kommune.tjeneste.regel.parameter eller en nasjonal parameter nasjonal.parameter.linje)",
            "«\(path.text)» is no value of the dataset\(hint.en) (a fee municipality.service.line, a rule municipality.service.rule.parameter or a national parameter nasjonal.parameter.line)",
            path.range, code: "unknown-reference")
    }

    /// The fee reference closest to `names` (`asker.sfo.plass_5dd` → `asker.sfo.plass_5d`), if any.
    private func referenceSuggestion(_ names: [String]) -> String? {
        guard names.count == 3 else { return nil }
        let dataset = state.dataset
        let services = dataset.services.map(\.id.rawValue)
        let service = services.contains(names[1]) ? names[1] : Suggestion.closest(to: names[1], in: services)
        guard let service else { return nil }
        let lines = dataset.lines(of: ServiceID(service)).map(\.line.rawValue)
        let line = lines.contains(names[2]) ? names[2] : Suggestion.closest(to: names[2], in: lines)
        guard let line, [service, line] != [names[1], names[2]] else { return nil }
        return "\(names[0]).\(service).\(line)"
    }

    /// The fee row in force at the end of the baseline year.
    public func baselineFee(_ municipality: MunicipalityID, _ key: FeeKey) -> Fee? {
        state.dataset.fee(municipality, key, on: .endOf(year: state.baselineYear))
            ?? state.dataset.fees(municipality, key).last
    }
}
