/// The HarmoniExport module; see the package overview in README.md.
public enum HarmoniExportModule {}
