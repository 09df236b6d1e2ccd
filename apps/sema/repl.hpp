// The interactive loop: line editing and history (libedit), multi-line input
// until the brackets balance, errors that do not end the session.
#pragma once

#include <sema/runtime.hpp>

#include <string_view>

namespace sema::cli {

int repl(Runtime& rt, bool quiet);

// Bracket depth of text outside string literals (language.md §6.4); the
// input is complete when the depth is <= 0 and no string is open.
bool input_complete(std::string_view text);

}  // namespace sema::cli
