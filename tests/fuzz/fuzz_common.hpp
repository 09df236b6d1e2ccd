// Shared by the libFuzzer targets: a sandboxed runtime that an input cannot
// use to touch the machine or run away, and helpers to build Sema source
// around fuzzer bytes.
#pragma once

#include <sema/runtime.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sema::fuzz {

// Limits that keep one input small: every capability denied, a shallow depth
// limit, a memory limit, and a watchdog that interrupts an input running
// longer than kInputMillis.
inline constexpr int kMaxDepth = 400;
inline constexpr size_t kMaxMemoryMb = 1024;
inline constexpr int kInputMillis = 2000;

// A fresh runtime with the std plugins, the limits above, and the builtins
// that could block (sleep, stdin readers, spinners) rebound to stubs.
std::unique_ptr<Runtime> make_runtime();

// One such runtime kept for the whole fuzzing session (targets whose inputs
// cannot change global state in ways that matter).
Runtime& shared_runtime();

// Runs source under the watchdog. Aborts (a finding) when the outcome is an
// error without a clear message: empty, or an "internal error" (a C++
// exception that escaped a builtin), which the issue counts as unclear.
Outcome run(Runtime& rt, std::string_view source);

// A Sema string literal holding text (which must be valid UTF-8).
std::string literal(std::string_view text);

// Whether bytes are valid UTF-8 (strings in Sema always are).
bool valid_utf8(std::string_view bytes);

[[noreturn]] void finding(std::string_view what, std::string_view source, std::string_view detail);

}  // namespace sema::fuzz
