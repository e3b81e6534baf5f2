/// The words of a statement outside the command grammar (`show impact`, `show household`,
/// `compare`, population statements), read one by one with diagnostics at the word that is
/// wrong; the words are split as HarmoniLanguage's `CommandReader` splits them (`by -5 %`).
struct SimulateWords {
    enum Item {
        case name(String, SourceRange)
        case value(Expression)
        case equals(SourceRange)

        var range: SourceRange {
            switch self {
            case .name(_, let r), .equals(let r): return r
            case .value(let e): return e.range
            }
        }
    }

    let context: StatementContext
    let command: Command
    private(set) var items: [Item] = []
    private(set) var index = 0

    init(_ command: Command, _ context: StatementContext, skipping: Int = 0) {
        self.command = command
        self.context = context
        // The command grammar's splitting of glued keywords (`by -5 %`), one implementation.
        for item in CommandReader(command, file: context.file, skipping: skipping).items {
            switch item {
            case .name(let id): items.append(.name(id.name, id.range))
            case .value(let e): items.append(.value(e))
            case .equals(let range): items.append(.equals(range))
            }
        }
    }

    var atEnd: Bool { index >= items.count }

    /// The range to point at: the next word, or just after the last.
    var here: SourceRange {
        if index < items.count { return items[index].range }
        let end = command.words.last?.range.end ?? command.keyword.range.end
        return .at(end)
    }

    /// The next word as a canonical keyword (aliases resolved), without consuming it.
    var peekName: String? {
        guard index < items.count, case .name(let name, _) = items[index] else { return nil }
        return Vocabulary.canonical(name)
    }

    /// Consumes the next word if it is one of `names` (after alias resolution).
    mutating func keyword(_ names: String...) -> String? {
        guard let name = peekName, names.contains(name) else { return nil }
        index += 1
        return name
    }

    /// True when the next word is `=`.
    var nextIsEquals: Bool {
        guard index < items.count, case .equals = items[index] else { return false }
        return true
    }

    /// Consumes `=` or throws.
    mutating func expectEquals() throws(Diagnostic) {
        guard index < items.count, case .equals = items[index] else {
            throw context.error(.expected("«=»", "«=»", found: found), here)
        }
        index += 1
    }

    /// Consumes the next word as an expression (a bare name becomes a path expression).
    mutating func value(_ what: (nb: String, en: String)) throws(Diagnostic) -> Expression {
        guard index < items.count else {
            throw context.error(.expected(what.nb, what.en, found: found), here)
        }
        let item = items[index]
        switch item {
        case .value(let e):
            index += 1
            return e
        case .name(let name, let range):
            index += 1
            return Expression(.path(Path(parts: [Identifier(name, range)], wildcard: false, range: range)), range)
        case .equals:
            throw context.error(.expected(what.nb, what.en, found: found), here)
        }
    }

    /// Consumes the next word as a path (`sfo.*`, `asker.sfo.plass_5d`, `oppvekst`).
    mutating func path() throws(Diagnostic) -> Path {
        let e = try value(("et navn (f.eks. «sfo.*»)", "a name (e.g. «sfo.*»)"))
        guard case .path(let p) = e.kind else {
            throw context.error(
                .expected(
                    "et navn (f.eks. «sfo.*»)", "a name (e.g. «sfo.*»)", found: "«\(context.file.slice(e.range))»"),
                e.range)
        }
        return p
    }

    /// Throws if words are left over.
    func expectEnd(_ expected: (nb: String, en: String) = ("slutten av setningen", "the end of the statement"))
        throws(Diagnostic)
    {
        guard atEnd else { throw context.error(.expected(expected.nb, expected.en, found: found), here) }
    }

    /// The next word quoted for messages.
    var found: String {
        guard index < items.count else {
            return context.language == .nb ? "slutten av setningen" : "the end of the statement"
        }
        return "«\(context.file.slice(items[index].range))»"
    }
}
