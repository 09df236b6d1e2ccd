// sema::Runtime — the embedding API (implementation in progress).
#include <sema/runtime.hpp>
