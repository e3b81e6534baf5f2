import HarmoniCompare
import HarmoniModel

/// Turns population households into the household engine's profiles (``HouseholdProfile``), so
/// every fee rule is the engine's own (the same as `show household`).
///
/// A household's persons give its barnehage and SFO places (child number = position in the
/// household, age = age on 1 January), one kost per barnehage child (the dataset's kost volume is
/// every child in a kommunal barnehage), the sum of praktisk bistand hours and the trygghetsalarms;
/// the dwelling gives water m³ with one meter when it uses water, the bin litres with the
/// renovasjon category of the dataset's standard dwelling (household d) where a municipality
/// prices by category, and the chimneys. Dwelling area and kulturskole subjects price nothing
/// (as for the typical households).
public struct PopulationProfiles: Sendable {
    /// The renovasjon category line the typical households use (`renovasjon.standard`), if any.
    public let renovasjonCategory: FeeKey?

    /// Reads the category from the dataset's typical households.
    public init(_ dataset: Dataset) {
        var category: FeeKey?
        for household in dataset.households {
            if let found = HouseholdProfile(household).renovasjonCategory {
                category = found
                break
            }
        }
        renovasjonCategory = category
    }

    /// The profile of the household at `index`, its income in kroner given by `income`
    /// (the baseline income, or the income lifted to a year). The id is the same for every
    /// household (`befolkning`), so equal profiles are equal values and can share one pricing.
    public func profile(_ population: HouseholdPopulation, _ index: Int, income: (Money) -> Money = { $0 }) -> HouseholdProfile {
        let household = population.households[index]
        var profile = HouseholdProfile(id: "befolkning", definition: "")
        var hours: Int64 = 0
        var position = 0
        for person in population.persons(of: index) {
            position += 1
            if let line = person.barnehage {
                profile.barnehageChildren.append(
                    ChildPlace.place(attribute: "child_\(position)_barnehage", line: FeeKey("barnehage", line), age: person.age))
            }
            if let line = person.sfo {
                profile.sfoChildren.append(ChildPlace.place(attribute: "child_\(position)_sfo", line: FeeKey("sfo", line), age: person.age))
            }
            hours += person.praktiskBistandHoursPerMonth
            if person.trygghetsalarm { profile.trygghetsalarms += 1 }
        }
        profile.kostChildren = Int64(profile.barnehageChildren.count)
        if hours > 0 { profile.praktiskBistandHoursPerMonth = DecimalNumber(hours) }
        if household.waterCubicMetres > 0 {
            profile.waterCubicMetresPerYear = DecimalNumber(household.waterCubicMetres)
            profile.waterMeters = 1
        }
        if household.binLitres > 0 {
            profile.binLitres = DecimalNumber(household.binLitres)
            profile.renovasjonCategory = renovasjonCategory
        }
        profile.chimneys = household.chimneys
        let testsIncome = !profile.barnehageChildren.isEmpty || !profile.sfoChildren.isEmpty || hours > 0 || profile.trygghetsalarms > 0
        if testsIncome, let kroner = household.incomeKroner { profile.income = .kronerPerYear(income(Money(kroner: kroner))) }
        return profile
    }
}
