import HarmoniModel

/// The links the dataset does not state itself, in one place: which volume a subsidy rate is paid
/// per, which tjenesteområde a subsidy scheme belongs to, and which budget line holds a service's
/// netto driftsutgifter (for the unit cost of a coverage change).
///
/// Each link joins two sourced values of the dataset; no number is added here.
public enum Links {
    /// A subsidy scheme: its area, and for rate lines (`kr per heltidsplass per år`) the volume of
    /// the same municipality it is paid per.
    public struct SubsidyScheme: Sendable, Hashable {
        /// The scheme id.
        public var scheme: String
        /// The tjenesteområde.
        public var area: AreaID
        /// Line id → the volume's fee key (`ordinaer_0_2` → `barnehage.private_barn_0_2`).
        public var volumes: [(line: String, volume: FeeKey)]

        /// Schemes are equal by id.
        public static func == (a: Self, b: Self) -> Bool { a.scheme == b.scheme }
        /// Hashes the id.
        public func hash(into hasher: inout Hasher) { hasher.combine(scheme) }
    }

    /// The subsidy schemes of `subsidies-2019.tsv` (the `area` column of that file).
    /// Driftstilskudd is paid per heltidsplass; the volumes count children in private barnehager
    /// (Barnehagefakta), used as heltidsplasser — a stated approximation.
    public static let subsidySchemes: [SubsidyScheme] = [
        SubsidyScheme(
            scheme: "driftstilskudd_private_barnehager", area: "oppvekst",
            volumes: [
                ("ordinaer_0_2", FeeKey("barnehage", "private_barn_0_2")),
                ("ordinaer_3_6", FeeKey("barnehage", "private_barn_3_6")),
            ]),
        SubsidyScheme(scheme: "frivillighet_og_tilskudd", area: "kultur", volumes: []),
        SubsidyScheme(scheme: "aktivitetsmidler_idrettslag", area: "kultur", volumes: []),
        SubsidyScheme(scheme: "kultur_og_idrettsstipend", area: "kultur", volumes: []),
        SubsidyScheme(scheme: "frivillighetspott", area: "kultur", volumes: []),
        SubsidyScheme(scheme: "tilskudd_barne_og_ungdomsaktiviteter", area: "kultur", volumes: []),
        SubsidyScheme(scheme: "driftstilskudd_lag", area: "kultur", volumes: []),
        SubsidyScheme(scheme: "gaver_og_medvirkning", area: "kultur", volumes: []),
    ]

    /// A subsidy scheme's id as a name: `driftstilskudd_private_barnehager` → «Driftstilskudd private barnehager».
    public static func displayName(ofScheme scheme: String) -> String {
        let spaced = String(scheme.map { $0 == "_" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// The scheme entry, if known.
    public static func scheme(_ id: String) -> SubsidyScheme? { subsidySchemes.first { $0.scheme == id } }

    /// The budget line (area, line) whose netto driftsutgifter a service's users share, for the
    /// unit cost of a coverage change: barnehage → `oppvekst.barnehage`, kulturskole →
    /// `kultur.kulturskolen`. Other services have no netto budget line in the dataset.
    public static let unitCostBudgetLines: [(service: ServiceID, area: AreaID, line: String)] = [
        ("barnehage", "oppvekst", "barnehage"),
        ("kulturskole", "kultur", "kulturskolen"),
    ]
}
