import Foundation
import HarmoniLanguage
import HarmoniModel

extension MergerScaffold {
    /// Why a scaffold could not be made, in both languages.
    public struct Failure: Error, Sendable, Equatable {
        public var nb: String
        public var en: String
        public func text(_ language: DisplayLanguage) -> String { language == .nb ? nb : en }
    }

    /// The scaffold of the merger a kommunenummer of 2020 or a name gives, from the datasets
    /// folder (its `norge/` tables, and its own files as the template).
    public static func make(_ query: String, datasetsFolder: String) -> Result<MergerScaffold, Failure> {
        let (tables, loaded) = NationalTables.load(datasetsFolder: datasetsFolder)
        guard let tables else {
            let first = loaded.diagnostics.first.map { " (\($0.fileName): \($0.message.nb))" } ?? ""
            return .failure(
                Failure(
                    nb: "fant ikke de nasjonale tabellene i «\(NationalTables.folder(in: datasetsFolder))»\(first)",
                    en: "could not find the national tables in «\(NationalTables.folder(in: datasetsFolder))»\(first)"))
        }
        let merger: NationalTables.Merger
        switch tables.merger(query) {
        case .failure(let error): return .failure(Failure(nb: error.text(.nb), en: error.text(.en)))
        case .success(let found): merger = found
        }
        let template = DatasetLoader.load(paths: [datasetsFolder])
        guard !template.hasErrors, let files = TemplateFiles.read(datasetsFolder) else {
            return .failure(
                Failure(
                    nb: "malen (datasettet i «\(datasetsFolder)») har feil; kjør «harmoni check» først",
                    en: "the template (the dataset in «\(datasetsFolder)») has errors; run «harmoni check» first"))
        }
        return .success(MergerScaffold(merger: merger, tables: tables, template: template.dataset, templateFiles: files))
    }

    /// Writes the files into `folder`: a new folder is written under a temporary name and renamed
    /// into place; an existing folder is refused unless `force`, and then only the scaffold's own
    /// files are replaced (each atomically).
    public func write(to folder: String, force: Bool) -> Result<Void, Failure> {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: folder, isDirectory: &isFolder)
        if exists && !force {
            return .failure(
                Failure(
                    nb: "«\(folder)» finnes allerede; bruk --force for å skrive over stillasets filer",
                    en: "«\(folder)» already exists; use --force to overwrite the scaffold's files"))
        }
        if exists && !isFolder.boolValue {
            return .failure(Failure(nb: "«\(folder)» er en fil, ikke en mappe", en: "«\(folder)» is a file, not a folder"))
        }
        do {
            if exists {
                for file in files {
                    try FileAccess.writeAtomically(file.text, to: (folder as NSString).appendingPathComponent(file.name), overwrite: true)
                }
                return .success(())
            }
            let url = URL(fileURLWithPath: folder).standardizedFileURL
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try? manager.removeItem(at: temporary)
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for file in files {
                try FileAccess.writeAtomically(file.text, to: temporary.appendingPathComponent(file.name).path, overwrite: false)
            }
            guard rename(temporary.path, url.path) == 0 else {
                try? manager.removeItem(at: temporary)
                let reason = String(cString: strerror(errno))
                return .failure(Failure(nb: "kunne ikke skrive «\(folder)»: \(reason)", en: "could not write «\(folder)»: \(reason)"))
            }
            return .success(())
        } catch {
            return .failure(Failure(nb: "kunne ikke skrive «\(folder)»: \(error)", en: "could not write «\(folder)»: \(error)"))
        }
    }

    /// The confirmation after writing: where, what, and what to do next — with the municipalities'
    /// names (never the scaffold's ids) and the next statements in the output language.
    public func summary(folder: String, _ language: DisplayLanguage) -> String {
        let olds = partNames.joined(separator: ", ")
        if language == .nb {
            return """
                Skrev stillas for \(newName) (\(olds)) til «\(folder)»: \(files.count) filer, \(missingCount) tall mangler.
                Neste steg: harmoni check \(folder)
                            harmoni --dataset \(folder) -e 'eksporter dataforespørsel til "dataforespørsel.xlsx"'
                            (fyll ut «Reelt tall» og «Kilde») og: grunnlag import "dataforespørsel.xlsx"

                """
        }
        return """
            Wrote a scaffold for \(newName) (\(olds)) to «\(folder)»: \(files.count) files, \(missingCount) figures missing.
            Next: harmoni check \(folder)
                  harmoni --dataset \(folder) -e 'export datarequest to "datarequest.xlsx"'
                  (fill in «Reelt tall» and «Kilde») then: baseline import "datarequest.xlsx"

            """
    }
}
