// swift-tools-version: 6.0
// libFuzzer harnesses for Harmoni (docs/RELIABILITY.md): coverage-guided fuzzing of the front end
// and of the statement runner, with HarmoniFuzzing's checks (the ones `harmoni-fuzz` and the tests
// run). A package of its own so that the whole build can be instrumented and libFuzzer can drive
// these executables without touching the main package's. Build and run with `Tests/libfuzzer/run`
// (`swift build -c release -Xswiftc -sanitize=fuzzer`); not part of CI.
import PackageDescription

// Linked with lld: gold fails on these executables ("internal error in format_file_lineno")
// when libFuzzer's runtime is linked in.
let lld: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let package = Package(
    name: "HarmoniLibFuzzer",
    dependencies: [.package(name: "Harmoni", path: "../..")],
    targets: [
        // Declares libFuzzer's `LLVMFuzzerRunDriver` (in the toolchain's libclang_rt.fuzzer).
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "harmoni-libfuzzer-front",
            dependencies: ["CLibFuzzer", .product(name: "HarmoniFuzzing", package: "Harmoni")],
            linkerSettings: lld),
        .executableTarget(
            name: "harmoni-libfuzzer-runner",
            dependencies: ["CLibFuzzer", .product(name: "HarmoniFuzzing", package: "Harmoni")],
            linkerSettings: lld),
    ],
    swiftLanguageModes: [.v6]
)
