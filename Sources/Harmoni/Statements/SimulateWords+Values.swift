import HarmoniSimulate

/// Reading typed values (years, amounts, rates) and decision options from simulate statements.
extension SimulateWords {
    /// A whole year such as `2021`.
    mutating func year(_ state: SessionState) throws(Diagnostic) -> Int {
        let e = try value(("et årstall", "a year"))
        if case .number(let n) = try Evaluator(state, context).evaluate(e), let y = n.wholeValue,
            (1000...9999).contains(y)
        {
            return Int(y)
        }
        throw context.error("forventet et årstall, f.eks. 2021", "expected a year, e.g. 2021", e.range, code: "type")
    }

    /// A year `2021` or a range of years `2021...2023` (as a range either way).
    mutating func yearOrYears(_ state: SessionState) throws(Diagnostic) -> ClosedRange<Int> {
        let e = try value(("et årstall eller en periode", "a year or a range of years"))
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
    mutating func years(_ state: SessionState) throws(Diagnostic) -> ClosedRange<Int> {
        let e = try value(("en periode (f.eks. 2020...2023)", "a range of years (e.g. 2020...2023)"))
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
    mutating func amount(_ state: SessionState) throws(Diagnostic) -> (
        amount: Money, period: PricePeriod?, range: SourceRange
    ) {
        let e = try value(("et beløp (f.eks. 2 990 kr/mnd)", "an amount (e.g. 2 990 kr/mnd)"))
        if case .money(let m, let period) = try Evaluator(state, context).evaluate(e) { return (m, period, e.range) }
        throw context.error(
            "forventet et beløp, f.eks. 2 990 kr/mnd", "expected an amount, e.g. 2 990 kr/mnd", e.range, code: "type")
    }

    /// A target price (`2 990 kr/mnd`): an amount that is not negative (a fee below zero would be
    /// paid out to every household) unless `allowNegative` (a deduction line).
    mutating func price(_ state: SessionState, allowNegative: Bool) throws(Diagnostic) -> (
        amount: Money, period: PricePeriod?, range: SourceRange
    ) {
        let found = try amount(state)
        guard found.amount.ore >= 0 || allowNegative else {
            throw context.error(
                "en pris kan ikke være negativ", "a price cannot be negative", found.range, code: "negative-price")
        }
        return found
    }

    /// A percentage (`3,1 %`, `-5 %`).
    mutating func rate(_ state: SessionState) throws(Diagnostic) -> Rate {
        let e = try value(("en prosentsats (f.eks. 3,1 %)", "a percentage (e.g. 3,1 %)"))
        if case .rate(let r) = try Evaluator(state, context).evaluate(e) { return r }
        throw context.error(
            "forventet en prosentsats, f.eks. 3,1 %", "expected a percentage, e.g. 3,1 %", e.range, code: "type")
    }

    /// The options after a decision's rule: `each`, `annual`, `from`, `over`, `path`, `round`.
    mutating func options(_ state: SessionState, allowEach: Bool = true) throws(Diagnostic) -> DecisionOptions {
        var options = DecisionOptions()
        var phasingRange: SourceRange?
        func once(_ range: SourceRange) throws(Diagnostic) {
            if let phasingRange {
                throw context.error(
                    "bare én innfasing: «from», «over» eller «path» (med ev. «from»)",
                    "only one phasing: «from», «over» or «path» (optionally with «from»)", range.union(phasingRange),
                    code: "phasing")
            }
            phasingRange = range
        }
        var seen: [String: SourceRange] = [:]
        while !atEnd {
            let start = here
            // «each», «annual» and «round» may each be given once (a second would silently win).
            for word in ["each", "annual", "round"] where peekName == word {
                if let first = seen[word] {
                    throw context.error(
                        "«\(word)» er gitt to ganger", "«\(word)» is given twice", start.union(first), code: "repeated-option")
                }
                seen[word] = start
            }
            if allowEach, keyword("each") != nil {
                options.mode = .each  // the default since issue 12; still accepted
            } else if allowEach, keyword("keep") != nil {
                guard keyword("structure") != nil else {
                    throw context.error(.expected("«structure»", "«structure»", found: found), here)
                }
                options.mode = .structure
            } else if keyword("annual") != nil {
                options.basis = .annual
            } else if keyword("from") != nil {
                let year = try self.year(state)
                if case .path(nil, let shares) = options.phasing {
                    options.phasing = .path(from: year, shares: shares)
                } else {
                    try once(start)
                    options.phasing = .atOnce(from: year)
                }
            } else if keyword("over") != nil {
                try once(start)
                let range = try years(state)
                options.phasing = .linear(from: range.lowerBound, to: range.upperBound)
            } else if keyword("path") != nil {
                let from: Int?
                if case .atOnce(let year) = options.phasing, phasingRange != nil {
                    from = year
                    phasingRange = nil
                } else {
                    from = nil
                }
                try once(start)
                options.phasing = .path(from: from, shares: try shares(state))
            } else if keyword("round") != nil {
                let (step, period, range) = try amount(state)
                guard step.ore > 0, period == nil else {
                    throw context.error(
                        "«round» tar et positivt beløp i kr, f.eks. round 10 kr",
                        "«round» takes a positive amount in kr, e.g. round 10 kr", range, code: "rounding")
                }
                options.roundingStep = step
            } else {
                let list = (allowEach ? "«keep structure», " : "") + "«annual», «from», «over», «path», «round»"
                throw context.error(.expected(list, list, found: found), here)
            }
        }
        return options
    }

    /// `[25 %, 50 %, 100 %]`: shares of the way, each 0-100 %, not falling, the last 100 %.
    private mutating func shares(_ state: SessionState) throws(Diagnostic) -> [Rate] {
        let e = try value(
            ("en liste med andeler, f.eks. [25 %, 50 %, 100 %]", "a list of shares, e.g. [25 %, 50 %, 100 %]"))
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

/// The options of a level decision as read from the words.
struct DecisionOptions {
    /// Every line equal (the default of `harmonise`); `keep structure` keeps each municipality's
    /// price structure (the other lines move by the main line's factor).
    var mode: GroupMode = .each
    var basis: LevelBasis = .price
    var phasing: Phasing = .atOnce(from: nil)
    var roundingStep: Money?
}
