// Nothing here: the module only declares libFuzzer's LLVMFuzzerRunDriver (include/CLibFuzzer.h).
#include "CLibFuzzer.h"
