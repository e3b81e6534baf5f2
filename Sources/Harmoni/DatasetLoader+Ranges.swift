import HarmoniLanguage
import HarmoniModel

/// Pass 2 of ``DatasetLoader`` for `range` blocks: the range rules of estimates (``RangeRule``).
///
/// ```
/// range nasjonal_referanse {
///   kind = "national reference"
///   method = relative
///   below = 20 %
///   above = 20 %
///   assumption = "…why…"          # or: source = <source id>
///   description = "…"
///   description_en = "…"          # optional: the sentence for --lang en
/// }
/// ```
extension DatasetLoader {
    private static let rangeFields = [
        "kind", "method", "below", "above", "per_year", "applies_to", "method_contains", "source", "assumption",
        "description", "description_en",
    ]
    private static let rangeMethods = RangeRule.Method.allCases.map(\.rawValue)
    /// Block kinds whose values can have a range.
    static let rangedKinds = ["fee", "rule", "parameter", "volume", "coverage", "budget", "subsidy"]

    mutating func buildRange(_ block: Block, _ file: String) {
        guard idHasParts(block, 1, "«range navn»", file) else { return }
        var reader = BlockReader(block, file: file, fields: Self.rangeFields, required: ["kind", "method", "description"])
        let kind = reader.text("kind")
        let method = reader.symbol("method", allowed: Self.rangeMethods).flatMap(RangeRule.Method.init(rawValue:))
        func share(_ name: String) -> Rate? {
            guard reader.has(name) else { return .zero }
            guard let q = reader.quantity(name, units: [.percent]) else { return nil }
            guard let rate = q.number.asPercentRate, rate >= .zero, rate <= Rate(percent: 100) || name == "above" else {
                reader.report(
                    .wrongValue(name, expectedNb: "en andel fra 0 til 100 %", expectedEn: "a share from 0 to 100 %",
                        found: reader.shown(name)), reader.range(name))
                return nil
            }
            return rate
        }
        let below = share("below")
        let above = share("above")
        let perYear = share("per_year")
        let appliesTo = reader.has("applies_to") ? reader.text("applies_to") : ""
        var kinds: [String] = []
        if let appliesTo {
            kinds = appliesTo.split(separator: ",").map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
            for name in kinds where !Self.rangedKinds.contains(name) {
                reader.report(.unknownBlockKind(name, Self.rangedKinds), reader.range("applies_to"))
            }
        }
        let contains = reader.has("method_contains") ? reader.text("method_contains") : nil
        let description = reader.text("description")
        let descriptionEN = reader.has("description_en") ? reader.text("description_en") : nil
        let assumption = reader.has("assumption") ? reader.text("assumption") : nil
        var source: SourceID?
        if reader.has("source"), let name = reader.symbol("source") {
            if sourceIDs.contains(SourceID(name)) {
                source = SourceID(name)
            } else {
                reader.report(.unknownReference("kilde", "source", name), reader.range("source"))
            }
        }
        if reader.has("source") == reader.has("assumption") {
            reader.report(.rangeBasis, block.kind.range.union(block.id.range))
        }
        if method == .deflatorError, !reader.has("per_year") {
            reader.report(.missingField("per_year", "range"), block.kind.range.union(block.id.range))
        }
        if let previous = dataset.rangeRules.first(where: { $0.id == block.id.text }) {
            reader.report(.duplicateDefinition("range", previous.id), block.id.range)
        }
        diagnostics += reader.diagnostics
        guard reader.diagnostics.isEmpty, let kind, let method, let below, let above, let perYear, let description
        else { return }
        dataset.rangeRules.append(
            RangeRule(
                id: block.id.text, kind: kind, method: method, below: below, above: above, perYear: perYear,
                appliesTo: kinds, methodContains: contains, source: source, assumption: assumption,
                description: description, descriptionEN: descriptionEN))
    }
}

extension DiagnosticMessage {
    /// A range rule needs exactly one of a source and an assumption.
    static var rangeBasis: Self {
        .init(
            code: "range-basis",
            nb: "en «range»-regel skal ha enten «source» (kilden til parameterne) eller «assumption» (hvorfor de er valgt), ikke begge",
            en: "a «range» rule needs either «source» (where its parameters come from) or «assumption» (why they were chosen), not both")
    }
}

extension String {
    fileprivate var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
