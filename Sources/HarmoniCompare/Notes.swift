import HarmoniReport

/// A note under a table in Norwegian bokmål and English.
struct Note {
    let nb: String
    let en: String

    /// The note in a language.
    func text(_ language: DisplayLanguageTag) -> String { language == .nb ? nb : en }
}

/// The longer notes of the compare tables, in one place: each states a choice Harmoni made.
enum Notes {
    static let perYear = Note(
        nb: "Kr per år inkl. mva: månedspris × betalte måneder (prisen som gjelder den 1. i hver betalte måned; "
            + "ubetalte måneder regnes fra juli), semesterpris × 2, årspris × 1; ekskl. mva × 1,25 på årsbeløpet, "
            + "avrundet til nærmeste øre (halve øre opp).",
        en: "Kr per year incl. VAT: monthly price × billed months (the price in force on the 1st of each billed month; "
            + "unbilled months counted from July), semester price × 2, yearly price × 1; excl. VAT × 1.25 on the annual "
            + "amount, rounded half-up to øre.")

    static let perMonth = Note(
        nb: "Kr per måned = kr per år / 12 (snitt over året, gratis måneder medregnet), avrundet til nærmeste øre (halve øre opp).",
        en: "Kr per month = kr per year / 12 (average over the year, free months included), rounded half-up to øre.")

    static let perDay = Note(
        nb: "kr/dag og kr/døgn: vist per dag/døgn; ingen typehusholdning bruker linjen, og Harmoni setter ikke "
            + "et standard antall dager.",
        en: "kr/day and kr/døgn: shown per day; no typical household uses the line, and Harmoni sets no standard "
            + "number of days.")

    static let statistics = Note(
        nb: "Spredning % = (høyest − lavest) / lavest, avrundet til nærmeste 0,1 % (halve opp). Vektet snitt = Σ verdi × volum "
            + "/ Σ volum med datasettets volum for linjen, avrundet til nærmeste øre (halve øre opp).",
        en: "Spread % = (highest − lowest) / lowest, rounded half-up to 0.1 %. Weighted mean = Σ value × volume "
            + "/ Σ volume using the dataset's volume of the line, rounded half-up to øre.")

    static let rulesAsOfYearEnd = Note(
        nb: "«ingen regel funnet» betyr at datasettet ikke har regelen, ikke at kommunen bevislig manglet den.",
        en: "«no rule found» means the dataset lacks the rule, not that the municipality provably had none.")

    static let months = Note(
        nb: "Hver måned prises med prisen og G som gjelder den 1. i måneden (G endres 1. mai); «under» en "
            + "inntektsgrense betyr strengt mindre enn (<).",
        en: "Each month is priced with the price and G in force on the 1st of the month (G changes on 1 May); "
            + "«below» an income limit means strictly less than (<).")

    static let barnehage = Note(
        nb: "Barnehage per plass og måned: maksimalpris → friplass → 6 %-tak (6 % av inntekten / 11, avrundet "
            + "til øre) → gratis kjernetid (× (41 − 20) / 41; en heltidsplass regnes som 41 timer/uke) → "
            + "søskenmoderasjon etter inntektsreglene (dyreste plass uten rabatt; rabatt bare mellom "
            + "barnehagebarn). Kost har ingen søskenmoderasjon og dekkes bare av friplass der regelen sier det.",
        en: "Barnehage per place and month: maximum price → free place → 6 % cap (6 % of income / 11, rounded to "
            + "øre) → free core time (× (41 − 20) / 41; a full place counts as 41 hours/week) → sibling discount "
            + "after the income rules (most expensive place without discount; only between barnehage children). "
            + "Meals carry no sibling discount and are covered only by a free place where the rule says so.")

    static let sfo = Note(
        nb: "SFO: friplass, ellers første inntektsbånd inntekten er under; feriedager uten moderasjon.",
        en: "SFO: free place, else the first income band the income is below; holiday days without reduction.")

    static let praktiskBistand = Note(
        nb: "Praktisk bistand: fritak under kommunens grense i G; ellers betalte timer = min(timer, taket for "
            + "inntektsbåndet fra ≤ inntekt < til); under 2 G høyst det nasjonale taket.",
        en: "Practical assistance: exempt below the municipality's limit in G; else paid hours = min(hours, the "
            + "cap of the band from ≤ income < to); below 2 G at most the national cap.")

    static let dwelling = Note(
        nb: "Vann, avløp og renovasjon inkl. mva: ekskl. mva × 1,25 per linje, avrundet til nærmeste øre (halve øre opp); avløp på "
            + "samme volum som vann; renovasjon i kategori der kommunen har den, ellers grunnbeløp + liter × pris "
            + "per liter.",
        en: "Water, wastewater and waste incl. VAT: excl. VAT × 1.25 per line, rounded half-up to øre; wastewater "
            + "on the water volume; waste by category where the municipality has one, else base fee + litres × "
            + "price per litre.")
}
