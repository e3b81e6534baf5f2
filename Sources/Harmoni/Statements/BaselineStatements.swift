import HarmoniModel

/// `baseline`: replace a figure of the dataset with the municipality's own number, in one line;
/// `baseline import "fil.csv"`: many at once from a filled data request.
///
/// ```
/// baseline hurum.sfo.plass_5d = 2 700 kr/mnd source "Hurum kommune, prisliste SFO 2019"
/// baseline volume asker.sfo.plass_5d = 1 450 source "Asker kommune, elevtall 1.10.2019"
/// baseline rule royken.sfo.moderasjon.threshold_G = 3 G source "Røyken kommune, vedtak 12/18"
/// baseline budget hurum.oppvekst.sum_netto_driftsutgifter = 177 000 tkr source "Hurum kommune, regnskap 2019"
/// ```
/// The new value gets status `own`, is valid for the whole baseline year and replaces every row of
/// that figure in the year; its source is the text given. Tables then show it as the municipality's
/// own figure, not as an estimate (see ``BaselineCorrection``).
enum BaselineStatements {
    static var all: [StatementSpec] { [importSpec, baseline] }

    static let baseline = StatementSpec(
        words: ["baseline"],
        usage: "baseline [volume|rule|budget] <kommune>.<tjeneste>.<linje> = <verdi> [vat none|incl|excl] [billed <måneder>] source \"<kilde>\"",
        summary: (
            "Erstatter et tall i datasettet med kommunens eget tall (status own) for basisåret.",
            "Replaces a dataset figure with the municipality's own number (status own) for the baseline year."
        ),
        example: "baseline hurum.sfo.plass_5d = 2 700 kr/mnd source \"Hurum kommune, prisliste SFO 2019\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context)
            let kind: MissingFigure.Kind
            switch words.keyword("volume", "volum", "rule", "regel", "budget", "budsjett") {
            case "volume", "volum": kind = .volume
            case "rule", "regel": kind = .rule
            case "budget", "budsjett": kind = .budget
            default: kind = .fee
            }
            let path = try words.path()
            let names = path.parts.map(\.name)
            let shape = kind == .rule ? 4 : 3
            guard names.count == shape, !path.wildcard else {
                let (nb, en) =
                    kind == .rule
                    ? ("skriv kommune.tjeneste.regel.parameter, f.eks. hurum.sfo.moderasjon.threshold_G",
                        "write municipality.service.rule.parameter, e.g. hurum.sfo.moderasjon.threshold_G")
                    : kind == .budget
                        ? ("skriv kommune.område.linje, f.eks. hurum.oppvekst.sum_netto_driftsutgifter",
                            "write municipality.area.line, e.g. hurum.oppvekst.sum_netto_driftsutgifter")
                        : ("skriv kommune.tjeneste.linje, f.eks. hurum.sfo.plass_5d", "write municipality.service.line, e.g. hurum.sfo.plass_5d")
                throw context.error(nb, en, path.range, code: "id-shape")
            }
            let municipality = MunicipalityID(names[0])
            guard state.dataset.mergingMunicipalities.contains(municipality) else {
                let known = state.dataset.mergingMunicipalities.map(\.rawValue).joined(separator: ", ")
                throw context.error("ukjent kommune «\(names[0])» (\(known))", "unknown municipality «\(names[0])» (\(known))", path.parts[0].range, code: "unknown-reference")
            }
            if kind == .budget {
                guard state.dataset.area(AreaID(names[1])) != nil else {
                    throw context.error("ukjent tjenesteområde «\(names[1])»", "unknown service area «\(names[1])»", path.parts[1].range, code: "unknown-reference")
                }
            } else if state.dataset.service(ServiceID(names[1])) == nil {
                throw context.error("ukjent tjeneste «\(names[1])»", "unknown service «\(names[1])»", path.parts[1].range, code: "unknown-reference")
            }
            try words.expectEquals()
            let valueExpression = try words.expression()
            let evaluated = try Evaluator(state, context).evaluate(valueExpression)
            var vat: VATForm?
            var billed: Int?
            var sourceText: String?
            while !words.atEnd {
                switch try words.expectKeyword("vat", "mva", "billed", "source", "kilde") {
                case "vat", "mva":
                    let form = try words.path()
                    guard let parsed = VATForm(rawValue: form.text) else {
                        throw context.error("mva skal være none, incl eller excl", "vat must be none, incl or excl", form.range, code: "wrong-value")
                    }
                    vat = parsed
                case "billed":
                    let e = try words.expression()
                    guard case .number(let n) = try Evaluator(state, context).evaluate(e), let months = n.wholeValue, (1...12).contains(months) else {
                        throw context.error("betalte måneder skal være et heltall 1-12", "billed months must be a whole number 1-12", e.range, code: "wrong-value")
                    }
                    billed = Int(months)
                default:
                    sourceText = try words.string().text
                }
            }
            guard let sourceText, !sourceText.isEmpty else {
                throw context.error(
                    "et eget tall trenger en kilde: legg til source \"…\"", "an own figure needs a source: add source \"…\"",
                    words.here, code: "source-required")
            }
            guard let value = datasetValue(evaluated) else {
                throw context.error("verdien kan ikke brukes som tall i datasettet", "the value cannot be used as a dataset figure", valueExpression.range, code: "wrong-value")
            }
            let correction = BaselineCorrection(
                kind: kind, municipality: municipality, path: Array(names.dropFirst()), value: value, vat: vat, billedMonths: billed,
                source: sourceText)
            // The figure is refused (nothing changes) when the scenario's runs could not compute with it.
            let before = state.dataset
            do throws(BaselineCorrection.Refusal) {
                try correction.apply(to: &state)
            } catch {
                throw context.error(error.nb, error.en, valueExpression.range, code: "wrong-value")
            }
            if let problem = limitProblem(state.dataset, state.scenario) {
                state.dataset = before
                throw context.error(problem.nb, problem.en, valueExpression.range, code: problem.code)
            }
            state.baselineCorrections.append(Formatter.statement(Statement(kind: .command(command), trivia: Trivia(), range: command.keyword.range)))
            return [.text(context.language == .nb ? "Eget tall registrert for \(path.text): \(evaluated)" : "Own figure recorded for \(path.text): \(evaluated)")]
        })

    /// A value of the language as a dataset value (money, rates, G multiples and numbers as quantities).
    static func datasetValue(_ value: RuntimeValue) -> Value? {
        switch value {
        case .money(let m, let period):
            return .quantity(Quantity(DecimalNumber(significand: m.ore, scale: 2).normalized, (period ?? .once).unit))
        case .rate(let r): return .quantity(Quantity(r.percent, .percent))
        case .gMultiple(let r): return .quantity(Quantity(r.fraction, .grunnbelop))
        case .number(let n): return .quantity(Quantity(n))
        case .quantity(let q): return .quantity(q)
        case .text(let t): return .text(t)
        case .symbol(let s): return .symbol(s)
        case .bool(let b): return .symbol(b ? "yes" : "no")
        default: return nil
        }
    }
}

extension BaselineStatements {
    /// Why the scenario's runs could not compute with the dataset (a fee × volume beyond a tenth
    /// of ``Money/limit``, a volume beyond ``Volume/limit``, any amount of a run too large), or `nil`.
    static func limitProblem(_ dataset: Dataset, _ scenario: ScenarioState) -> SimulationError? {
        let bound = UInt128(Money.limit.ore / 10)
        for volume in dataset.volumes {
            guard volume.value <= Volume.limit, volume.value >= DecimalNumber(-Volume.limit.significand) else {
                return .volumeTooLarge(volume.key.description, volume.municipality, scenario.period.lowerBound)
            }
        }
        for fee in dataset.fees where !fee.amount.isWithinLimit {
            return .amountTooLarge(fee.key.description, fee.municipality, scenario.period.lowerBound)
        }
        for fee in dataset.fees {
            for volume in dataset.volumes where volume.municipality == fee.municipality && volume.key == fee.key {
                var scale = UInt128(1)
                for _ in 0..<max(0, volume.value.scale) { scale *= 10 }
                if UInt128(fee.amount.ore.magnitude) * 12 * UInt128(volume.value.significand.magnitude) > bound * scale {
                    return .amountTooLarge(fee.key.description, fee.municipality, scenario.period.lowerBound)
                }
            }
        }
        return Simulator.checkLimits(baseline: SimulationBaseline(dataset), scenario: scenario)
    }
}

