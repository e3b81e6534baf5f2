/// The HarmoniCompare module; see the package overview in README.md.
public enum HarmoniCompareModule {}
