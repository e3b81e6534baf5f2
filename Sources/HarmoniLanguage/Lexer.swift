import HarmoniModel

/// Turns a ``SourceFile`` into tokens. Never fails: unreadable input becomes an `.invalid`
/// token plus a diagnostic, and lexing goes on.
///
/// Numbers follow Norwegian form: thousands grouped by one space (`2 990`, `1 234 567`), a decimal
/// comma (`1 408,43`), and an optional unit from ``Unit/spellings`` after a space (`2 990 kr/mnd`).
/// A comma directly followed by a digit after a number is a decimal comma, so arguments and list
/// items are separated by `, ` (comma and space).
public struct Lexer {
    let file: SourceFile
    let bytes: [UInt8]
    var position = 0
    var tokens: [Token] = []
    /// Problems found while lexing, in order.
    public internal(set) var diagnostics: [Diagnostic] = []

    /// A lexer over a file; ``tokenize(_:)`` is the usual entry point.
    public init(_ file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        tokens.reserveCapacity(bytes.count / 6 + 1)  // the shipped datasets have about one token per 7 bytes
    }

    /// Reads the whole file. The last token is always `.endOfFile`.
    public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    private mutating func run() {
        while position < bytes.count {
            let start = position
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                add(.newline, start)
            case UInt8(ascii: "#"):
                lexComment()
            case UInt8(ascii: "\""):
                lexString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumberOrDate()
            case UInt8(ascii: "."):
                if peek(1) == UInt8(ascii: "."), peek(2) == UInt8(ascii: ".") {
                    position += 3
                    add(.ellipsis, start)
                } else {
                    position += 1
                    add(.dot, start)
                }
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "!"):
                lexOperator(byte)
            default:
                let space = noBreakSpaceLength(at: position)
                if space > 0 {
                    position += space
                } else if let simple = TokenKind.single[byte] {
                    position += 1
                    add(simple, start)
                } else if isIdentifierStart(at: position) {
                    lexIdentifier()
                } else {
                    lexInvalid()
                }
            }
        }
        add(.endOfFile, bytes.count)
    }

    // MARK: - Pieces

    mutating func add(_ kind: TokenKind, _ start: Int) {
        tokens.append(Token(kind, SourceRange(start, position)))
    }

    func peek(_ ahead: Int) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    mutating func report(_ message: DiagnosticMessage, _ start: Int, _ end: Int) {
        // Garbage input must not make millions of diagnostics; Parser.parse says how many were dropped.
        guard diagnostics.count <= Parser.maximumDiagnostics else { return }
        diagnostics.append(Diagnostic(.error, message, file: file.name, range: SourceRange(start, end)))
    }

    private mutating func lexComment() {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        // Bytes, not characters: a space followed by a combining mark is one character.
        var from = start + 1
        var to = position
        // Every carriage return at the end, not just the one of a CRLF: the formatter ends the line
        // with LF, so a CR kept here would be dropped by the next read (`#x\r\r` was not idempotent
        // under fmt; found by libFuzzer, FuzzFindingsTests).
        while to > from, bytes[to - 1] == UInt8(ascii: "\r") { to -= 1 }
        if to > from, bytes[from] == UInt8(ascii: " ") { from += 1 }
        add(.comment(String(decoding: bytes[from..<to], as: UTF8.self)), start)
    }

    private mutating func lexString() {
        let start = position
        // Most strings have no escape: read them straight from the bytes.
        var end = position + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                position = end + 1
                add(.string(String(decoding: bytes[(start + 1)..<end], as: UTF8.self)), start)
                return
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\\") { break }
            end += 1
        }
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                add(.string(String(decoding: value, as: UTF8.self)), start)
                return
            }
            if byte == UInt8(ascii: "\n") { break }
            // A backslash before the line break is not an escape: strings are one line.
            if byte == UInt8(ascii: "\\"), let next = peek(1), next != UInt8(ascii: "\n") {
                let escapeStart = position
                position = min(bytes.count, position + 1 + max(1, Lexer.scalarLength(next)))
                switch next {
                case UInt8(ascii: "\""): value.append(next)
                case UInt8(ascii: "\\"): value.append(next)
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                default:
                    let shown = String(decoding: bytes[(escapeStart + 1)..<position], as: UTF8.self)
                    report(.invalidEscape(shown), escapeStart, position)
                }
                continue
            }
            value.append(byte)
            position += 1
        }
        report(.unterminatedString, start, position)
        add(.invalid, start)
    }

    private mutating func lexOperator(_ byte: UInt8) {
        let start = position
        let nextIsEquals = peek(1) == UInt8(ascii: "=")
        position += nextIsEquals ? 2 : 1
        switch (byte, nextIsEquals) {
        case (UInt8(ascii: "<"), false): add(.less, start)
        case (UInt8(ascii: "<"), true): add(.lessEqual, start)
        case (UInt8(ascii: ">"), false): add(.greater, start)
        case (UInt8(ascii: ">"), true): add(.greaterEqual, start)
        case (UInt8(ascii: "="), false): add(.equals, start)
        case (UInt8(ascii: "="), true): add(.equalEqual, start)
        case (_, true): add(.notEqual, start)
        default:
            report(.unexpectedCharacter("«!»"), start, position)
            add(.invalid, start)
        }
    }

    private mutating func lexInvalid() {
        let start = position
        let length = max(1, Lexer.scalarLength(bytes[position]))
        position = min(bytes.count, position + length)
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        // A run of the same character (`§§§§`, a pasted binary blob) is one diagnostic.
        let width = position - start
        runLoop: while position + width <= bytes.count {
            for i in 0..<width where bytes[position + i] != bytes[start + i] { break runLoop }
            position += width
        }
        let shown = text.unicodeScalars.first.map { scalar -> String in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return Lexer.isInvisible(scalar) ? code : "«\(text)» (\(code))"
        } ?? "?"
        report(.unexpectedCharacter(shown), start, position)
        add(.invalid, start)
    }

    /// Characters shown by code point only: controls, format characters (e.g. the byte-order
    /// mark U+FEFF), separators other than the plain space, and the replacement character.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned,
            .surrogate:
            return true
        default: return scalar.value == 0xFFFD
        }
    }

    /// The length of a no-break space (U+00A0) or narrow no-break space (U+202F) at `offset`, else 0.
    ///
    /// Norwegian numbers copied from web pages and from `nb_NO` number formatters use them
    /// between thousands (`2 990 kr`); the lexer reads them as an ordinary space.
    private func noBreakSpaceLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        if bytes[offset] == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0xA0 { return 2 }
        if bytes[offset] == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0xAF {
            return 3
        }
        return 0
    }

    /// The length of the space at `offset` (a plain space or a no-break space), else 0.
    func spaceLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        return bytes[offset] == UInt8(ascii: " ") ? 1 : noBreakSpaceLength(at: offset)
    }

    // MARK: - Identifiers

    private mutating func lexIdentifier() {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                // ASCII fast path: letters, digits and `_`.
                guard (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                else { break }
                position += 1
            } else {
                guard isIdentifierContinue(at: position) else { break }
                position += max(1, Lexer.scalarLength(byte))
            }
        }
        position = min(position, bytes.count)
        add(.identifier(String(decoding: bytes[start..<position], as: UTF8.self)), start)
    }

    private func scalar(at offset: Int) -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = Lexer.scalarLength(lead)
        guard length > 1, offset + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for i in 1..<length {
            let byte = bytes[offset + i]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    func isIdentifierStart(at offset: Int) -> Bool {
        guard let s = scalar(at: offset) else { return false }
        if s == "_" { return true }
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        return s.properties.isAlphabetic
    }

    func isIdentifierContinue(at offset: Int) -> Bool {
        guard let s = scalar(at: offset) else { return false }
        if s.isASCII, s >= "0", s <= "9" { return true }
        return isIdentifierStart(at: offset)
    }

    /// Bytes in the UTF-8 sequence a lead byte starts (1 for ASCII or a stray continuation byte).
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }
}

extension TokenKind {
    /// Single-byte punctuation.
    static let single: [UInt8: TokenKind] = [
        UInt8(ascii: ","): .comma, UInt8(ascii: "+"): .plus, UInt8(ascii: "-"): .minus, UInt8(ascii: "*"): .star,
        UInt8(ascii: "/"): .slash, UInt8(ascii: "("): .leftParen, UInt8(ascii: ")"): .rightParen,
        UInt8(ascii: "["): .leftBracket, UInt8(ascii: "]"): .rightBracket, UInt8(ascii: "{"): .leftBrace,
        UInt8(ascii: "}"): .rightBrace,
    ]
}
