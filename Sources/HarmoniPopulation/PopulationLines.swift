import HarmoniModel

/// The place lines a person can hold: the dataset's monthly barnehage and SFO lines (not kost, not
/// holiday days, not the count lines), in dataset order.
public enum PopulationLines {
    /// Place lines of `service` (`barnehage` or `sfo`): lines priced per month in some municipality,
    /// other than `kost`.
    public static func places(_ service: ServiceID, _ dataset: Dataset) -> [LineID] {
        dataset.lines(of: service).filter { key in
            !key.line.rawValue.hasPrefix("kost")
                && dataset.mergingMunicipalities.contains { dataset.fees($0, key).first?.period == .month }
        }.map(\.line)
    }
}
