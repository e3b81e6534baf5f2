import HarmoniModel

/// Prints a syntax tree in canonical form: the text `harmoni fmt` writes.
///
/// Canonical means: two-space indentation, one attribute per line, `name = value`, one blank line
/// around every block, at most one blank line elsewhere, comments kept where they were, numbers
/// in Norwegian form (`2 990 kr/mnd`, `3,1 %`) and `\n` line endings. Formatting is idempotent,
/// keeps every comment (a comment inside brackets moves above its statement or attribute), and
/// `parse(format(x))` dumps like `parse(x)` apart from ranges and blank lines
/// (``SourceUnit/dump(includingLayout:)``). The fuzz tests hold it to all three.
public enum Formatter {
    /// The canonical text of a whole file, ending in one newline (empty for an empty file).
    public static func format(_ unit: SourceUnit) -> String {
        var out = ""
        var previousWasBlock = false
        for (i, statement) in unit.statements.enumerated() {
            let isBlock: Bool
            if case .block = statement.kind { isBlock = true } else { isBlock = false }
            if i > 0, isBlock || previousWasBlock || statement.trivia.blankLineBefore { out += "\n" }
            out += comments(statement.trivia.leadingComments, indent: "")
            out += self.statement(statement)
            out += trailing(statement.trivia.trailingComment) + "\n"
            previousWasBlock = isBlock
        }
        if !unit.trailingComments.isEmpty {
            if !unit.statements.isEmpty { out += "\n" }
            out += comments(trimBlankMarkers(unit.trailingComments), indent: "")
        }
        return out
    }

    /// One statement without its comments or line end.
    public static func statement(_ statement: Statement) -> String {
        switch statement.kind {
        case .block(let block): return self.block(block)
        case .binding(let name, let value): return "let \(name.name) = \(expression(value))"
        case .command(let command):
            // Words as the command grammar reads them: a keyword the parser glued to its value
            // (`by - 5 %`, `to(2 990 kr)`) is printed apart from it (`by -5 %`, `to 2 990 kr`).
            var out = command.keyword.name
            var previous = out
            for next in command.words.flatMap(items).map(item) {
                out += separator(between: previous, and: next) + next
                previous = next
            }
            return out
        }
    }

    /// One space between two command words, or two where one space would make the lexer read two
    /// numbers as one grouped number (`show 12  345` must not become `show 12 345`, nor
    /// `92 233 720 368 547 758  368 547 758 %` one number too big to read).
    static func separator(between left: String, and right: String) -> String {
        // Only a right word starting with exactly three digits can continue a grouped number.
        let head = right.utf8.prefix(4).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard let last = left.utf8.last, last >= UInt8(ascii: "0"), last <= UInt8(ascii: "9"), head.prefix(3) == [true, true, true],
            head.count == 3 || head[3] == false
        else { return " " }
        // One space is safe only if the two words lex to exactly their own tokens, without error
        // (counting tokens is not enough: a merged number too big is an error token, and its
        // unit another one).
        func lexed(_ text: String) -> (kinds: [TokenKind], clean: Bool) {
            let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "", text: text))
            return (tokens.map(\.kind).filter { $0 != .endOfFile }, diagnostics.isEmpty)
        }
        let joined = lexed(left + " " + right)
        let apart = (lexed(left), lexed(right))
        return joined.clean && joined.kinds == apart.0.kinds + apart.1.kinds ? " " : "  "
    }

    private static func block(_ block: Block) -> String {
        var out = "\(block.kind.name) \(block.id.text) {" + trailing(block.openingComment) + "\n"
        for (i, attribute) in block.attributes.enumerated() {
            if i > 0, attribute.trivia.blankLineBefore { out += "\n" }
            out += comments(attribute.trivia.leadingComments, indent: "  ")
            out += "  \(attribute.name.name) = \(expression(attribute.value))"
            out += trailing(attribute.trivia.trailingComment) + "\n"
        }
        out += comments(trimBlankMarkers(block.closingComments), indent: "  ")
        return out + "}"
    }

    private static func items(_ word: Word) -> [CommandReader.Item] {
        switch word {
        case .expression(let e):
            // A keyword glued to its value as a call (`to(2 990 kr)`) is printed apart only when the
            // value alone reads back as one value; `round((a) / b)` printed as `round (a) / b` would
            // read as `round(a) / b`, so such a call is printed as written (the grammar splits it
            // when reading either way).
            if case .call(_, let arguments) = e.kind, arguments.count == 1, !standsAlone(arguments[0]) {
                return [.value(e)]
            }
            return CommandReader.split(e)
        case .equals(let range): return [.equals(range)]
        }
    }

    /// True when the expression printed after a keyword reads back as the same single value.
    private static func standsAlone(_ e: Expression) -> Bool {
        switch e.kind {
        case .number, .string, .date, .list: return true
        case .unary(.negate, let inner):
            if case .number = inner.kind { return true }
            return false
        default: return false
        }
    }

    private static func item(_ item: CommandReader.Item) -> String {
        switch item {
        case .name(let id): return id.name
        case .value(let e): return expression(e)
        case .equals: return "="
        }
    }

    private static func comments(_ lines: [String], indent: String) -> String {
        lines.map { line in
            if line == Trivia.blankLine { return "\n" }
            return indent + (line.isEmpty ? "#" : "# " + line) + "\n"
        }.joined()
    }

    private static func trimBlankMarkers(_ lines: [String]) -> [String] {
        var lines = lines
        while lines.first == Trivia.blankLine { lines.removeFirst() }
        while lines.last == Trivia.blankLine { lines.removeLast() }
        return lines
    }

    private static func trailing(_ comment: String?) -> String {
        guard let comment else { return "" }
        return comment.isEmpty ? "  #" : "  # " + comment
    }

    /// An expression in canonical form.
    public static func expression(_ e: Expression) -> String {
        switch e.kind {
        case .number(let value, let unit, let grouped): return number(value, unit: unit, grouped: grouped)
        case .string(let text): return quote(text)
        case .date(let date): return date.description
        case .path(let path): return path.text
        case .range(let from, let to):
            return (from.map(expression) ?? "") + "..." + (to.map(expression) ?? "")
        case .unary(let op, let operand): return op.rawValue + expression(operand)
        case .binary(let op, let left, let right): return "\(expression(left)) \(op.rawValue) \(expression(right))"
        case .call(let name, let arguments): return "\(name.name)(" + arguments.map(expression).joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(expression).joined(separator: ", ") + "]"
        case .parenthesized(let inner): return "(" + expression(inner) + ")"
        }
    }

    /// A number literal: grouped when the whole part has 5 or more digits, or 4 digits with a unit
    /// or grouping in the source (so years such as `2020` stay as written).
    public static func number(_ value: DecimalNumber, unit: Unit?, grouped: Bool) -> String {
        let wholeDigits = String((value.significand.magnitude / pow10(value.scale))).count
        let group = wholeDigits >= 5 || (wholeDigits == 4 && (unit != nil || grouped))
        let digits = NorwegianFormat.decimal(value, grouping: group)
        guard let unit else { return digits }
        return digits + " " + unit.symbol
    }

    private static func pow10(_ n: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<n { result = result &* 10 }
        return max(result, 1)
    }

    /// A string literal with `\\`, `\"`, `\n` and `\t` escaped.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
