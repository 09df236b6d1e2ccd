// The --json form of `sema ast`: serde_json's pretty layout (2-space indent,
// keys sorted), one object for one form, an array otherwise.
#pragma once

#include "value/value.hpp"

#include <string>
#include <vector>

namespace sema::rt::ast {

// The full stdout text, ending with a newline.
std::string render_json(const std::vector<Value>& forms);

}  // namespace sema::rt::ast
