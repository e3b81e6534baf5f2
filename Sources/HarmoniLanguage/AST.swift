import HarmoniModel

/// A parsed file: statements in order, plus comments after the last one.
public struct SourceUnit: Sendable {
    public var statements: [Statement]
    /// Comments after the last statement.
    public var trailingComments: [String]
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
    public init() {}
}

/// A statement: a block, a `let` binding or a command.
public struct Statement: Sendable {
    public enum Kind: Sendable {
        /// `kind id { attributes }`: the declarative part used by datasets.
        case block(Block)
        /// `let name = expression`.
        case binding(name: Identifier, value: Expression)
        /// `keyword word…`: scenario and REPL statements (`harmonise sfo.* to lowest`, `show diff sfo`).
        case command(Command)
    }
    public var kind: Kind
    public var trivia: Trivia
    public var range: SourceRange
    public init(kind: Kind, trivia: Trivia, range: SourceRange) {
        self.kind = kind
        self.trivia = trivia
        self.range = range
    }
}

/// An identifier with its range.
public struct Identifier: Sendable, Hashable {
    public var name: String
    public var range: SourceRange
    public init(_ name: String, _ range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// A dotted path such as `asker.sfo.plass_5d` or `sfo.*` (a final `*` is a wildcard).
public struct Path: Sendable, Hashable {
    public var parts: [Identifier]
    /// True when the path ends in `.*`.
    public var wildcard: Bool
    public var range: SourceRange
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
    public var kind: Identifier
    public var id: Path
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
    public var name: Identifier
    public var value: Expression
    public var trivia: Trivia
    public init(name: Identifier, value: Expression, trivia: Trivia) {
        self.name = name
        self.value = value
        self.trivia = trivia
    }
}

/// A command: a keyword and the words after it up to the end of the line.
public struct Command: Sendable {
    public var keyword: Identifier
    public var words: [Word]
    public init(keyword: Identifier, words: [Word]) {
        self.keyword = keyword
        self.words = words
    }
}

/// One word of a command: an expression, or a bare `=`.
public enum Word: Sendable {
    case expression(Expression)
    case equals(SourceRange)

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
    public var kind: ExpressionKind
    public var range: SourceRange
    public init(_ kind: ExpressionKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-"
}

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
