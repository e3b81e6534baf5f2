import HarmoniSimulate

/// Typed values of a statement's expressions (years, amounts, rates, decision options), each
/// problem an error at the expression. The command grammar (HarmoniLanguage's `CommandGrammar`)
/// gives the expressions; `SimulateWords` reads them for the other statements.
struct SyntaxValues {
    let state: SessionState
    let context: StatementContext

    init(_ state: SessionState, _ context: StatementContext) {
        self.state = state
        self.context = context
    }

    /// A whole year such as `2021`.
    func year(_ e: Expression) throws(Diagnostic) -> Int {
        if case .number(let n) = try Evaluator(state, context).evaluate(e), let y = n.wholeValue,
            (1000...9999).contains(y)
        {
            return Int(y)
        }
        throw context.error("forventet et årstall, f.eks. 2021", "expected a year, e.g. 2021", e.range, code: "type")
    }

    /// A year `2021` or a range of years `2021...2023` (as a range either way).
    func yearOrYears(_ e: Expression) throws(Diagnostic) -> ClosedRange<Int> {
        switch try Evaluator(state, context).evaluate(e) {
        case .number(let n):
            if let y = n.wholeValue, (1000...9999).contains(y) { return Int(y)...Int(y) }
        case .validity(let v):
            if let from = v.from, let to = v.to, from.month == 1, from.day == 1, to.month == 12, to.day == 31 {
                return from.year...to.year
            }
        default: break
        }
        throw context.error(
            "forventet et årstall eller en periode, f.eks. 2021 eller 2020...2023",
            "expected a year or a range of years, e.g. 2021 or 2020...2023", e.range, code: "type")
    }

    /// A year range `2020...2023`.
    func years(_ e: Expression) throws(Diagnostic) -> ClosedRange<Int> {
        if case .validity(let v) = try Evaluator(state, context).evaluate(e), let from = v.from, let to = v.to,
            from.month == 1, from.day == 1, to.month == 12, to.day == 31
        {
            return from.year...to.year
        }
        throw context.error(
            "forventet årstall i begge ender, f.eks. 2020...2023", "expected years at both ends, e.g. 2020...2023",
            e.range, code: "type")
    }

    /// An amount, with its period if it has one (`2 990 kr/mnd`, `10 kr`).
    func amount(_ e: Expression) throws(Diagnostic) -> (amount: Money, period: PricePeriod?, range: SourceRange) {
        if case .money(let m, let period) = try Evaluator(state, context).evaluate(e) { return (m, period, e.range) }
        throw context.error(
            "forventet et beløp, f.eks. 2 990 kr/mnd", "expected an amount, e.g. 2 990 kr/mnd", e.range, code: "type")
    }

    /// A target price (`2 990 kr/mnd`): an amount that is not negative (a fee below zero would be
    /// paid out to every household) unless `allowNegative` (a deduction line).
    func price(_ e: Expression, allowNegative: Bool) throws(Diagnostic) -> (
        amount: Money, period: PricePeriod?, range: SourceRange
    ) {
        let found = try amount(e)
        guard found.amount.ore >= 0 || allowNegative else {
            throw context.error(
                "en pris kan ikke være negativ", "a price cannot be negative", found.range, code: "negative-price")
        }
        return found
    }

    /// A percentage (`3,1 %`, `-5 %`).
    func rate(_ e: Expression) throws(Diagnostic) -> Rate {
        if case .rate(let r) = try Evaluator(state, context).evaluate(e) { return r }
        throw context.error(
            "forventet en prosentsats, f.eks. 3,1 %", "expected a percentage, e.g. 3,1 %", e.range, code: "type")
    }

    /// The options the grammar read after a decision's rule, as the decision takes them.
    func options(_ syntax: [CommandSyntax.Option]) throws(Diagnostic) -> DecisionOptions {
        var options = DecisionOptions()
        for option in syntax {
            switch option {
            case .each: options.mode = .each  // the default since issue 12; still accepted
            case .keepStructure: options.mode = .structure
            case .annual: options.basis = .annual
            case .from(_, let e):
                let year = try self.year(e)
                if case .path(nil, let shares) = options.phasing {
                    options.phasing = .path(from: year, shares: shares)
                } else {
                    options.phasing = .atOnce(from: year)
                }
            case .over(_, let e):
                let range = try years(e)
                options.phasing = .linear(from: range.lowerBound, to: range.upperBound)
            case .path(_, let e):
                var from: Int?
                if case .atOnce(let year?) = options.phasing { from = year }
                options.phasing = .path(from: from, shares: try shares(e))
            case .round(_, let e):
                let (step, period, range) = try amount(e)
                guard step.ore > 0, period == nil else {
                    throw context.error(
                        "«round» tar et positivt beløp i kr, f.eks. round 10 kr",
                        "«round» takes a positive amount in kr, e.g. round 10 kr", range, code: "rounding")
                }
                options.roundingStep = step
            }
        }
        return options
    }

    /// `[25 %, 50 %, 100 %]`: shares of the way, each 0-100 %, not falling, the last 100 %.
    func shares(_ e: Expression) throws(Diagnostic) -> [Rate] {
        guard case .list(let values) = try Evaluator(state, context).evaluate(e) else {
            throw context.error(
                "forventet en liste, f.eks. [25 %, 50 %, 100 %]", "expected a list, e.g. [25 %, 50 %, 100 %]", e.range,
                code: "type")
        }
        var shares: [Rate] = []
        for value in values {
            guard case .rate(let rate) = value, rate >= .zero, rate <= .one, rate >= (shares.last ?? .zero) else {
                throw context.error(
                    "andelene skal være prosenter fra 0 til 100 % som ikke synker",
                    "the shares must be percentages from 0 to 100 % that never fall", e.range, code: "path")
            }
            shares.append(rate)
        }
        guard shares.last == .one else {
            throw context.error(
                "siste andel skal være 100 % (målet nås i siste år)",
                "the last share must be 100 % (the target is reached in the last year)", e.range, code: "path")
        }
        return shares
    }
}

/// Typed values read from the next word (the statements outside the command grammar).
extension SimulateWords {
    /// A whole year such as `2021`.
    mutating func year(_ state: SessionState) throws(Diagnostic) -> Int {
        try SyntaxValues(state, context).year(try value(("et årstall", "a year")))
    }

    /// An amount, with its period if it has one (`2 990 kr/mnd`, `10 kr`).
    mutating func amount(_ state: SessionState) throws(Diagnostic) -> (
        amount: Money, period: PricePeriod?, range: SourceRange
    ) {
        try SyntaxValues(state, context).amount(try value(("et beløp (f.eks. 2 990 kr/mnd)", "an amount (e.g. 2 990 kr/mnd)")))
    }

    /// A percentage (`3,1 %`, `-5 %`).
    mutating func rate(_ state: SessionState) throws(Diagnostic) -> Rate {
        try SyntaxValues(state, context).rate(try value(("en prosentsats (f.eks. 3,1 %)", "a percentage (e.g. 3,1 %)")))
    }
}

/// The options of a level decision as read from the words.
struct DecisionOptions {
    /// Every line equal (the default of `harmonise`); `keep structure` keeps each municipality's
    /// price structure (the other lines move by the main line's factor).
    var mode: GroupMode = .each
    var basis: LevelBasis = .price
    var phasing: Phasing = .atOnce(from: nil)
    var roundingStep: Money?
}
