/// The one table of other spellings of the language's words: every Norwegian (and alternative
/// English) form of a statement's first word, of what `show` and `export` show, and of the
/// keywords inside statements, each mapped to its canonical English word.
///
/// Statements, completion, `help` and the «mente du …?» suggestions all read this table, so a
/// word added here works everywhere at once: `vis budsjett` is `show budget`, `harmoniser sfo.*
/// til laveste` is `harmonise sfo.* to lowest`. A Norwegian word has exactly one meaning in the
/// whole language (`i` is always `in`, `husholdninger` always `households`).
public enum Vocabulary {
    /// Other spelling → canonical word, for every word of the language.
    public static let aliases: [String: String] = statementWords.merging(objectWords) { a, _ in a }
        .merging(keywordWords) { a, _ in a }

    /// First words of statements.
    public static let statementWords: [String: String] = [
        "vis": "show", "harmoniser": "harmonise", "harmonize": "harmonise", "sett": "set", "eksporter": "export",
        "løs": "solve", "periode": "period", "lagre": "save", "sammenlign": "compare", "bruk": "use",
        "inkluder": "include", "hjelp": "help", "dekningsgrad": "coverage", "skriv": "print", "priser": "prices",
        "vekst": "growth", "grunnlag": "baseline", "befolkning": "population", "usikkerhet": "ranges",
        "varier": "sweep", "ny": "new",
    ]

    /// What `show` and `export` show (their second word).
    public static let objectWords: [String: String] = [
        "budsjett": "budget", "skyggebudsjett": "budget", "husholdninger": "households", "husholdning": "household",
        "typehusholdning": "household", "typehusholdninger": "households", "virkning": "impact", "effekt": "impact",
        "forskjell": "diff", "forskjeller": "diff", "sammenligning": "diff", "tjenester": "services",
        "gebyrer": "fees", "rapport": "report", "merknader": "notes", "kilder": "notes",
        "befolkning": "population", "fordeling": "distribution", "kalibrering": "calibration", "følsomhet": "sensitivity",
        "dataforespørsel": "datarequest",
    ]

    /// Keywords inside statements, rule names and grouping words.
    public static let keywordWords: [String: String] = [
        "til": "to", "med": "by", "etter": "by", "i": "in", "fra": "from", "bane": "path", "avrund": "round",
        "hver": "each", "årlig": "annual", "nøytral": "neutral", "laveste": "lowest", "lavest": "lowest",
        "høyeste": "highest", "høyest": "highest", "snitt": "mean", "gjennomsnitt": "mean", "vektet": "weighted",
        "alle": "all", "befolkning": "population", "faste": "fixed", "løpende": "nominal",
        "nominell": "nominal", "område": "area", "kommune": "municipality", "tjeneste": "service", "som": "as",
        "publisert": "published", "år": "year", "måned": "month", "mnd": "month", "overskriv": "overwrite",
        "datasett": "dataset", "volum": "volume", "mva": "vat", "kilde": "source", "fakturert": "billed",
        "behold": "keep", "struktur": "structure", "etterpå": "after",
    ]

    /// The canonical form of `word` (itself when it has no other spelling).
    public static func canonical(_ word: String) -> String { aliases[word] ?? word }

    /// Every other spelling of a canonical word, sorted: `show` → `vis`; `budget` → `budsjett`, `skyggebudsjett`.
    public static func spellings(of canonical: String, in table: [String: String] = aliases) -> [String] {
        table.filter { $0.value == canonical }.map(\.key).sorted()
    }
}
