// The `Harmoni` library re-exports its layers so `import Harmoni` is all a client needs.
@_exported import HarmoniLanguage
@_exported import HarmoniModel
