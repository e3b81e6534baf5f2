import HarmoniLanguage

/// Messages of the dataset loader and validator, in Norwegian and English.
extension DiagnosticMessage {
    static func unknownBlockKind(_ kind: String, _ known: [String]) -> Self {
        .init(code: "unknown-block", nb: "ukjent blokktype «\(kind)»; forventet en av: \(known.joined(separator: ", "))",
            en: "unknown block kind «\(kind)»; expected one of: \(known.joined(separator: ", "))")
    }
    static func unknownField(_ field: String, _ kind: String, _ known: [String]) -> Self {
        .init(code: "unknown-field",
            nb: "ukjent felt «\(field)» i «\(kind)»; forventet ett av: \(known.joined(separator: ", "))",
            en: "unknown field «\(field)» in «\(kind)»; expected one of: \(known.joined(separator: ", "))")
    }
    static func duplicateField(_ field: String) -> Self {
        .init(code: "duplicate-field", nb: "feltet «\(field)» er oppgitt to ganger", en: "the field «\(field)» is given twice")
    }
    static func missingField(_ field: String, _ kind: String) -> Self {
        .init(code: "missing-field", nb: "«\(kind)» mangler feltet «\(field)»", en: "«\(kind)» is missing the field «\(field)»")
    }
    static func wrongValue(_ field: String, expectedNb: String, expectedEn: String, found: String) -> Self {
        .init(code: "wrong-value", nb: "«\(field)» skal være \(expectedNb), fant «\(found)»",
            en: "«\(field)» must be \(expectedEn), found «\(found)»")
    }
    static func wrongUnit(_ field: String, expected: [Unit?], found: Unit?) -> Self {
        func shown(_ unit: Unit?, _ none: String) -> String { unit.map { "«\($0.symbol)»" } ?? none }
        func list(_ none: String, _ or: String, _ oneOf: String) -> String {
            let items = expected.map { shown($0, none) }
            return items.count <= 2 ? items.joined(separator: " \(or) ") : oneOf + items.joined(separator: ", ")
        }
        return .init(code: "wrong-unit",
            nb: "«\(field)» har feil enhet \(shown(found, "(ingen)")); forventet "
                + list("et tall uten enhet", "eller", "en av: "),
            en: "«\(field)» has the wrong unit \(shown(found, "(none)")); expected "
                + list("a number without unit", "or", "one of: "))
    }
    static let literalOnly = Self(
        code: "literal-only", nb: "datasett kan bare inneholde verdier, ikke uttrykk",
        en: "datasets hold literal values only, not expressions")
    /// `shape` names the parts in Norwegian (`«fee kommune.tjeneste.linje»`); English gets them translated.
    static func idShape(_ kind: String, _ shape: String) -> Self {
        let english: [String: String] = [
            "kommune": "municipality", "tjeneste": "service", "linje": "line", "regel": "rule", "navn": "name",
            "indikator": "indicator", "område": "area", "ordning": "scheme", "parameter": "parameter",
        ]
        var shapeEn = ""
        var word = ""
        for character in shape + " " {
            if character.isLetter {
                word.append(character)
            } else {
                shapeEn += (english[word] ?? word) + String(character)
                word = ""
            }
        }
        return .init(code: "id-shape", nb: "id-en til «\(kind)» skal ha formen \(shape)",
            en: "the id of «\(kind)» must have the form \(shapeEn.dropLast())")
    }
    static func unknownReference(_ what: String, _ whatEn: String, _ name: String) -> Self {
        .init(code: "unknown-reference", nb: "ukjent \(what) «\(name)»", en: "unknown \(whatEn) «\(name)»")
    }
    static func duplicateDefinition(_ kind: String, _ id: String) -> Self {
        .init(code: "duplicate", nb: "«\(kind) \(id)» er definert før", en: "«\(kind) \(id)» is already defined")
    }
    static let previousDefinition = Self(code: "previous-definition", nb: "første definisjon her", en: "first definition here")
    static func methodRequired(_ status: String) -> Self {
        .init(code: "method-required", nb: "status «\(status)» krever «method» som sier hvordan tallet er laget",
            en: "status «\(status)» requires a «method» saying how the figure was made")
    }
    static let sourceRequired = Self(
        code: "source-required", nb: "verdien mangler «source» (hvor tallet kommer fra)",
        en: "the value has no «source» (where the figure comes from)")
    static func validityReversed(_ text: String) -> Self {
        .init(code: "validity-reversed", nb: "gyldighetsperioden «\(text)» slutter før den begynner",
            en: "the validity «\(text)» ends before it starts")
    }
    static func validityOverlap(_ id: String) -> Self {
        .init(code: "validity-overlap", nb: "«\(id)» har to verdier med overlappende gyldighet",
            en: "«\(id)» has two values with overlapping validity")
    }
    static func outsideBaseline(_ validity: String, _ year: Int) -> Self {
        .init(code: "outside-baseline", nb: "verdien gjelder \(validity), utenfor basisåret \(year)",
            en: "the value is valid \(validity), outside the baseline year \(year)")
    }
    static func tooManyDecimals(_ field: String) -> Self {
        .init(code: "too-many-decimals", nb: "«\(field)»: kronebeløp kan ha høyst to desimaler (øre)",
            en: "«\(field)»: amounts have at most two decimals (øre)")
    }
    static func notInRange(_ field: String, _ lower: Int64, _ upper: Int64) -> Self {
        .init(code: "out-of-range", nb: "«\(field)» skal være mellom \(lower) og \(upper)",
            en: "«\(field)» must be between \(lower) and \(upper)")
    }
    static func fileUnreadable(_ path: String, missing: Bool) -> Self {
        .init(code: "file-unreadable", nb: "kan ikke lese «\(path)»: \(missing ? "filen finnes ikke" : "ingen tilgang")",
            en: "cannot read «\(path)»: \(missing ? "no such file" : "permission denied")")
    }
    static func notRegularFile(_ path: String, folder: Bool) -> Self {
        .init(code: "file-unreadable",
            nb: folder ? "«\(path)» er en mappe, ikke en fil" : "«\(path)» er ikke en vanlig fil (et rør, en enhet eller en sokkel); lagre teksten i en fil først",
            en: folder ? "«\(path)» is a folder, not a file" : "«\(path)» is not a regular file (a pipe, a device or a socket); save the text in a file first")
    }
    static func notUTF8(_ path: String, line: Int, byte: Int) -> Self {
        .init(code: "not-utf8", nb: "«\(path)» er ikke gyldig UTF-8 (linje \(line), byte \(byte))",
            en: "«\(path)» is not valid UTF-8 (line \(line), byte \(byte))")
    }
    static func populationSum(_ sum: Int64, _ total: Int64) -> Self {
        .init(code: "population-sum", nb: "aldersgruppene summerer til \(sum), ikke til total \(total)",
            en: "the age groups sum to \(sum), not to the total \(total)")
    }
}
