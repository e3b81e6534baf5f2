/// The HarmoniSimulate module; see the package overview in README.md.
public enum HarmoniSimulateModule {}
