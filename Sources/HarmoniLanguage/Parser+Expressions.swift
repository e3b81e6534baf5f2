import HarmoniModel

/// Expressions: ranges, comparisons, arithmetic, unary minus, literals, lists, calls and paths.
extension Parser {
    // MARK: - Expressions

    /// The value after `=`, which may start on the next line, as after a binary operator.
    ///
    /// If the next line looks like a statement or attribute of its own (`name = …`, a block
    /// header, `}`, a comment), the value is missing: that is reported at the end of the `=` line.
    /// At the end of the input it is unexpected-end, so the REPL asks for the value.
    mutating func parseExpressionSkippingNewlines() -> Expression? {
        guard case .newline = current.kind else { return parseExpression() }
        var i = index
        while i < tokens.count - 1, case .newline = tokens[i].kind { i += 1 }
        let next = tokens[i].kind
        let after = tokens[min(i + 1, tokens.count - 1)].kind
        var continues = startsOperand(next)
        if case .identifier = next {
            switch after {
            case .equals, .identifier, .leftBrace: continues = false
            default: break
            }
        }
        if case .endOfFile = next { continues = true }
        guard continues else {
            expected("en verdi", "a value")
            return nil
        }
        skipNewlines()
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
        if let simple = parseSimpleOperand() { return simple }
        if case .ellipsis = current.kind {
            let dots = advance()
            guard let to = parseComparison() else { return nil }
            return Expression(.range(from: nil, to: to), SourceRange(dots.start, to.range.end))
        }
        guard let from = parseComparison() else { return nil }
        guard case .ellipsis = current.kind else { return from }
        let dots = advance()
        if startsOperand(current.kind) {
            guard let to = parseComparison() else { return nil }
            return Expression(.range(from: from, to: to), SourceRange(from.range.start, to.range.end))
        }
        return Expression(.range(from: from, to: nil), SourceRange(from.range.start, dots.end))
    }

    /// A literal or a one-word name that nothing continues (no operator, range, call or path
    /// follows it): what the precedence levels below would return for it, read directly. Most
    /// dataset values are such (`2 990 kr/mnd`, `published`, `"…"`). Outside brackets only.
    mutating func parseSimpleOperand() -> Expression? {
        guard nesting == 0 else { return nil }
        switch peekKind(1) {
        case .ellipsis, .less, .lessEqual, .greater, .greaterEqual, .equalEqual, .notEqual, .plus, .minus, .star,
            .slash, .dot, .leftParen:
            return nil
        default: break
        }
        switch current.kind {
        case .number(let value, let unit, let grouped):
            return Expression(.number(value, unit: unit, grouped: grouped), advance())
        case .string(let text):
            return Expression(.string(text), advance())
        case .date(let date):
            return Expression(.date(date), advance())
        case .identifier(let name):
            let range = advance()
            return Expression(.path(Path(parts: [Identifier(name, range)], wildcard: false, range: range)), range)
        default:
            return nil
        }
    }

    func startsOperand(_ kind: TokenKind) -> Bool {
        switch kind {
        case .number, .date, .string, .identifier, .leftParen, .leftBracket, .minus: return true
        default: return false
        }
    }

    mutating func parseComparison() -> Expression? {
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

    mutating func parseAdditive() -> Expression? {
        parseLeftAssociative({ kind in
            switch kind {
            case .plus: return .add
            case .minus: return .subtract
            default: return nil
            }
        }, operand: { $0.parseTerm() })
    }

    mutating func parseTerm() -> Expression? {
        parseLeftAssociative({ kind in
            switch kind {
            case .star: return .multiply
            case .slash: return .divide
            default: return nil
            }
        }, operand: { $0.parseUnary() })
    }

    /// `operand { operator operand }`, folded to the left. Each operator deepens the tree, so the
    /// terms are counted against ``Parser/maximumTerms`` (not the nesting limit, which counts
    /// brackets, signs and calls): a 10 MB line of `1+1+1…` cannot build a tree too deep to print
    /// or free, and a flat sum of a few hundred terms is fine.
    mutating func parseLeftAssociative(
        _ operatorFor: (TokenKind) -> BinaryOperator?, operand: (inout Parser) -> Expression?
    ) -> Expression? {
        guard var left = operand(&self) else { return nil }
        let entryTerms = terms
        defer { terms = entryTerms }
        while let op = operatorFor(current.kind) {
            advance()
            terms += 1
            guard terms <= Parser.maximumTerms else {
                error(.tooManyTerms, current.range)
                return nil
            }
            skipNewlines()
            guard let right = operand(&self) else { return nil }
            left = Expression(.binary(op, left, right), left.range.union(right.range))
        }
        return left
    }

    mutating func parseUnary() -> Expression? {
        if case .minus = current.kind {
            let minus = advance()
            depth += 1
            defer { depth -= 1 }
            guard depth <= Parser.maximumDepth else {
                error(.nestingTooDeep, current.range)
                return nil
            }
            guard let operand = parseUnary() else { return nil }
            return Expression(.unary(.negate, operand), minus.union(operand.range))
        }
        return parsePrimary()
    }

    mutating func parsePrimary() -> Expression? {
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
                expected("«)»", "«)»", notes: [DiagnosticNote(.openedHere("("), range: token.range)])
                return nil
            }
            let close = advance()  // while still nested, so newlines before it are skipped
            nesting -= 1
            return Expression(.parenthesized(inner), SourceRange(token.range.start, close.end))
        case .leftBracket:
            advance()
            nesting += 1
            guard let items = parseList(closing: .rightBracket, "«]»", opening: token) else { return nil }
            let close = advance()  // while still nested, so newlines before it are skipped
            nesting -= 1
            return Expression(.list(items), SourceRange(token.range.start, close.end))
        default:
            expected("en verdi", "a value")
            return nil
        }
    }

    mutating func parseCall(_ name: Identifier) -> Expression? {
        advance()  // name
        let open = current  // (
        advance()
        nesting += 1
        guard let arguments = parseList(closing: .rightParen, "«)»", opening: open) else { return nil }
        let close = advance()  // while still nested, so newlines before it are skipped
        nesting -= 1
        return Expression(.call(name: name, arguments: arguments), SourceRange(name.range.start, close.end))
    }

    /// Comma-separated expressions up to a closing token (not consumed).
    mutating func parseList(closing: TokenKind, _ closingText: String, opening: Token) -> [Expression]? {
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
            expected(
                "«,» eller \(closingText)", "«,» or \(closingText)",
                notes: [DiagnosticNote(.openedHere(opening.kind.punctuation), range: opening.range)])
            return nil
        }
    }

    /// identifier ( "." identifier )* [ "." "*" ]
    mutating func parsePath() -> Path? {
        guard case .identifier(let first) = current.kind else {
            expected("et navn", "a name")
            return nil
        }
        let firstRange = advance()
        var parts = [Identifier(first, firstRange)]
        var end = firstRange.end
        var wildcard = false
        while case .dot = current.kind {
            switch peekKind(1) {
            case .identifier(let name):
                advance()
                let range = advance()
                parts.append(Identifier(name, range))
                end = range.end
            case .star:
                advance()
                end = advance().end
                wildcard = true
                return Path(parts: parts, wildcard: wildcard, range: SourceRange(firstRange.start, end))
            default:
                advance()
                expected("et navn eller «*» etter «.»", "a name or «*» after «.»")
                return nil
            }
        }
        return Path(parts: parts, wildcard: wildcard, range: SourceRange(firstRange.start, end))
    }
}
