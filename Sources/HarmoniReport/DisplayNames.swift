import HarmoniModel

/// Names for people in place of the dataset's internal ids: rule parameters
/// (`reduction_income_under_2_8G` → «reduksjon ved inntekt under 2,8 G»), rules, budget lines and
/// measures, statuses. Every report and note that shows such an id goes through here, so the
/// Norwegian report holds no internal names and the English one no Norwegian ones (an id not
/// listed falls back to its words: underscores become spaces).
public enum DisplayNames {
    /// A rule parameter (`threshold_75pct_G`) in words.
    public static func ruleParameter(_ id: String, nb: Bool) -> String {
        if let pair = parameters[id] { return nb ? pair.0 : pair.1 }
        return words(id)
    }

    /// `parameter = value` with the parameter in words (text without ` = ` is returned as is).
    public static func ruleAssignment(_ text: String, nb: Bool) -> String {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].hasSuffix(" "), parts[1].hasPrefix(" ") else { return text }
        return ruleParameter(String(parts[0].dropLast()), nb: nb) + " =" + parts[1]
    }

    /// A rule (`moderasjon`, `friplass`, …) in words.
    public static func rule(_ id: String, nb: Bool) -> String {
        if let pair = rules[id] { return nb ? pair.0 : pair.1 }
        return (nb ? "regel " : "rule ") + words(id)
    }

    /// A budget line (`sum_kultur_frivillighet_fritid`) in words.
    public static func budgetLine(_ id: String, nb: Bool) -> String {
        if let pair = budgetLines[id] { return nb ? pair.0 : pair.1 }
        return words(id)
    }

    /// A budget measure (`netto_driftsramme_estimat`) in words.
    public static func budgetMeasure(_ id: String, nb: Bool) -> String {
        if let pair = measures[id] { return nb ? pair.0 : pair.1 }
        return words(id)
    }

    /// A status in words: `publisert`, `avledet`, `framskrevet`, `estimert`, `egen` (one spelling
    /// everywhere), or the English words.
    public static func status(_ status: Status, nb: Bool) -> String {
        switch status {
        case .published: return nb ? "publisert" : "published"
        case .derived: return nb ? "avledet" : "derived"
        case .carriedForward: return nb ? "framskrevet" : "carried forward"
        case .estimated: return nb ? "estimert" : "estimated"
        case .own: return nb ? "egen" : "own"
        }
    }

    /// A fee line's display name from the dataset's `line` block («Plass 5 dager i uken», or
    /// `name_en` in English); without one, the line id in words with a capital («Plass 5d»).
    public static func line(_ key: FeeKey, in dataset: Dataset, nb: Bool) -> String {
        if let name = dataset.lineName(key) { return name.displayName(english: !nb) }
        return capitalisedFirst(words(key.line.rawValue))
    }

    /// A fee line with its service, for rows that mix services: «Vann: fastledd».
    public static func serviceLine(_ key: FeeKey, in dataset: Dataset, nb: Bool) -> String {
        service(key.service, in: dataset, nb: nb) + ": " + lowercasedFirst(line(key, in: dataset, nb: nb))
    }

    /// A service's display name (`name`, or `name_en` in English); without a `service` block, the
    /// id in words with a capital.
    public static func service(_ id: ServiceID, in dataset: Dataset, nb: Bool) -> String {
        if let service = dataset.service(id) { return service.displayName(english: !nb) }
        return capitalisedFirst(words(id.rawValue))
    }

    /// A tjenesteområde's display name (`name`, or `name_en` in English); without an `area`
    /// block, the id in words with a capital.
    public static func area(_ id: AreaID, in dataset: Dataset, nb: Bool) -> String {
        if let area = dataset.area(id) { return area.displayName(english: !nb) }
        return capitalisedFirst(words(id.rawValue))
    }

    /// The merger's name for titles: the new municipality's name as the dataset writes it, its
    /// part in parentheses where it has one («Asker (nye Asker)» → «nye Asker»); «den nye
    /// kommunen» / «the new municipality» for a dataset without `merger` blocks.
    public static func mergerName(_ dataset: Dataset, nb: Bool) -> String {
        guard let id = dataset.newMunicipality, let name = dataset.municipality(id)?.name else {
            return nb ? "den nye kommunen" : "the new municipality"
        }
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
            if !inner.isEmpty { return String(inner) }
        }
        return name
    }

    /// «Plass 5 dager i uken» → «plass 5 dager i uken», for a name inside a phrase; a word that
    /// starts with two capitals (`SFO-kurs`) is kept.
    public static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let second = text.dropFirst().first
        if let second, second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// «plass 5d» → «Plass 5d».
    public static func capitalisedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// `kost_lavest` → `kost lavest`.
    public static func words(_ id: String) -> String { String(id.map { $0 == "_" ? " " : $0 }) }

    private static let rules: [String: (String, String)] = [
        "moderasjon": ("moderasjonsregler", "moderation rules"),
        "friplass": ("friplassregler", "free-place rules"),
        "soskenmoderasjon": ("søskenmoderasjon", "sibling discount"),
        "flerfagsrabatt": ("flerfagsrabatt", "multi-subject discount"),
        "betalingsterminer": ("betalingsterminer", "payment terms"),
        "betalte_maaneder": ("betalte måneder", "billed months"),
        "deltidsandel": ("andel for deltidsplass", "part-time share"),
        "fritak": ("fritak", "exemption"),
        "gratis_kjernetid": ("gratis kjernetid", "free core hours"),
        "inntektstak": ("inntektstak", "income cap"),
        "maks_betalte_timer": ("høyeste antall betalte timer", "most hours paid"),
        "maks_egenandel": ("høyeste egenandel", "highest co-payment"),
        "maksimalpris": ("maksimalpris", "maximum price"),
        "stipulert_forbruk": ("stipulert forbruk", "stipulated consumption"),
        "tariffmodell": ("tariffmodell", "tariff model"),
    ]

    private static let parameters: [String: (String, String)] = [
        "reduction_income_under_2_8G": ("reduksjon ved inntekt under 2,8 G", "reduction for income under 2.8 G"),
        "reduction_income_under_4_5G": ("reduksjon ved inntekt under 4,5 G", "reduction for income under 4.5 G"),
        "threshold_75pct_G": ("inntektsgrense for 75 % (G)", "income limit for 75 % (G)"),
        "threshold_50pct_G": ("inntektsgrense for 50 % (G)", "income limit for 50 % (G)"),
        "threshold_75pct_kr": ("inntektsgrense for 75 % (kr)", "income limit for 75 % (kr)"),
        "threshold_50pct_kr": ("inntektsgrense for 50 % (kr)", "income limit for 50 % (kr)"),
        "income_under_G": ("inntekt under (G)", "income under (G)"),
        "income_under_kr": ("inntekt under (kr)", "income under (kr)"),
        "free_under_G": ("fritak under (G)", "exempt under (G)"),
        "any_child": ("hvert barn", "any child"),
        "barn_2": ("barn nr. 2", "second child"),
        "barn_3_pluss": ("barn nr. 3 og flere", "third child and more"),
        "from_sibling_2": ("fra søsken nr. 2", "from the second sibling"),
        "from_subject_2": ("fra fag nr. 2", "from the second subject"),
        "per_year": ("per år", "per year"),
        "months_per_year": ("måneder per år", "months per year"),
        "halv_plass": ("halv plass", "half place"),
        "redusert_3d": ("redusert plass, 3 dager", "reduced place, 3 days"),
        "redusert_4d": ("redusert plass, 4 dager", "reduced place, 4 days"),
        "free_hours_per_week": ("gratis timer per uke", "free hours per week"),
        "min_age_years": ("laveste alder (år)", "lowest age (years)"),
        "income_limit": ("inntektsgrense", "income limit"),
        "max_share_of_household_income_per_place": ("høyeste andel av inntekten per plass", "highest share of income per place"),
        "income_2_3G": ("inntekt 2–3 G", "income 2–3 G"),
        "income_3_4G": ("inntekt 3–4 G", "income 3–4 G"),
        "income_4_5G": ("inntekt 4–5 G", "income 4–5 G"),
        "income_5_6G": ("inntekt 5–6 G", "income 5–6 G"),
        "income_over_6G": ("inntekt over 6 G", "income over 6 G"),
        "kr_per_dag": ("kr per dag", "kr per day"),
        "kr_per_dogn": ("kr per døgn", "kr per day and night"),
        "kr_per_month": ("kr per måned", "kr per month"),
        "full_plass_kr_mnd": ("full plass, kr/mnd", "full place, kr/month"),
        "bra_0_60m2": ("BRA 0–60 m²", "BRA 0–60 m²"),
        "bra_61_200m2": ("BRA 61–200 m²", "BRA 61–200 m²"),
        "bra_201_250m2": ("BRA 201–250 m²", "BRA 201–250 m²"),
        "bra_251_300m2": ("BRA 251–300 m²", "BRA 251–300 m²"),
        "bra_301_350m2": ("BRA 301–350 m²", "BRA 301–350 m²"),
        "bra_351m2_plus": ("BRA 351 m² og mer", "BRA 351 m² and more"),
        "fastledd": ("fastledd", "fixed charge"),
        "structure": ("struktur", "structure"),
    ]

    private static let budgetLines: [String: (String, String)] = [
        "sum_kultur_frivillighet_fritid": ("sum kultur, frivillighet og fritid", "total culture, voluntary work and leisure"),
        "sum_oppvekst": ("sum oppvekst", "total education and childhood"),
        "administrasjon_og_styring": ("administrasjon og styring", "administration and governance"),
        "barn_og_unge": ("barn og unge", "children and youth"),
        "frivillighet_og_tilskudd": ("frivillighet og tilskudd", "voluntary work and grants"),
        "helse_og_omsorg": ("helse og omsorg", "health and care"),
        "sosialtjenester": ("sosialtjenester", "social services"),
        "voksenopplaering": ("voksenopplæring", "adult education"),
        "grunnskole": ("grunnskole", "primary school"),
        "kulturskolen": ("kulturskolen", "the school of arts"),
    ]

    private static let measures: [String: (String, String)] = [
        "netto_driftsramme": ("netto driftsramme", "net operating budget"),
        "netto_driftsramme_plan": ("netto driftsramme, plan", "net operating budget, plan"),
        "netto_driftsramme_estimat": ("netto driftsramme, anslag", "net operating budget, estimate"),
        "brutto_driftsutgifter_estimat": ("brutto driftsutgifter, anslag", "gross operating costs, estimate"),
        "vedtatt_budsjett": ("vedtatt budsjett", "adopted budget"),
        "vedtatt_tiltak": ("vedtatt tiltak", "adopted measure"),
        "forslag_tiltak": ("foreslått tiltak", "proposed measure"),
    ]
}
