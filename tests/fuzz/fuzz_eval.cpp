// Read + evaluate arbitrary source with the std plugins, sandboxed and limited
// (fuzz_common.hpp): the answer is a value or a clear Sema error.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // One fresh runtime per input, so a finding reproduces from its input alone.
  auto rt = sema::fuzz::make_runtime();
  sema::fuzz::run(*rt, text);
  return 0;
}
