import HarmoniModel

/// A hand-written recursive-descent parser for the Harmoni language.
///
/// It recovers at the next line (or the next attribute inside a block), so one run reports every
/// error it can find. Running out of input inside an open block, bracket, string or after an
/// operator gives a diagnostic with ``Diagnostic/isUnexpectedEnd`` set, which the REPL uses to ask
/// for a continuation line.
public struct Parser {
    private let file: SourceFile
    private var tokens: [Token]
    private var index = 0
    /// Depth of open `(` and `[`; newlines inside them are ignored.
    private var nesting = 0
    /// Depth of expression recursion, capped so hostile input cannot overflow the stack.
    private var depth = 0
    private var diagnostics: [Diagnostic] = []

    /// The deepest expression nesting accepted.
    public static let maximumDepth = 200

    /// Parses a whole file: lexing and parsing diagnostics together, in source order.
    public static func parse(_ file: SourceFile) -> (unit: SourceUnit, diagnostics: [Diagnostic]) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: tokens)
        let unit = parser.parseUnit()
        let all = (lexDiagnostics + parser.diagnostics).sorted { $0.range.start < $1.range.start }
        return (unit, all)
    }

    private init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    // MARK: - Token access

    private var current: Token {
        if nesting > 0 {
            var i = index
            while i < tokens.count - 1, isSkippableInsideBrackets(tokens[i].kind) { i += 1 }
            return tokens[i]
        }
        return tokens[min(index, tokens.count - 1)]
    }

    private func isSkippableInsideBrackets(_ kind: TokenKind) -> Bool {
        switch kind {
        case .newline, .comment: return true
        default: return false
        }
    }

    @discardableResult
    private mutating func advance() -> Token {
        if nesting > 0 {
            while index < tokens.count - 1, isSkippableInsideBrackets(tokens[index].kind) { index += 1 }
        }
        let token = tokens[min(index, tokens.count - 1)]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func peekKind(_ ahead: Int) -> TokenKind {
        tokens[min(index + ahead, tokens.count - 1)].kind
    }

    private var atEnd: Bool {
        if case .endOfFile = current.kind { return true }
        return false
    }

    private var atLineEnd: Bool {
        switch current.kind {
        case .newline, .endOfFile, .comment: return true
        default: return false
        }
    }

    private mutating func skipNewlines() {
        while case .newline = current.kind { advance() }
    }

    // MARK: - Errors

    private mutating func error(_ message: DiagnosticMessage, _ range: SourceRange, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(.error, message, file: file.name, range: range, notes: notes))
    }

    /// Reports "expected X, found Y", or "unexpected end" at the end of input.
    private mutating func expected(_ nb: String, _ en: String) {
        let token = current
        if case .endOfFile = token.kind {
            diagnostics.append(
                Diagnostic(
                    .error, .expected(nb, en, found: TokenKind.endOfFile), file: file.name, range: token.range,
                    isUnexpectedEnd: true))
        } else if case .invalid = token.kind {
            // The lexer already reported this token.
        } else {
            error(.expected(nb, en, found: token.kind), token.range)
        }
    }

    /// Skips to the end of the current line (leaving the newline), at bracket depth zero.
    private mutating func recoverToLineEnd() {
        nesting = 0
        depth = 0
        while !atEnd {
            if case .newline = current.kind { return }
            advance()
        }
    }

    // MARK: - Statements

    private mutating func parseUnit() -> SourceUnit {
        var statements: [Statement] = []
        while true {
            let trivia = parseLeadingTrivia()
            if atEnd { return SourceUnit(statements: statements, trailingComments: trivia.leadingComments) }
            if let statement = parseStatement(trivia) {
                statements.append(statement)
            } else if case .newline = current.kind {
                advance()
            }
        }
    }

    /// Reads blank lines and whole-line comments before a statement or attribute.
    ///
    /// The newline ending the previous line has already been consumed, so every newline token
    /// here is a blank line. Blank lines between comments are kept as empty comment lines.
    private mutating func parseLeadingTrivia() -> Trivia {
        var trivia = Trivia()
        var pendingBlank = false
        while true {
            switch current.kind {
            case .newline:
                pendingBlank = true
                advance()
            case .comment(let text):
                if pendingBlank { noteBlank(&trivia) }
                pendingBlank = false
                trivia.leadingComments.append(text)
                advance()
                if case .newline = current.kind { advance() }
            default:
                if pendingBlank { noteBlank(&trivia) }
                return trivia
            }
        }
    }

    private func noteBlank(_ trivia: inout Trivia) {
        if trivia.leadingComments.isEmpty {
            trivia.blankLineBefore = true
        } else {
            trivia.leadingComments.append(Trivia.blankLine)
        }
    }

    private mutating func parseStatement(_ trivia: Trivia) -> Statement? {
        let start = current.range.start
        guard case .identifier(let keyword) = current.kind else {
            expected("en setning (f.eks. «fee …» eller «show …»)", "a statement (e.g. «fee …» or «show …»)")
            advance()
            recoverToLineEnd()
            return nil
        }
        var statement: Statement
        if isBlockHeader() {
            guard let block = parseBlock() else { return nil }
            statement = Statement(kind: .block(block), trivia: trivia, range: SourceRange(start, block.bodyRange.end))
        } else if keyword == "let", case .identifier = peekKind(1) {
            advance()
            let nameToken = advance()
            guard case .identifier(let name) = nameToken.kind else { return nil }
            guard case .equals = current.kind else {
                expected("«=» etter navnet", "«=» after the name")
                recoverToLineEnd()
                return nil
            }
            advance()
            guard let value = parseExpressionSkippingNewlines() else {
                recoverToLineEnd()
                return nil
            }
            statement = Statement(
                kind: .binding(name: Identifier(name, nameToken.range), value: value), trivia: trivia,
                range: SourceRange(start, value.range.end))
        } else {
            guard let command = parseCommand() else {
                recoverToLineEnd()
                return nil
            }
            let end = command.words.last?.range.end ?? command.keyword.range.end
            statement = Statement(kind: .command(command), trivia: trivia, range: SourceRange(start, end))
        }
        statement.trivia.trailingComment = parseLineEnd()
        return statement
    }

    /// Expects the end of a line; returns a trailing comment if there is one.
    private mutating func parseLineEnd() -> String? {
        var comment: String?
        if case .comment(let text) = current.kind {
            comment = text
            advance()
        }
        switch current.kind {
        case .newline: advance()
        case .endOfFile: break
        default:
            expected("linjeskift", "end of line")
            recoverToLineEnd()
        }
        return comment
    }

    /// `identifier path {` on the current line.
    private func isBlockHeader() -> Bool {
        guard case .identifier = peekKind(0), case .identifier = peekKind(1) else { return false }
        var i = 2
        while case .dot = peekKind(i) {
            switch peekKind(i + 1) {
            case .identifier, .star: i += 2
            default: return false
            }
        }
        if case .leftBrace = peekKind(i) { return true }
        return false
    }

    private mutating func parseBlock() -> Block? {
        let kindToken = advance()
        guard case .identifier(let kindName) = kindToken.kind, let id = parsePath() else { return nil }
        let open = advance()  // `{`, checked by isBlockHeader
        if case .comment = current.kind { advance() }
        if case .newline = current.kind { advance() }
        var attributes: [Attribute] = []
        while true {
            let trivia = parseLeadingTrivia()
            switch current.kind {
            case .rightBrace:
                let close = advance()
                return Block(
                    kind: Identifier(kindName, kindToken.range), id: id, attributes: attributes,
                    closingComments: trivia.leadingComments, bodyRange: SourceRange(open.range.start, close.range.end))
            case .endOfFile:
                diagnostics.append(
                    Diagnostic(
                        .error, .unterminatedBlock, file: file.name, range: current.range,
                        notes: [DiagnosticNote(.blockOpenedHere, range: kindToken.range.union(open.range))],
                        isUnexpectedEnd: true))
                return Block(
                    kind: Identifier(kindName, kindToken.range), id: id, attributes: attributes,
                    closingComments: trivia.leadingComments, bodyRange: SourceRange(open.range.start, current.range.end))
            default:
                if isBlockHeader() {
                    // The closing brace was forgotten and the next block starts: end this one here.
                    error(.unterminatedBlock, kindToken.range.union(open.range))
                    return Block(
                        kind: Identifier(kindName, kindToken.range), id: id, attributes: attributes,
                        closingComments: [], bodyRange: SourceRange(open.range.start, current.range.start))
                }
                if var attribute = parseAttribute(trivia) {
                    if case .comment(let text) = current.kind {
                        attribute.trivia.trailingComment = text
                        advance()
                    }
                    attributes.append(attribute)
                    switch current.kind {
                    case .newline: advance()
                    case .rightBrace, .endOfFile: break
                    default:
                        expected("linjeskift etter verdien", "end of line after the value")
                        recoverToLineEnd()
                    }
                } else {
                    recoverToLineEnd()
                    if case .newline = current.kind { advance() }
                }
            }
        }
    }

    private mutating func parseAttribute(_ trivia: Trivia) -> Attribute? {
        guard case .identifier(let name) = current.kind else {
            expected("et feltnavn eller «}»", "a field name or «}»")
            if case .invalid = current.kind {} else { advance() }
            return nil
        }
        let nameToken = advance()
        guard case .equals = current.kind else {
            expected("«=» etter «\(name)»", "«=» after «\(name)»")
            return nil
        }
        advance()
        guard let value = parseExpressionSkippingNewlines() else { return nil }
        return Attribute(name: Identifier(name, nameToken.range), value: value, trivia: trivia)
    }

    private mutating func parseCommand() -> Command? {
        let keywordToken = advance()
        guard case .identifier(let keyword) = keywordToken.kind else { return nil }
        var words: [Word] = []
        while !atLineEnd {
            if case .equals = current.kind {
                words.append(.equals(advance().range))
                continue
            }
            guard let expression = parseExpression() else { return nil }
            words.append(.expression(expression))
        }
        return Command(keyword: Identifier(keyword, keywordToken.range), words: words)
    }

    // MARK: - Expressions

    /// An expression that may start on the next line (after `=`).
    private mutating func parseExpressionSkippingNewlines() -> Expression? {
        if case .newline = current.kind {
            expected("en verdi", "a value")
            return nil
        }
        return parseExpression()
    }

    /// expression := comparison [ "..." [comparison] ]
    public mutating func parseExpression() -> Expression? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maximumDepth else {
            error(.nestingTooDeep, current.range)
            return nil
        }
        if case .ellipsis = current.kind {
            let dots = advance()
            guard let to = parseComparison() else { return nil }
            return Expression(.range(from: nil, to: to), SourceRange(dots.range.start, to.range.end))
        }
        guard let from = parseComparison() else { return nil }
        guard case .ellipsis = current.kind else { return from }
        let dots = advance()
        if startsOperand(current.kind) {
            guard let to = parseComparison() else { return nil }
            return Expression(.range(from: from, to: to), SourceRange(from.range.start, to.range.end))
        }
        return Expression(.range(from: from, to: nil), SourceRange(from.range.start, dots.range.end))
    }

    private func startsOperand(_ kind: TokenKind) -> Bool {
        switch kind {
        case .number, .date, .string, .identifier, .leftParen, .leftBracket, .minus: return true
        default: return false
        }
    }

    private mutating func parseComparison() -> Expression? {
        guard let left = parseAdditive() else { return nil }
        let op: BinaryOperator
        switch current.kind {
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        case .equalEqual: op = .equal
        case .notEqual: op = .notEqual
        default: return left
        }
        advance()
        skipNewlines()
        guard let right = parseAdditive() else { return nil }
        return Expression(.binary(op, left, right), left.range.union(right.range))
    }

    private mutating func parseAdditive() -> Expression? {
        guard var left = parseTerm() else { return nil }
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            advance()
            skipNewlines()
            guard let right = parseTerm() else { return nil }
            left = Expression(.binary(op, left, right), left.range.union(right.range))
        }
    }

    private mutating func parseTerm() -> Expression? {
        guard var left = parseUnary() else { return nil }
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            default: return left
            }
            advance()
            skipNewlines()
            guard let right = parseUnary() else { return nil }
            left = Expression(.binary(op, left, right), left.range.union(right.range))
        }
    }

    private mutating func parseUnary() -> Expression? {
        if case .minus = current.kind {
            let minus = advance()
            depth += 1
            defer { depth -= 1 }
            guard depth <= Parser.maximumDepth else {
                error(.nestingTooDeep, current.range)
                return nil
            }
            guard let operand = parseUnary() else { return nil }
            return Expression(.unary(.negate, operand), minus.range.union(operand.range))
        }
        return parsePrimary()
    }

    private mutating func parsePrimary() -> Expression? {
        let token = current
        switch token.kind {
        case .number(let value, let unit, let grouped):
            advance()
            return Expression(.number(value, unit: unit, grouped: grouped), token.range)
        case .string(let text):
            advance()
            return Expression(.string(text), token.range)
        case .date(let date):
            advance()
            return Expression(.date(date), token.range)
        case .identifier(let name):
            if case .leftParen = peekKind(1) { return parseCall(Identifier(name, token.range)) }
            guard let path = parsePath() else { return nil }
            return Expression(.path(path), path.range)
        case .leftParen:
            advance()
            nesting += 1
            guard let inner = parseExpression() else { return nil }
            guard case .rightParen = current.kind else {
                expected("«)»", "«)»")
                return nil
            }
            nesting -= 1
            let close = advance()
            return Expression(.parenthesized(inner), SourceRange(token.range.start, close.range.end))
        case .leftBracket:
            advance()
            nesting += 1
            guard let items = parseList(closing: .rightBracket, "«]»") else { return nil }
            nesting -= 1
            let close = advance()
            return Expression(.list(items), SourceRange(token.range.start, close.range.end))
        default:
            expected("en verdi", "a value")
            return nil
        }
    }

    private mutating func parseCall(_ name: Identifier) -> Expression? {
        advance()  // name
        advance()  // (
        nesting += 1
        guard let arguments = parseList(closing: .rightParen, "«)»") else { return nil }
        nesting -= 1
        let close = advance()
        return Expression(.call(name: name, arguments: arguments), SourceRange(name.range.start, close.range.end))
    }

    /// Comma-separated expressions up to a closing token (not consumed).
    private mutating func parseList(closing: TokenKind, _ closingText: String) -> [Expression]? {
        var items: [Expression] = []
        if current.kind == closing { return items }
        while true {
            guard let item = parseExpression() else { return nil }
            items.append(item)
            if case .comma = current.kind {
                advance()
                continue
            }
            if current.kind == closing { return items }
            expected("«,» eller \(closingText)", "«,» or \(closingText)")
            return nil
        }
    }

    /// identifier ( "." identifier )* [ "." "*" ]
    private mutating func parsePath() -> Path? {
        guard case .identifier(let first) = current.kind else {
            expected("et navn", "a name")
            return nil
        }
        let firstToken = advance()
        var parts = [Identifier(first, firstToken.range)]
        var end = firstToken.range.end
        var wildcard = false
        while case .dot = current.kind {
            switch peekKind(1) {
            case .identifier(let name):
                advance()
                let token = advance()
                parts.append(Identifier(name, token.range))
                end = token.range.end
            case .star:
                advance()
                end = advance().range.end
                wildcard = true
                return Path(parts: parts, wildcard: wildcard, range: SourceRange(firstToken.range.start, end))
            default:
                advance()
                expected("et navn eller «*» etter «.»", "a name or «*» after «.»")
                return nil
            }
        }
        return Path(parts: parts, wildcard: wildcard, range: SourceRange(firstToken.range.start, end))
    }
}
