import HarmoniLanguage
import HarmoniModel

/// Reads the attributes of one dataset block into typed values, reporting every problem with the
/// attribute's range: unknown and duplicate fields on creation, then wrong types and units as
/// each field is read. A read that fails returns `nil` after reporting.
struct BlockReader {
    let block: Block
    let fileName: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The index in `block.attributes` of each known field's first occurrence. A block has a
    /// handful of fields, so a scan beats hashing (and nothing is copied).
    private var known: [(name: String, index: Int)] = []

    /// The provenance fields every value block accepts.
    static let provenanceFields = ["valid", "status", "method", "source", "note", "unit"]
    private static let statusNames = Status.allCases.map(\.rawValue)
    private static let yesNo = ["yes", "no"]
    private static let moneyUnits: [Unit?] = Unit.allCases.filter(\.isMoney)

    init(_ block: Block, file: String, fields: [String], required: [String]) {
        self.block = block
        self.fileName = file
        known.reserveCapacity(block.attributes.count)
        for index in block.attributes.indices {
            let attribute = block.attributes[index].name
            let name = attribute.name
            if !fields.contains(name) {
                report(.unknownField(name, block.kind.name, fields), attribute.range)
            } else if self.index(of: name) != nil {
                report(.duplicateField(name), attribute.range)
            } else {
                known.append((name, index))
            }
        }
        // A line the parser could not read is already reported; its field is not "missing" too.
        for name in required where index(of: name) == nil && block.mayReportMissing(name) {
            report(.missingField(name, block.kind.name), block.kind.range.union(block.id.range))
        }
    }

    private func index(of name: String) -> Int? {
        for entry in known where entry.name == name { return entry.index }
        return nil
    }

    /// The attribute of a field, if the block has it.
    private func attribute(_ name: String) -> Attribute? { index(of: name).map { block.attributes[$0] } }

    mutating func report(_ message: DiagnosticMessage, _ range: SourceRange, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(.error, message, file: fileName, range: range, notes: notes))
    }

    /// The field's value as written (canonical form), for "found …" in messages.
    func shown(_ name: String) -> String {
        guard let attribute = attribute(name) else { return "" }
        let text = Formatter.expression(attribute.value)
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }

    /// True if the block has the field.
    func has(_ name: String) -> Bool { index(of: name) != nil }

    /// The attribute's range (for diagnostics about its value).
    func range(_ name: String) -> SourceRange { attribute(name)?.value.range ?? block.id.range }

    /// Any literal value; expressions other than a negated number are refused.
    mutating func value(_ name: String) -> Value? {
        guard let index = index(of: name) else { return nil }
        return literal(block.attributes[index].value, field: name)
    }

    private mutating func literal(_ e: Expression, field: String) -> Value? {
        switch e.kind {
        case .number(let n, let unit, _): return .quantity(Quantity(n, unit))
        case .unary(.negate, let inner):
            if case .number(let n, let unit, _) = inner.kind {
                return .quantity(Quantity(DecimalNumber(significand: -n.significand, scale: n.scale), unit))
            }
        case .string(let text): return .text(text)
        case .date(let date): return .date(date)
        case .path(let path) where !path.wildcard:
            return path.parts.count == 1 ? .symbol(path.parts[0].name) : .reference(path.parts.map(\.name))
        case .range(let from, let to):
            return validityLiteral(from: from, to: to, e, field: field).map { .validity($0) }
        case .list(let items):
            var values: [Value] = []
            for item in items {
                guard let value = literal(item, field: field) else { return nil }
                values.append(value)
            }
            return .list(values)
        default: break
        }
        report(.literalOnly, e.range)
        return nil
    }

    private mutating func validityLiteral(from: Expression?, to: Expression?, _ e: Expression, field: String) -> Validity? {
        func bound(_ e: Expression?, start: Bool) -> (ok: Bool, date: CalendarDate?) {
            guard let e else { return (true, nil) }
            switch e.kind {
            case .date(let d): return (true, d)
            case .number(let n, nil, _):
                if let year = n.wholeValue, (1000...9999).contains(year) {
                    return (true, start ? .startOf(year: Int(year)) : .endOf(year: Int(year)))
                }
            default: break
            }
            return (false, nil)
        }
        let (fromOK, fromDate) = bound(from, start: true)
        let (toOK, toDate) = bound(to, start: false)
        guard fromOK, toOK else {
            report(
                .wrongValue(
                    field, expectedNb: "en datoperiode (2019-01-01...2019-07-31) eller årsperiode (2020...2023)",
                    expectedEn: "a date range (2019-01-01...2019-07-31) or year range (2020...2023)",
                    found: Formatter.expression(e)), e.range)
            return nil
        }
        let validity = Validity(from: fromDate, to: toDate)
        if let fromDate, let toDate, toDate < fromDate {
            report(.validityReversed(validity.description), e.range)
            return nil
        }
        return validity
    }

    /// A string.
    mutating func text(_ name: String) -> String? {
        guard let value = value(name) else { return nil }
        if case .text(let t) = value { return t }
        report(.wrongValue(name, expectedNb: "en tekst i anførselstegn", expectedEn: "a quoted string", found: shown(name)), range(name))
        return nil
    }

    /// A bare identifier, optionally one of `allowed`.
    mutating func symbol(_ name: String, allowed: [String]? = nil) -> String? {
        guard let value = value(name) else { return nil }
        if case .symbol(let s) = value, allowed == nil || allowed?.contains(s) == true { return s }
        let list = allowed?.joined(separator: " | ")
        report(.wrongValue(name, expectedNb: list ?? "et navn", expectedEn: list ?? "a name", found: shown(name)), range(name))
        return nil
    }

    /// `yes` or `no`.
    mutating func flag(_ name: String) -> Bool? {
        symbol(name, allowed: Self.yesNo).map { $0 == "yes" }
    }

    /// A number with a unit among `units` (`nil` in the list allows a plain number).
    mutating func quantity(_ name: String, units: [Unit?]? = nil) -> Quantity? {
        guard let value = value(name) else { return nil }
        guard case .quantity(let q) = value else {
            report(.wrongValue(name, expectedNb: "et tall", expectedEn: "a number", found: shown(name)), range(name))
            return nil
        }
        if let units, !units.contains(q.unit) {
            report(.wrongUnit(name, expected: units, found: q.unit), range(name))
            return nil
        }
        return q
    }

    /// A plain number without unit.
    mutating func decimal(_ name: String) -> DecimalNumber? { quantity(name, units: [nil])?.number }

    /// A whole number without unit in `bounds`.
    mutating func wholeNumber(_ name: String, in bounds: ClosedRange<Int64>) -> Int64? {
        guard let number = decimal(name) else { return nil }
        guard let whole = number.wholeValue else {
            report(.wrongValue(name, expectedNb: "et heltall", expectedEn: "a whole number", found: shown(name)), range(name))
            return nil
        }
        guard bounds.contains(whole) else {
            report(.notInRange(name, bounds.lowerBound, bounds.upperBound), range(name))
            return nil
        }
        return whole
    }

    /// Money with a money unit; returns the amount in kroner/øre and the period.
    mutating func money(_ name: String) -> (Money, PricePeriod)? {
        moneyAllowingFractions(name, fractionalPeriods: []).map { ($0.0, $0.1) }
    }

    /// Like ``money(_:)``, but a price per one of `fractionalPeriods` (per m³, per litre, per m²)
    /// may have up to four decimals: it comes back rounded half-up to øre, with the exact number.
    mutating func moneyAllowingFractions(
        _ name: String, fractionalPeriods: Set<PricePeriod>
    ) -> (Money, PricePeriod, DecimalNumber?)? {
        guard let q = quantity(name, units: Self.moneyUnits), let unit = q.unit, let period = unit.moneyPeriod else { return nil }
        let exact = q.number.normalized
        if q.money == nil, fractionalPeriods.contains(period), exact.scale > 2, exact.scale <= 4,
            let micro = exact.scaled(to: 6)
        {
            if let amount = Money.fromMicroKroner(Int128(micro), rounding: .halfUp) { return (amount, period, exact) }
        }
        guard let amount = q.money else {
            // Either øre are not enough (2,505 kr), or `tkr` times 1 000 does not fit.
            report(q.number.normalized.scale > 2 ? .tooManyDecimals(name) : .numberTooLarge(shown(name)), range(name))
            return nil
        }
        return (amount, period, nil)
    }

    /// A date.
    mutating func date(_ name: String) -> CalendarDate? {
        guard let value = value(name) else { return nil }
        if case .date(let d) = value { return d }
        report(.wrongValue(name, expectedNb: "en dato (ÅÅÅÅ-MM-DD)", expectedEn: "a date (YYYY-MM-DD)", found: shown(name)), range(name))
        return nil
    }

    /// A validity: a date range, a single date, or a year range.
    mutating func validity(_ name: String) -> Validity? {
        guard let value = value(name) else { return nil }
        switch value {
        case .validity(let v): return v
        case .date(let d): return Validity(on: d)
        case .quantity(let q) where q.unit == nil:
            if let year = q.number.wholeValue, (1000...9999).contains(year) { return .year(Int(year)) }
        default: break
        }
        report(
            .wrongValue(name, expectedNb: "en dato eller datoperiode", expectedEn: "a date or date range", found: shown(name)),
            range(name))
        return nil
    }

    /// The provenance fields. `sources` are the declared source ids; `sourceRequired` makes a
    /// missing source an error.
    mutating func provenance(sources: Set<SourceID>, sourceRequired: Bool = true) -> Provenance? {
        let validity = has("valid") ? self.validity("valid") : .always
        let statusText = symbol("status", allowed: Self.statusNames)
        let method = has("method") ? text("method") : ""
        let note = has("note") ? text("note") : nil
        let printedUnit = has("unit") ? text("unit") : nil
        var source: SourceID?
        if has("source") {
            if let name = symbol("source") {
                if sources.contains(SourceID(name)) {
                    source = SourceID(name)
                } else {
                    report(.unknownReference("kilde", "source", name), range("source"))
                }
            }
        } else if sourceRequired, block.mayReportMissing("source") {
            report(.sourceRequired, block.kind.range.union(block.id.range))
        }
        guard let statusText, let status = Status(rawValue: statusText), let validity else { return nil }
        // A `method` of the wrong type is already reported; it is not also missing.
        if status.needsMethod, let method, method.trimmingCharacters(in: .whitespaces).isEmpty,
            has("method") || block.mayReportMissing("method")
        {
            report(.methodRequired(statusText), has("method") ? range("method") : block.kind.range.union(block.id.range))
        }
        return Provenance(
            validity: validity, status: status, method: method ?? "", source: source, note: note, printedUnit: printedUnit)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: CharacterSetLite) -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

/// Only whitespace trimming is needed; avoids importing Foundation into the reader.
enum CharacterSetLite { case whitespaces }
