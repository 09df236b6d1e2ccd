// The reader: source text → values, with line:column spans (language.md §1).
#pragma once

#include "error/error.hpp"
#include "value/value.hpp"

#include <boost/unordered/unordered_flat_map.hpp>

#include <string_view>
#include <vector>

namespace sema::rt {

// Where each list/vector/map object read from source started (its opening
// bracket; for a reader macro's (quote x) list, the quote character).
// Keyed by object identity; only valid while the forms are alive. A flat
// map: a 100 MB source has tens of millions of entries.
using SpanMap = boost::unordered_flat_map<const Obj*, Span>;

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
