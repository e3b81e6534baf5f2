// The `Harmoni` library re-exports its layers so `import Harmoni` is all a client needs.
@_exported import HarmoniLanguage
@_exported import HarmoniModel
@_exported import HarmoniCompare
@_exported import HarmoniExport
@_exported import HarmoniReport
@_exported import HarmoniSimulate
@_exported import HarmoniPopulation
@_exported import HarmoniUncertainty
