#ifndef HARMONI_CLIBFUZZER_H
#define HARMONI_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for a program with its own `main` (compiler-rt's FuzzerDriver.cpp,
/// documented in LLVM's LibFuzzer.rst): parses libFuzzer's flags from `argv` and runs
/// `callback` on each input.
/// Provided by the toolchain's libclang_rt.fuzzer, linked by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
