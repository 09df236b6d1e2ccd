// The start of the hot section (hot_text.hpp): linked first (runtime/
// CMakeLists.txt), on a page boundary, so that the hot code's place in the
// L1 instruction cache's sets no longer moves with the size of everything
// the linker puts in front of it (the cold parts of all functions: a
// change anywhere in the library moved std's rows by a few sets, and its
// wall time by up to ~15%; performance.md §37).
#include "value/hot_text.hpp"

namespace sema::rt {

[[SEMA_HOT_TEXT, gnu::aligned(4096), gnu::used, gnu::noinline]] void hot_text_start() {}

}  // namespace sema::rt
