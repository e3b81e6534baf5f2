import HarmoniModel

extension Validity {
    /// `@2019-01-01`, or empty for an open start: the part of a change key that tells rows apart.
    fileprivate var keySuffix: String { from.map { "@" + $0.keyText } ?? "" }
}

extension CalendarDate {
    /// ``description`` (`YYYY-MM-DD`), written digit by digit for the dates of the calendar (keys
    /// are made for every row of two datasets when they are compared).
    fileprivate var keyText: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return description }
        let (year, month, day) = (self.year, self.month, self.day)
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value % 10) }
            buffer[0] = digit(year / 1000)
            buffer[1] = digit(year / 100)
            buffer[2] = digit(year / 10)
            buffer[3] = digit(year)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = digit(month / 10)
            buffer[6] = digit(month)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = digit(day / 10)
            buffer[9] = digit(day)
            return 10
        }
    }
}

extension Municipality: ChangeTracked {
    /// The municipality id.
    public var changeKey: String { id.rawValue }
    /// `Asker (0220)`.
    public var changeSummary: String { "\(name) (\(number))" }
}

extension Area: ChangeTracked {
    /// The area id.
    public var changeKey: String { id.rawValue }
    /// The area's name.
    public var changeSummary: String { name }
}

extension Service: ChangeTracked {
    /// The service id.
    public var changeKey: String { id.rawValue }
    /// The service's name and area.
    public var changeSummary: String { "\(name) (\(area))" }
}

extension Source: ChangeTracked {
    /// The source id.
    public var changeKey: String { id.rawValue }
    /// The source's title.
    public var changeSummary: String { title }
}

extension Fee: ChangeTracked {
    /// `asker.sfo.plass_5d@2019-01-01`.
    public var changeKey: String { "\(municipality).\(key)" + provenance.validity.keySuffix }
    /// `2 843 kr/mnd (carried_forward)`.
    public var changeSummary: String {
        NorwegianFormat.money(amount, unit: period == .once ? "kr" : period.unit.symbol) + " (\(provenance.status.rawValue))"
    }
}

extension Rule: ChangeTracked {
    /// `asker.sfo.moderasjon.threshold_75pct_G@2019-01-01`.
    public var changeKey: String { "\(municipality).\(service).\(rule).\(parameter)" + provenance.validity.keySuffix }
    /// `2,8 G (published)`.
    public var changeSummary: String { "\(value) (\(provenance.status.rawValue))" }
}

extension Parameter: ChangeTracked {
    /// `grunnbelop.G@2019-05-01#trygdeoppgjøret 2019`.
    public var changeKey: String { "\(parameter).\(line)" + provenance.validity.keySuffix + "#\(vintage)" }
    /// The value.
    public var changeSummary: String { value.description }
}

extension Population: ChangeTracked {
    /// `asker@2019-01-01`.
    public var changeKey: String { "\(municipality)@\(date)" }
    /// `61 523 innbyggere`.
    public var changeSummary: String { NorwegianFormat.decimal(DecimalNumber(total), grouping: true) }
}

extension Volume: ChangeTracked {
    /// `asker.sfo.plass_5d@2019-01-01`.
    public var changeKey: String { "\(municipality).\(key)" + provenance.validity.keySuffix }
    /// `1 221 elever`.
    public var changeSummary: String { "\(value) \(counts)" }
}

extension Coverage: ChangeTracked {
    /// `asker.barnehage.andel_barn_i_kommunale_bhg@2018-09-16`.
    public var changeKey: String { "\(municipality).\(service).\(indicator)" + provenance.validity.keySuffix }
    /// The rate as written.
    public var changeSummary: String { value.description }
}

extension Budget: ChangeTracked {
    /// `asker.oppvekst.barnehage.netto_driftsramme_plan@2019-01-01`.
    public var changeKey: String { "\(municipality).\(area).\(line).\(measure)" + provenance.validity.keySuffix }
    /// The amount.
    public var changeSummary: String { NorwegianFormat.money(amount) }
}

extension Subsidy: ChangeTracked {
    /// `royken.driftstilskudd_private_barnehager.ordinaer_0_2@2019-01-01`.
    public var changeKey: String { "\(municipality).\(scheme).\(line)" + provenance.validity.keySuffix }
    /// The value as written.
    public var changeSummary: String { value.description }
}

extension MissingValue: ChangeTracked {
    /// `asker.feiing`; one missing figure: `fee:kristiansand.sfo.plass_5d`.
    public var changeKey: String {
        guard let figure else { return "\(municipality).\(service)" }
        return "\(figure.kind.rawValue):\(municipality)." + figure.path.joined(separator: ".")
    }
    /// The note.
    public var changeSummary: String { note }
}

extension Household: ChangeTracked {
    /// The household id.
    public var changeKey: String { id.rawValue }
    /// The definition.
    public var changeSummary: String { definition ?? id.rawValue }
}
