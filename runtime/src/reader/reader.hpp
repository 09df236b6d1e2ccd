// The reader: source text → values, with line:column spans (language.md §1).
#pragma once

#include "error/error.hpp"
#include "value/value.hpp"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace sema::rt {

// Where each list/vector/map object read from source started (its opening
// bracket). Keyed by object identity; only valid while the forms are alive.
using SpanMap = std::unordered_map<const Obj*, Span>;

struct ReadResult {
  std::vector<Value> forms;
  SpanMap spans;
};

// read-many: every datum. Reader errors use the spec's exact messages and
// positions (0:0 for parser errors at end of input). Never recurses on the C++
// stack per nesting level (a million nested parens must not overflow).
Result<ReadResult> read_all(std::string_view text);

// read: the first datum, or nil for empty input; the rest is still tokenized.
Result<Value> read_one(std::string_view text);

}  // namespace sema::rt
