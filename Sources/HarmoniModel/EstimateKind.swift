/// The kinds of estimate the datasets name in brackets at the start of an `estimated` value's
/// method (`estimated (national reference): …`), with the words users read.
///
/// The datasets keep the kind in English, verbatim from `shared/data`; Norwegian output shows the
/// bokmål name from this one table (English output shows the kind as written). A kind that is not
/// in the table is shown as written, in both languages.
public enum EstimateKind {
    /// Bokmål names by kind as written in the data.
    public static let norwegianNames: [String: String] = [
        "undated own source": "kommunens egen udaterte kilde",
        "common RfD tariff": "felles RfD-tariff",
        "national reference": "nasjonalt referansetall",
        "Asker per-capita × population": "Askers nivå per innbygger × folketall",
        "mean of the other two": "snittet av de to andre kommunene",
        "other-municipality fallback": "en annen kommunes nivå",
        "own-figure assumption": "kommunens eget tall brukt for en nabolinje",
        "neighbour reference": "nabokommunens sats i samme tariffmodell",
        "unknown structure": "ukjent tariffmodell",
        "proxy": "utledet av en nærliggende størrelse",
        "assumption": "antakelse",
        "remainder": "rest",
        "ratio of estimates": "forhold mellom anslag",
        "sum of estimates": "sum av anslag",
        "scenario level from an estimate": "scenarionivå fra et anslag",
    ]

    /// The name of `kind` in the output language: bokmål when `norwegian`, else as written.
    public static func displayName(_ kind: String, norwegian: Bool) -> String {
        norwegian ? (norwegianNames[kind] ?? kind) : kind
    }
}
