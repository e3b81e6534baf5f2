import HarmoniModel

/// A parsed file: statements in order, plus comments after the last one.
public struct SourceUnit: Sendable {
    /// The statements in source order.
    public var statements: [Statement]
    /// Comments after the last statement.
    public var trailingComments: [String]
    /// A unit of statements and trailing comments.
    public init(statements: [Statement], trailingComments: [String] = []) {
        self.statements = statements
        self.trailingComments = trailingComments
    }
}

/// Comments and spacing around a statement or attribute, kept so `fmt` loses nothing.
public struct Trivia: Sendable, Hashable {
    /// Whole-line comments directly above; ``blankLine`` marks a blank line between them.
    public var leadingComments: [String] = []
    /// The marker for a blank line inside a group of comments (a comment never holds a newline).
    public static let blankLine = "\n"
    /// A comment at the end of the same line.
    public var trailingComment: String?
    /// True if a blank line separated it from what came before.
    public var blankLineBefore = false
    /// No comments, no blank line.
    public init() {}
}

/// A statement: a block, a `let` binding or a command.
public struct Statement: Sendable {
    /// The three kinds of statement.
    public enum Kind: Sendable {
        /// `kind id { attributes }`: the declarative part used by datasets.
        case block(Block)
        /// `let name = expression`.
        case binding(name: Identifier, value: Expression)
        /// `keyword word…`: scenario and REPL statements (`harmonise sfo.* to lowest`, `show diff sfo`).
        case command(Command)
    }
    /// Block, binding or command.
    public var kind: Kind
    /// Comments and blank lines around it.
    public var trivia: Trivia
    /// From its first token to its last (a block: to `}`).
    public var range: SourceRange
    /// A statement.
    public init(kind: Kind, trivia: Trivia, range: SourceRange) {
        self.kind = kind
        self.trivia = trivia
        self.range = range
    }
}

/// An identifier with its range.
public struct Identifier: Sendable, Hashable {
    /// The name as written.
    public var name: String
    /// Where it was written.
    public var range: SourceRange
    /// An identifier at a range.
    public init(_ name: String, _ range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// A dotted path such as `asker.sfo.plass_5d` or `sfo.*` (a final `*` is a wildcard).
public struct Path: Sendable, Hashable {
    /// The dotted parts, in order.
    public var parts: [Identifier]
    /// True when the path ends in `.*`.
    public var wildcard: Bool
    /// From the first part to the last (or the `*`).
    public var range: SourceRange
    /// A path.
    public init(parts: [Identifier], wildcard: Bool, range: SourceRange) {
        self.parts = parts
        self.wildcard = wildcard
        self.range = range
    }
    /// `a.b.c` or `a.*`.
    public var text: String { parts.map(\.name).joined(separator: ".") + (wildcard ? ".*" : "") }
}

/// `kind id { attribute = value … }`.
public struct Block: Sendable {
    /// The block kind: `fee`, `rule`, `source`, ….
    public var kind: Identifier
    /// The block's id: `asker.sfo.plass_5d`.
    public var id: Path
    /// The attributes in source order (duplicates kept; the validator reports them).
    public var attributes: [Attribute]
    /// Comments after the last attribute, before `}`.
    public var closingComments: [String]
    /// The `{` … `}` range.
    public var bodyRange: SourceRange
    /// A comment after `{` on the block's first line.
    public var openingComment: String?
    /// True when the parser dropped a line of the block without a field name, or the input ended
    /// inside the block (the error is already reported): any field may be the one that is missing.
    public var containsErrors: Bool
    /// Fields whose line the parser could not read (already reported), so a validator should not
    /// also report them as missing.
    public var unreadableFields: [String]
    /// A block.
    public init(
        kind: Identifier, id: Path, attributes: [Attribute], closingComments: [String], bodyRange: SourceRange,
        openingComment: String? = nil, containsErrors: Bool = false, unreadableFields: [String] = []
    ) {
        self.unreadableFields = unreadableFields
        self.kind = kind
        self.id = id
        self.attributes = attributes
        self.closingComments = closingComments
        self.bodyRange = bodyRange
        self.openingComment = openingComment
        self.containsErrors = containsErrors
    }

    /// True if a validator may report the field as missing: no line that could have been it was
    /// dropped by the parser.
    public func mayReportMissing(_ field: String) -> Bool { !containsErrors && !unreadableFields.contains(field) }

    /// The first attribute with a name.
    public func attribute(_ name: String) -> Attribute? { attributes.first { $0.name.name == name } }
}

/// `name = value` inside a block.
public struct Attribute: Sendable {
    /// The field name.
    public var name: Identifier
    /// The value expression.
    public var value: Expression
    /// Comments and blank lines around it.
    public var trivia: Trivia
    /// An attribute.
    public init(name: Identifier, value: Expression, trivia: Trivia) {
        self.name = name
        self.value = value
        self.trivia = trivia
    }
}

/// A command: a keyword and the words after it up to the end of the line.
public struct Command: Sendable {
    /// The first word: `harmonise`, `show`, ….
    public var keyword: Identifier
    /// The words after the keyword, in order.
    public var words: [Word]
    /// A command.
    public init(keyword: Identifier, words: [Word]) {
        self.keyword = keyword
        self.words = words
    }
}

/// One word of a command: an expression, or a bare `=`.
public enum Word: Sendable {
    case expression(Expression)
    case equals(SourceRange)

    /// Where the word was written.
    public var range: SourceRange {
        switch self {
        case .expression(let e): return e.range
        case .equals(let r): return r
        }
    }
}

/// An expression with its range.
public indirect enum ExpressionKind: Sendable {
    /// A number with optional unit; `grouped` remembers thousands grouping for `fmt`.
    case number(DecimalNumber, unit: Unit?, grouped: Bool)
    case string(String)
    case date(CalendarDate)
    /// A name or dotted path (also a symbol such as `published` or `yes`).
    case path(Path)
    /// `from...to`; either end may be missing (`2019-02-01...`).
    case range(from: Expression?, to: Expression?)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(name: Identifier, arguments: [Expression])
    case list([Expression])
    /// Parentheses as written, kept so `fmt` reproduces them.
    case parenthesized(Expression)
}

/// An expression: a kind and the range it covers.
public struct Expression: Sendable {
    /// What the expression is.
    public var kind: ExpressionKind
    /// From its first token to its last.
    public var range: SourceRange
    /// An expression of a kind at a range.
    public init(_ kind: ExpressionKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A prefix operator.
public enum UnaryOperator: String, Sendable {
    case negate = "-"
}

/// An infix operator; comparisons bind loosest, then `+ -`, then `* /`.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="
}
