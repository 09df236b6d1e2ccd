// Read + evaluate arbitrary source with the std plugins, sandboxed and limited
// (fuzz_common.hpp): the answer is a value or a clear Sema error.
#include "fuzz_common.hpp"

#include <cstdlib>
#include <memory>

namespace {
// A runtime is reused for kReuse inputs (creating one with six plugins costs
// far more than most inputs), then replaced so that what inputs define does
// not pile up. SEMA_FUZZ_FRESH=1 gives every input a fresh runtime, to check
// that a finding reproduces from its input alone.
constexpr int kReuse = 64;
std::unique_ptr<sema::Runtime> g_rt;
int g_uses = 0;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Loads the plugins before fuzzing starts, so their coverage counters are
  // registered from the first input on.
  g_rt = sema::fuzz::make_runtime();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool fresh = std::getenv("SEMA_FUZZ_FRESH") != nullptr;
  if (fresh || !g_rt || ++g_uses >= kReuse) {
    g_rt.reset();
    g_rt = sema::fuzz::make_runtime();
    g_uses = 0;
  }
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sema::fuzz::run(*g_rt, text);
  return 0;
}
