// Evaluation runs on a thread with a large stack: deep non-tail recursion
// (decisions.md #7: at least 10,000 frames) must end in the depth error,
// never in a native stack overflow.
#pragma once

#include <cstddef>
#include <functional>

namespace sema::rt {

inline constexpr size_t kEvalStackBytes = size_t{1} << 30;  // reserved, committed lazily

// Runs fn to completion on a thread with `bytes` of stack and waits for it.
// Falls back to the calling thread if such a thread cannot be created.
void run_with_big_stack(const std::function<void()>& fn, size_t bytes = kEvalStackBytes);

}  // namespace sema::rt
