/// The grammar of the scenario statements (docs/LANGUAGE.md, «Grammar»): a ``Command`` read into
/// ``CommandSyntax`` with ``CommandReader``, every problem of shape a positioned
/// ``CommandSyntaxError``. What needs the dataset (is `sfo` a service, is `asker` merging, is the
/// value an amount) is the interpreter's to check.
public enum CommandGrammar {
    /// The statements this grammar reads (canonical first words).
    public static let statements: Swift.Set<String> = [
        "harmonise", "set", "solve", "coverage", "growth", "period", "deflator", "prices",
    ]

    /// The syntax of `command` (`nil` when its first word is not one of ``statements``).
    public static func parse(_ command: Command, file: SourceFile) throws(CommandSyntaxError) -> CommandSyntax? {
        let keyword = Keyword(command.keyword.name, command.keyword.range)
        guard statements.contains(keyword.canonical) else { return nil }
        var reader = CommandReader(command, file: file)
        let syntax: CommandSyntax
        switch keyword.canonical {
        case "harmonise": syntax = .harmonise(try harmonise(keyword, &reader))
        case "set": syntax = .set(try set(keyword, &reader))
        case "solve": syntax = .solve(try solve(keyword, &reader))
        case "coverage": syntax = .coverage(try coverage(keyword, &reader))
        case "growth": syntax = .growth(try growth(keyword, &reader))
        case "period":
            let years = try reader.expectValue(("en periode (f.eks. 2020...2023)", "a range of years (e.g. 2020...2023)"))
            syntax = .period(.init(keyword: keyword, years: years))
        case "deflator":
            let years = try reader.expectValue(("et årstall eller en periode", "a year or a range of years"))
            _ = try reader.expectEquals()
            let rate = try reader.expectValue(("en prosentsats (f.eks. 3,1 %)", "a percentage (e.g. 3,1 %)"))
            syntax = .deflator(.init(keyword: keyword, years: years, rate: rate))
        default:
            let basis = try reader.expectKeyword("fixed", "nominal")
            syntax = .prices(.init(keyword: keyword, basis: basis))
        }
        try reader.expectEnd()
        return syntax
    }

    static func harmonise(_ keyword: Keyword, _ reader: inout CommandReader) throws(CommandSyntaxError)
        -> CommandSyntax.Harmonise
    {
        let target = try reader.expectPath()
        let goal: CommandSyntax.Harmonise.Goal
        if let by = reader.takeKeyword("by") {
            goal = .by(by, try reader.expectValue(("en prosentsats (f.eks. -5 %)", "a percentage (e.g. -5 %)")))
        } else if let to = reader.takeKeyword("to") {
            goal = .to(
                to,
                try reader.expectValue(
                    ("et nivå (lowest, highest, mean, weighted, en kommune eller et beløp)",
                        "a level (lowest, highest, mean, weighted, a municipality or an amount)")))
        } else {
            throw reader.expected("«to» eller «by»", "«to» or «by»")
        }
        return .init(keyword: keyword, target: target, goal: goal, options: try options(&reader, allowEach: true))
    }

    static func set(_ keyword: Keyword, _ reader: inout CommandReader) throws(CommandSyntaxError)
        -> CommandSyntax.SetLevel
    {
        let target = try reader.expectPath()
        _ = try reader.expectEquals()
        let value = try reader.expectValue(("et beløp (f.eks. 2 990 kr/mnd)", "an amount (e.g. 2 990 kr/mnd)"))
        return .init(keyword: keyword, target: target, value: value, options: try options(&reader, allowEach: false))
    }

    static func solve(_ keyword: Keyword, _ reader: inout CommandReader) throws(CommandSyntaxError)
        -> CommandSyntax.Solve
    {
        let target = try reader.expectPath()
        var goal: Expression?
        let neutral = reader.takeKeyword("neutral")
        if neutral == nil {
            guard reader.nextIsEquals else { throw reader.expected("«neutral» eller «=»", "«neutral» or «=»") }
            _ = try reader.expectEquals()
            goal = try reader.expectValue(("et beløp (f.eks. 40 000 000 kr)", "an amount (e.g. 40 000 000 kr)"))
        }
        var year: (keyword: Keyword, value: Expression)?
        if let inKeyword = reader.takeKeyword("in") {
            year = (inKeyword, try reader.expectValue(("et årstall", "a year")))
        }
        return .init(
            keyword: keyword, target: target, goal: goal, neutral: neutral, year: year,
            options: try options(&reader, allowEach: false))
    }

    static func coverage(_ keyword: Keyword, _ reader: inout CommandReader) throws(CommandSyntaxError)
        -> CommandSyntax.Coverage
    {
        let target = try reader.expectPath()
        guard target.parts.count == 2, !target.wildcard else {
            throw CommandSyntaxError(
                DiagnosticMessage(
                    code: "unknown-target",
                    nb: "forventet tjeneste.indikator, f.eks. barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5",
                    en: "expected service.indicator, e.g. barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5"),
                target.range)
        }
        let inKeyword = try reader.expectKeyword("in")
        guard let municipality = reader.peekName() else { throw reader.expected("en kommune", "a municipality") }
        _ = try reader.expectValue(("en kommune", "a municipality"))
        _ = try reader.expectEquals()
        let value = try reader.expectValue(("en dekningsgrad (f.eks. 90 %)", "a coverage rate (e.g. 90 %)"))
        var from: (keyword: Keyword, value: Expression)?
        if let fromKeyword = reader.takeKeyword("from") {
            from = (fromKeyword, try reader.expectValue(("et årstall", "a year")))
        }
        return .init(
            keyword: keyword, target: target, inKeyword: inKeyword, municipality: municipality, value: value, from: from)
    }

    static func growth(_ keyword: Keyword, _ reader: inout CommandReader) throws(CommandSyntaxError)
        -> CommandSyntax.Growth
    {
        let target = try reader.expectPath()
        _ = try reader.expectEquals()
        if let population = reader.takeKeyword("population") {
            return .init(keyword: keyword, target: target, value: .population(population, try reader.expectPath()))
        }
        let rate = try reader.expectValue(("en prosentsats (f.eks. 3,1 %)", "a percentage (e.g. 3,1 %)"))
        return .init(keyword: keyword, target: target, value: .rate(rate))
    }

    /// The options after a decision's rule: `each`, `keep structure`, `annual`, `from`, `over`,
    /// `path`, `round`; `each`, `annual` and `round` at most once, one phasing (`path` may follow
    /// or precede `from`).
    static func options(_ reader: inout CommandReader, allowEach: Bool) throws(CommandSyntaxError)
        -> [CommandSyntax.Option]
    {
        var options: [CommandSyntax.Option] = []
        var seen: [String: SourceRange] = [:]
        var phasing: (word: String, range: SourceRange)?
        func phase(_ word: String, _ range: SourceRange) throws(CommandSyntaxError) {
            if let earlier = phasing, !(Swift.Set([earlier.word, word]) == ["from", "path"]) || earlier.word == word {
                throw CommandSyntaxError(
                    DiagnosticMessage(
                        code: "phasing", nb: "bare én innfasing: «from», «over» eller «path» (med ev. «from»)",
                        en: "only one phasing: «from», «over» or «path» (optionally with «from»)"),
                    range.union(earlier.range))
            }
            phasing = phasing ?? (word, range)
        }
        while !reader.atEnd {
            let start = reader.here
            if let word = reader.peekKeyword(), ["each", "annual", "round"].contains(word) {
                if let first = seen[word] {
                    throw CommandSyntaxError(
                        DiagnosticMessage(
                            code: "repeated-option", nb: "«\(word)» er gitt to ganger", en: "«\(word)» is given twice"),
                        start.union(first))
                }
                seen[word] = start
            }
            if allowEach, let each = reader.takeKeyword("each") {
                options.append(.each(each))
            } else if allowEach, let keep = reader.takeKeyword("keep") {
                options.append(.keepStructure(keep, try reader.expectKeyword("structure")))
            } else if let annual = reader.takeKeyword("annual") {
                options.append(.annual(annual))
            } else if let from = reader.takeKeyword("from") {
                try phase("from", start)
                options.append(.from(from, try reader.expectValue(("et årstall", "a year"))))
            } else if let over = reader.takeKeyword("over") {
                try phase("over", start)
                options.append(
                    .over(over, try reader.expectValue(("en periode (f.eks. 2020...2023)", "a range of years (e.g. 2020...2023)"))))
            } else if let path = reader.takeKeyword("path") {
                try phase("path", start)
                options.append(
                    .path(
                        path,
                        try reader.expectValue(
                            ("en liste med andeler, f.eks. [25 %, 50 %, 100 %]", "a list of shares, e.g. [25 %, 50 %, 100 %]"))))
            } else if let round = reader.takeKeyword("round") {
                options.append(.round(round, try reader.expectValue(("et beløp (f.eks. 10 kr)", "an amount (e.g. 10 kr)"))))
            } else {
                let list = (allowEach ? "«keep structure», " : "") + "«annual», «from», «over», «path», «round»"
                throw reader.expected(list, list)
            }
        }
        return options
    }
}
