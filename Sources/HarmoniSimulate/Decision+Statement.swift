import HarmoniModel

extension Decision {
    /// The statement that reproduces the decision, in canonical form (English keywords, Norwegian
    /// numbers): `harmonise sfo.* to asker over 2020...2021 round 1 kr`. Reading it back gives an
    /// equal decision.
    public var canonicalStatement: String {
        switch action {
        case .level(let decision): return decision.canonicalStatement
        case .coverage(let decision): return decision.canonicalStatement
        case .rules(let decision): return decision.canonicalStatement
        }
    }

    /// The canonical statement (the name the placeholder `Decision` used).
    public var statement: String { canonicalStatement }

    /// A short label for tables: `#2 harmonise sfo.* to asker`.
    public func label(index: Int) -> String { "#\(index + 1) \(canonicalStatement)" }
}

extension LevelDecision {
    /// `harmonise sfo.* to lowest each annual over 2020...2023 round 10 kr`, `set hurum.sfo.plass_5d = 2 990 kr/mnd`,
    /// `solve kulturskole.* neutral in 2021 round 10 kr`.
    public var canonicalStatement: String {
        var words: [String] = [verb.rawValue, targetText]
        switch (verb, rule) {
        case (.set, .amount(let amount, let period)):
            words += ["=", LevelDecision.amountText(amount, period)]
        case (.solve, .neutral(let goal, let year)):
            if let goal { words += ["=", NorwegianFormat.money(goal)] } else { words.append("neutral") }
            if let year { words += ["in", String(year)] }
        case (_, .change(let rate)):
            words += ["by", rate.description]
        default:
            words += ["to", ruleText]
        }
        // `harmonise` makes every line equal unless it keeps structure; `set` and `solve` move a
        // group by its main line (they name one level), so their mode is not written.
        if verb == .harmonise, mode == .structure, !rule.isChange { words += ["keep", "structure"] }
        if basis == .annual { words.append("annual") }
        if let phasing = phasing.canonicalText { words.append(phasing) }
        if let step = roundingStep { words += ["round", NorwegianFormat.money(step)] }
        return words.joined(separator: " ")
    }

    /// The target with a municipality prefix when only one municipality changes.
    var targetText: String {
        guard let municipalities, municipalities.count == 1, let only = municipalities.first else { return target.text }
        return "\(only).\(target.text)"
    }

    /// The rule as written after `to`.
    public var ruleText: String {
        switch rule {
        case .lowest: return "lowest"
        case .highest: return "highest"
        case .mean: return "mean"
        case .weighted: return "weighted"
        case .municipality(let id): return id.rawValue
        case .amount(let amount, let period): return LevelDecision.amountText(amount, period)
        case .change(let rate): return rate.description
        case .neutral(let goal, _): return goal.map { NorwegianFormat.money($0) } ?? "neutral"
        }
    }

    /// `2 990 kr/mnd`, `-264 kr`.
    static func amountText(_ amount: Money, _ period: PricePeriod?) -> String {
        NorwegianFormat.money(amount, unit: (period ?? .once).unit.symbol)
    }
}

extension Phasing {
    /// `from 2021`, `over 2020...2023`, `path [25 %, 50 %, 100 %] from 2021`; `nil` for at once
    /// from the period's first year.
    public var canonicalText: String? {
        switch self {
        case .atOnce(let from): return from.map { "from \($0)" }
        case .linear(let from, let to): return "over \(from)...\(to)"
        case .path(let from, let shares):
            let list = "path [" + shares.map(\.description).joined(separator: ", ") + "]"
            return from.map { list + " from \($0)" } ?? list
        }
    }
}

extension CoverageDecision {
    /// `coverage barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in royken = 94,8 % from 2021`.
    public var canonicalStatement: String {
        var text = "coverage \(service).\(indicator) in \(municipality) = \(value)"
        if let fromYear { text += " from \(fromYear)" }
        return text
    }
}

extension RuleDecision {
    /// `harmonise sfo.moderasjon to asker from 2020`.
    public var canonicalStatement: String {
        var text = "harmonise \(service).\(rule) to \(source)"
        if let fromYear { text += " from \(fromYear)" }
        return text
    }
}
