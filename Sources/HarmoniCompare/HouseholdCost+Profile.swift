import HarmoniModel

extension HouseholdProfile {
    /// An empty profile to fill in directly (a household of a population), with no attributes read.
    public init(id: HouseholdID, definition: String) {
        self.id = id
        self.definition = definition
    }
}

extension ChildPlace {
    /// A place on `line` held by the child named `attribute` (`child_1_barnehage`), of `age` if known.
    public static func place(attribute: String, line: FeeKey, age: Int64?) -> ChildPlace {
        ChildPlace(attribute: attribute, line: line, age: age)
    }
}

extension Dataset {
    /// A profile's annual cost in `municipality` in `year`: the same computation as
    /// ``householdCost(_:in:year:)`` (which reads the profile from a household's attributes),
    /// with the rulebook given when the caller prices many households under one.
    public func householdCost(_ profile: HouseholdProfile, in municipality: MunicipalityID, year: Int, book: Rulebook? = nil)
        -> HouseholdCost
    {
        HouseholdEngine(self, municipality: municipality, year: year, book: book).cost(profile)
    }
}
