// The tree form of `sema ast`: one node per line, two spaces per depth.
#pragma once

#include "value/value.hpp"

#include <string>
#include <vector>

namespace sema::rt::ast {

// The full stdout text: each form's lines, forms separated by an empty line.
std::string render_tree(const std::vector<Value>& forms);

}  // namespace sema::rt::ast
