import HarmoniModel

/// Notes shared by the simulator's tables: the price basis, mva, volumes and rounding.
public enum ReportNotes {
    /// Which kroner the table is in and which deflators lifted the baseline year's figures.
    public static func priceBasis(_ index: PriceIndex?, basis: PriceBasis, firstYear: Int, en: Bool) -> String {
        let base = index?.baselineYear ?? Dataset.defaultBaselineYear
        let deflators = (index?.deflators ?? []).map { deflator in
            var text = "\(deflator.year) \(deflator.rate)"
            if deflator.overridden {
                text += en ? " (scenario)" : " (scenario)"
            } else if deflator.status == .estimated {
                text += en ? " (estimate)" : " (anslag)"
            }
            return text
        }
        let list = deflators.joined(separator: ", ")
        switch basis {
        case .fixed:
            return en
                ? "Fixed \(firstYear) kroner: \(base) figures lifted to \(firstYear) by the kommunal deflator, no price growth after \(firstYear) (deflator \(list))."
                : "Faste \(firstYear)-kroner: \(base)-tall er løftet til \(firstYear) med kommunal deflator, uten prisvekst etter \(firstYear) (deflator \(list))."
        case .nominal:
            return en
                ? "Nominal kroner: each year lifted by the kommunal deflator of every year since \(base) (\(list))."
                : "Løpende kroner: hvert år er løftet med kommunal deflator for hvert år siden \(base) (\(list))."
        }
    }

    /// How revenue is computed: mva excluded, rounding, volumes (of `baselineYear`).
    public static func arithmetic(growth: [VolumeGrowth], baselineYear: Int, en: Bool) -> [String] {
        let year = baselineYear
        // The shipped 2019 volumes of barnehage are Barnehagefakta's counts of 16.9.2018.
        let counted = year == 2019 ? (" (Barnehagefakta counts of 16.9.2018 used as 2019)", " (Barnehagefakta-tall fra 16.9.2018 brukt som 2019)") : ("", "")
        var notes: [String] = []
        notes.append(
            en
                ? "Revenue excludes mva (amounts stored incl. mva are divided by 1,25, half-up to øre). Prices following the deflator are rounded half-up to whole kroner (øre for prices with øre); revenue = annual amount per unit × volume, half-up to øre."
                : "Inntekter er ekskl. mva (beløp lagret inkl. mva deles på 1,25 og avrundes til nærmeste øre, halve øre opp). Priser som følger deflatoren rundes til nærmeste hele krone, halve kroner opp (øre for priser med øre); inntekt = årsbeløp per enhet × volum, avrundet til nærmeste øre."
        )
        if growth.isEmpty {
            notes.append(
                en
                    ? "Volumes: the \(year) volumes of the dataset\(counted.0), held flat."
                    : "Volumer: datasettets \(year)-volumer\(counted.1), holdt flatt."
            )
        } else {
            let list = growth.map(\.canonicalStatement).joined(separator: "; ")
            notes.append(
                en
                    ? "Volumes: the \(year) volumes of the dataset, grown by: \(list) (half-up to two decimals)."
                    : "Volumer: datasettets \(year)-volumer, med vekst: \(list) (avrundet til to desimaler, halve opp).")
        }
        return notes
    }

    /// What `≈` means, for tables with estimated figures.
    public static func estimateMark(en: Bool) -> String {
        en
            ? "≈ marks figures that rest on an estimate (status «estimated» in the dataset; the method is in the dataset)."
            : "≈ markerer tall som bygger på et anslag (status «estimert» i datasettet; metoden står i datasettet)."
    }
}
