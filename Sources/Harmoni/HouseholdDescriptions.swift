import HarmoniModel

/// Norwegian descriptions (`beskrivelse`) of the shipped typical households, for as long as the
/// generated dataset gives only the English `definition` (shared/data/households.tsv has no
/// Norwegian text). A `beskrivelse` in the dataset always wins; a household not named here keeps
/// its definition. The texts restate the definitions; they add no number the data does not have.
enum HouseholdDescriptions {
    /// Household id → Norwegian description.
    static let shipped: [String: String] = [
        "a_familie_750k":
            "To voksne og tre barn: to i barnehage på heltid og ett i SFO fem dager i uka; inntekt 750 000 kr",
        "b_enslig_300k":
            "Enslig forsørger med to barn: ett i barnehage på heltid og ett i SFO fem dager i uka; inntekt 300 000 kr",
        "c_pensjonist_2_5G":
            "Enslig pensjonist med inntekt 2,5 G, 4 timer praktisk bistand i måneden og trygghetsalarm",
        "d_ssb_standardbolig":
            "SSBs standardbolig: enebolig på 120 m² BRA, 150 m³ vann i året, standard renovasjon og én pipe",
    ]

    /// Adds the Norwegian description to every shipped household that has none.
    static func fill(_ dataset: inout Dataset) {
        for index in dataset.households.indices {
            let household = dataset.households[index]
            guard household.norwegianDescription == nil, let text = shipped[household.id.rawValue] else { continue }
            dataset.households[index].attributes.append(HouseholdAttribute(name: "beskrivelse", value: .text(text)))
        }
    }
}
