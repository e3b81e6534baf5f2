/// `baseline`: replace a figure of the dataset with the municipality's own number, in one line.
///
/// ```
/// baseline hurum.sfo.plass_5d = 2 700 kr/mnd source "Hurum kommune, prisliste SFO 2019"
/// baseline volume asker.sfo.plass_5d = 1 450 source "Asker kommune, elevtall 1.10.2019"
/// ```
/// The new value gets status `own`, is valid for the whole baseline year and replaces every row of
/// that line in the year; its source is the text given. Tables then show it as the municipality's
/// own figure, not as an estimate.
enum BaselineStatements {
    static var all: [StatementSpec] { [baseline] }

    static let baseline = StatementSpec(
        words: ["baseline"], aliases: ["grunnlag"],
        usage: "baseline [volume] <kommune>.<tjeneste>.<linje> = <verdi> [vat none|incl|excl] [billed <måneder>] source \"<kilde>\"",
        summary: (
            "Erstatter et tall i datasettet med kommunens eget tall (status own) for basisåret.",
            "Replaces a dataset figure with the municipality's own number (status own) for the baseline year."
        ),
        example: "baseline hurum.sfo.plass_5d = 2 700 kr/mnd source \"Hurum kommune, prisliste SFO 2019\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context)
            let isVolume = words.keyword("volume", "volum") != nil
            let path = try words.path()
            let names = path.parts.map(\.name)
            guard names.count == 3, !path.wildcard else {
                throw context.error(
                    "skriv kommune.tjeneste.linje, f.eks. hurum.sfo.plass_5d", "write municipality.service.line, e.g. hurum.sfo.plass_5d",
                    path.range, code: "id-shape")
            }
            let municipality = MunicipalityID(names[0])
            guard Dataset.mergingMunicipalities.contains(municipality) else {
                throw context.error("ukjent kommune «\(names[0])» (asker, royken, hurum)", "unknown municipality «\(names[0])» (asker, royken, hurum)", path.parts[0].range, code: "unknown-reference")
            }
            guard state.dataset.service(ServiceID(names[1])) != nil else {
                throw context.error("ukjent tjeneste «\(names[1])»", "unknown service «\(names[1])»", path.parts[1].range, code: "unknown-reference")
            }
            try words.expectEquals()
            let valueExpression = try words.expression()
            let value = try Evaluator(state, context).evaluate(valueExpression)
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
            let year = state.baselineYear
            let source = Source(id: SourceID("own_\(state.dataset.sources.count + 1)"), title: sourceText)
            let provenance = Provenance(
                validity: .year(year), status: .own, method: "kommunens eget tall (baseline-setning)", source: source.id)
            let key = FeeKey(ServiceID(names[1]), LineID(names[2]))
            // The figure is refused (nothing changes) when the scenario's runs could not compute with it.
            let before = state.dataset
            if isVolume {
                guard case .number(let count) = value else {
                    throw context.error("et volum er et tall uten enhet", "a volume is a number without unit", valueExpression.range, code: "wrong-value")
                }
                let previous = state.dataset.volumes(municipality, key).last
                state.dataset.volumes.removeAll { $0.municipality == municipality && $0.key == key }
                state.dataset.volumes.append(
                    Volume(municipality: municipality, key: key, value: count, counts: previous?.counts ?? "", provenance: provenance))
            } else {
                guard case .money(let amount, let period) = value else {
                    throw context.error("et gebyr er et kronebeløp, f.eks. 2 700 kr/mnd", "a fee is an amount, e.g. 2 700 kr/mnd", valueExpression.range, code: "wrong-value")
                }
                let previous = state.dataset.fees(municipality, key).last
                state.dataset.fees.removeAll {
                    $0.municipality == municipality && $0.key == key && $0.provenance.validity.touches(year: year)
                }
                state.dataset.fees.append(
                    Fee(municipality: municipality, key: key, amount: amount, period: period ?? .once,
                        billedMonths: billed ?? previous?.billedMonths, vat: vat ?? previous?.vat ?? .none, provenance: provenance))
            }
            if let problem = limitProblem(state.dataset, state.scenario) {
                state.dataset = before
                throw context.error(problem.nb, problem.en, valueExpression.range, code: problem.code)
            }
            state.dataset.sources.append(source)
            state.baselineCorrections.append(Formatter.statement(Statement(kind: .command(command), trivia: Trivia(), range: command.keyword.range)))
            return [.text(context.language == .nb ? "Eget tall registrert for \(path.text): \(value)" : "Own figure recorded for \(path.text): \(value)")]
        })
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

