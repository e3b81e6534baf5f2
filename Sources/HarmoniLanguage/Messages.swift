/// Every message the language front end can give, in Norwegian and English, in one place.
extension DiagnosticMessage {
    /// Source text quoted in a message, cut to a readable length.
    static func clip(_ text: String) -> String { text.count > 40 ? String(text.prefix(39)) + "…" : text }

    /// More diagnostics than ``Parser/maximumDiagnostics``: the rest are not shown.
    public static func tooManyErrors(_ shown: Int) -> Self {
        .init(code: "too-many-errors", nb: "for mange feil; viser bare de første \(shown)",
            en: "too many errors; only the first \(shown) are shown")
    }
    /// A character no token starts with; `scalar` is shown as `«§» (U+00A7)` or, if invisible, `U+0007`.
    public static func unexpectedCharacter(_ scalar: String) -> Self {
        .init(code: "unexpected-character", nb: "uventet tegn \(scalar)", en: "unexpected character \(scalar)")
    }
    /// A string literal without its closing quote on the same line (strings are one line).
    public static let unterminatedString = Self(
        code: "unterminated-string", nb: "teksten mangler avsluttende «\"» på samme linje",
        en: "string is missing its closing «\"» on the same line")
    /// A backslash escape other than `\"`, `\\`, `\n`, `\t`.
    public static func invalidEscape(_ c: String) -> Self {
        .init(code: "invalid-escape", nb: "ukjent escape-sekvens «\\\(c)» (bruk \\\" \\\\ \\n \\t)",
            en: "unknown escape sequence «\\\(c)» (use \\\" \\\\ \\n \\t)")
    }
    /// A number with a decimal point or point-separated thousands (`2.5`, `2.990,5`).
    public static func decimalPoint(_ text: String) -> Self {
        .init(code: "malformed-number",
            nb: "feil tallformat «\(clip(text))»: bruk komma som desimaltegn og mellomrom mellom tusener, f.eks. «2 990,50»",
            en: "malformed number «\(clip(text))»: use a decimal comma and spaces between thousands, e.g. «2 990,50»")
    }
    /// A literal with more than 18 digits.
    public static func numberTooLarge(_ text: String) -> Self {
        .init(code: "number-too-large", nb: "tallet «\(clip(text))» er for stort", en: "the number «\(clip(text))» is too large")
    }
    /// Four-two-two digits that are not a calendar date (`2019-02-30`).
    public static func invalidDate(_ text: String) -> Self {
        .init(code: "invalid-date", nb: "ugyldig dato «\(clip(text))» (forventet ÅÅÅÅ-MM-DD)",
            en: "invalid date «\(clip(text))» (expected YYYY-MM-DD)")
    }
    /// "expected …, found …"; `found` is already quoted and the same in both languages.
    public static func expected(_ what: String, _ whatEn: String, found: String) -> Self {
        .init(code: "unexpected-token", nb: "forventet \(what), fant \(found)", en: "expected \(whatEn), found \(found)")
    }
    /// "expected …, found …" with the token shown in each language.
    public static func expected(_ what: String, _ whatEn: String, found: TokenKind) -> Self {
        .init(
            code: "unexpected-token", nb: "forventet \(what), fant \(found.display(.nb))",
            en: "expected \(whatEn), found \(found.display(.en))")
    }
    /// Input that stopped too early, where no more precise message applies.
    public static let unexpectedEnd = Self(
        code: "unexpected-end", nb: "uventet slutt på teksten", en: "unexpected end of input")
    /// A block without its closing brace.
    public static let unterminatedBlock = Self(
        code: "unterminated-block", nb: "blokken mangler avsluttende «}»", en: "block is missing its closing «}»")
    /// A note at an opening bracket that was never closed.
    public static func openedHere(_ bracket: String) -> Self {
        .init(code: "opened-here", nb: "«\(bracket)» åpnes her", en: "«\(bracket)» opened here")
    }
    /// The note at the header of an unterminated block.
    public static let blockOpenedHere = Self(code: "block-opened-here", nb: "blokken starter her", en: "the block starts here")
    /// Expressions nested deeper than ``Parser/maximumDepth``.
    public static let nestingTooDeep = Self(
        code: "nesting-too-deep", nb: "uttrykket er nøstet for dypt (mer enn 200 nivåer)",
        en: "expression nested too deeply (more than 200 levels)")
    /// A chain of more than ``Parser/maximumTerms`` operators.
    public static let tooManyTerms = Self(
        code: "too-many-terms", nb: "uttrykket har for mange ledd (mer enn 500 operatorer)",
        en: "expression has too many terms (more than 500 operators)")
    /// A word glued to a number that is not a unit (`kr/uke`); `known` lists the units.
    public static func unknownUnit(_ text: String, _ known: [String]) -> Self {
        .init(
            code: "unknown-unit", nb: "ukjent enhet «\(clip(text))»; kjente enheter: \(known.joined(separator: ", "))",
            en: "unknown unit «\(clip(text))»; known units: \(known.joined(separator: ", "))")
    }
}
