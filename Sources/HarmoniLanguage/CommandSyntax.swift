/// The typed shape of the scenario statements (`harmonise`, `set`, `solve`, `coverage` and the
/// settings `growth`, `period`, `deflator`, `prices`), as ``CommandGrammar`` reads them.
///
/// Values stay expressions (a year may be `2020 + 1`, an amount a `let` name): the interpreter
/// evaluates them. Keywords keep their spelling, so `fmt` prints `til` where `til` was written.
public enum CommandSyntax: Sendable {
    case harmonise(Harmonise)
    case set(SetLevel)
    case solve(Solve)
    case coverage(Coverage)
    case growth(Growth)
    case period(Period)
    case deflator(Deflator)
    case prices(Prices)

    /// An option after a decision's rule, in any order, each at most once.
    public enum Option: Sendable {
        case each(Keyword)
        case keepStructure(Keyword, Keyword)
        case annual(Keyword)
        case from(Keyword, Expression)
        case over(Keyword, Expression)
        case path(Keyword, Expression)
        case round(Keyword, Expression)

        /// Where the option was written.
        public var range: SourceRange {
            switch self {
            case .each(let k), .annual(let k): return k.range
            case .keepStructure(let k, let s): return k.range.union(s.range)
            case .from(let k, let e), .over(let k, let e), .path(let k, let e), .round(let k, let e):
                return k.range.union(e.range)
            }
        }
    }

    /// `harmonise <target> to <level> | by <percent> {option}`.
    public struct Harmonise: Sendable {
        public var keyword: Keyword
        public var target: Path
        public var goal: Goal
        public var options: [Option]

        /// `to <level>` or `by <percent>`.
        public enum Goal: Sendable {
            case to(Keyword, Expression)
            case by(Keyword, Expression)
        }
    }

    /// `set <target> = <amount> {option}`.
    public struct SetLevel: Sendable {
        public var keyword: Keyword
        public var target: Path
        public var value: Expression
        public var options: [Option]
    }

    /// `solve <target> neutral | = <amount> [in <year>] {option}`.
    public struct Solve: Sendable {
        public var keyword: Keyword
        public var target: Path
        /// `nil` for `neutral`.
        public var goal: Expression?
        public var neutral: Keyword?
        public var year: (keyword: Keyword, value: Expression)?
        public var options: [Option]
    }

    /// `coverage <service>.<indicator> in <municipality> = <value> [from <year>]`.
    public struct Coverage: Sendable {
        public var keyword: Keyword
        public var target: Path
        public var inKeyword: Keyword
        public var municipality: Identifier
        public var value: Expression
        public var from: (keyword: Keyword, value: Expression)?
    }

    /// `growth <service>|all = <percent> | population <age group>`.
    public struct Growth: Sendable {
        public var keyword: Keyword
        public var target: Path
        public var value: Value

        /// A yearly rate or a population age group.
        public enum Value: Sendable {
            case rate(Expression)
            case population(Keyword, Path)
        }
    }

    /// `period <year>...<year>`.
    public struct Period: Sendable {
        public var keyword: Keyword
        public var years: Expression
    }

    /// `deflator <year>[...<year>] = <percent>`.
    public struct Deflator: Sendable {
        public var keyword: Keyword
        public var years: Expression
        public var rate: Expression
    }

    /// `prices fixed | nominal`.
    public struct Prices: Sendable {
        public var keyword: Keyword
        public var basis: Keyword
    }
}

extension CommandSyntax {
    /// The statement in canonical form: one space between words, keywords as written, values as
    /// ``Formatter/expression(_:)`` prints them (`by -5 %`). With `canonicalWords`, keywords in
    /// their canonical English form (`til` → `to`, `laveste` → `lowest`), for comparing two spellings.
    public func text(canonicalWords: Bool = false) -> String {
        func k(_ keyword: Keyword) -> String { canonicalWords ? keyword.canonical : keyword.spelling }
        func e(_ expression: Expression) -> String {
            // A bare name as a value is a word of the language too (`laveste` → `lowest`).
            if canonicalWords, case .path(let p) = expression.kind, p.parts.count == 1, !p.wildcard {
                return Vocabulary.canonical(p.parts[0].name)
            }
            return Formatter.expression(expression)
        }
        func options(_ list: [Option]) -> [String] {
            list.map { option in
                switch option {
                case .each(let w), .annual(let w): return k(w)
                case .keepStructure(let a, let b): return k(a) + " " + k(b)
                case .from(let w, let v), .over(let w, let v), .path(let w, let v), .round(let w, let v):
                    return k(w) + " " + e(v)
                }
            }
        }
        let words: [String]
        switch self {
        case .harmonise(let h):
            let goal: [String]
            switch h.goal {
            case .to(let w, let v), .by(let w, let v): goal = [k(w), e(v)]
            }
            words = [k(h.keyword), h.target.text] + goal + options(h.options)
        case .set(let s): words = [k(s.keyword), s.target.text, "=", e(s.value)] + options(s.options)
        case .solve(let s):
            var parts = [k(s.keyword), s.target.text]
            if let neutral = s.neutral { parts.append(k(neutral)) }
            if let goal = s.goal { parts += ["=", e(goal)] }
            if let year = s.year { parts += [k(year.keyword), e(year.value)] }
            words = parts + options(s.options)
        case .coverage(let c):
            var parts = [k(c.keyword), c.target.text, k(c.inKeyword), c.municipality.name, "=", e(c.value)]
            if let from = c.from { parts += [k(from.keyword), e(from.value)] }
            words = parts
        case .growth(let g):
            switch g.value {
            case .rate(let v): words = [k(g.keyword), g.target.text, "=", e(v)]
            case .population(let w, let group): words = [k(g.keyword), g.target.text, "=", k(w), group.text]
            }
        case .period(let p): words = [k(p.keyword), e(p.years)]
        case .deflator(let d): words = [k(d.keyword), e(d.years), "=", e(d.rate)]
        case .prices(let p): words = [k(p.keyword), k(p.basis)]
        }
        var out = words[0]
        for word in words.dropFirst() { out += Formatter.separator(between: out, and: word) + word }
        return out
    }
}
