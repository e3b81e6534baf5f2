import Foundation
import HarmoniModel

extension BaselineStatements {
    /// `baseline import "fil.xlsx|fil.csv"`: the filled data request's figures as `own` figures
    /// with their sources (see ``DataRequestImport``); all or nothing.
    static let importSpec = StatementSpec(
        words: ["baseline", "import"], usage: "baseline import \"<fil.xlsx | fil.csv>\"",
        summary: (
            "Leser en utfylt dataforespørsel (xlsx eller CSV) som kommunens egne tall med kilder; ingenting importeres om en rad er feil.",
            "Reads a filled data request (xlsx or CSV) as the municipality's own figures with sources; nothing is imported if any row is wrong."
        ),
        example: "export datarequest to \"ut/dataforesporsel.xlsx\"\nbaseline import \"ut/dataforesporsel.xlsx\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context, skipping: 1)
            let (path, range) = try words.string()
            try words.expectEnd()
            let full = (path as NSString).isAbsolutePath ? path : (context.workingDirectory as NSString).appendingPathComponent(path)
            let reading = try read(full, shown: path, range, state.dataset, context)
            let nb = context.language == .nb
            if !reading.problems.isEmpty {
                let lines = reading.problems.map { "\($0.place(path)): \(nb ? $0.nb : $0.en)" }
                throw context.error(
                    "\(reading.problems.count) feil i «\(path)»; ingenting er importert:\n" + lines.joined(separator: "\n"),
                    "\(reading.problems.count) error(s) in «\(path)»; nothing was imported:\n" + lines.joined(separator: "\n"), range,
                    code: "import-rows")
            }
            var next = state
            for correction in reading.corrections {
                do throws(BaselineCorrection.Refusal) {
                    try correction.apply(to: &next)
                } catch {
                    throw context.error(error.nb, error.en, range, code: "import-rows")
                }
                next.baselineCorrections.append(correction.statementText)
            }
            state = next
            let count = reading.corrections.count
            return [
                .text(
                    nb
                        ? "Importerte \(count) egne tall fra «\(path)» (status «egen», med kilde); «lagre» skriver dem som grunnlag-setninger."
                        : "Imported \(count) own figures from «\(path)» (status own, with source); «save» writes them as baseline statements.")
            ]
        })

    /// The filled sheet at `full`: a workbook when the file is a ZIP archive (whatever its name),
    /// CSV text otherwise.
    private static func read(
        _ full: String, shown path: String, _ range: SourceRange, _ dataset: Dataset, _ context: StatementContext
    ) throws(Diagnostic) -> DataRequestImport {
        var info = stat()
        let regular = stat(full, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        let data = regular ? FileManager.default.contents(atPath: full) : nil
        let bytes = data.map { [UInt8]($0) } ?? []
        let isZip = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
        if isZip || path.lowercased().hasSuffix(".xlsx") {
            guard data != nil else {
                throw context.error("kan ikke lese «\(path)»", "cannot read «\(path)»", range, code: "import-format")
            }
            guard isZip else {
                throw context.error(
                    "«\(path)» er ikke en xlsx-fil (lagre arket som Excel-arbeidsbok .xlsx, eller som CSV)",
                    "«\(path)» is not an xlsx file (save the sheet as an Excel workbook .xlsx, or as CSV)", range, code: "import-format")
            }
            do throws(ZipReader.Failure) {
                return DataRequestImport(workbook: try XLSXReader(bytes), dataset: dataset)
            } catch {
                throw context.error("«\(path)» \(error.nb)", "«\(path)» \(error.en)", range, code: "import-format")
            }
        }
        switch FileAccess.readSource(full) {
        case .failure(let diagnostic): throw context.error(diagnostic.message, range)
        case .success(let file): return DataRequestImport(text: file.text, dataset: dataset)
        }
    }
}
