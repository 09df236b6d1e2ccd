// `sema ast` (language.md §6.6): the tree and --json renderings of the forms
// of a source text. Both walk the forms with an explicit stack, so nesting
// depth never turns into C++ recursion.
#include <sema/runtime.hpp>

#include "ast/ast_json.hpp"
#include "ast/ast_tree.hpp"
#include "reader/reader.hpp"

namespace sema {

std::optional<std::string> ast_text(std::string_view source, bool json, std::string* error) {
  auto read = rt::read_all(source);
  if (!read) {
    if (error) *error = "Parse error: " + read.error().display();
    return std::nullopt;
  }
  return json ? rt::ast::render_json(read->forms) : rt::ast::render_tree(read->forms);
}

}  // namespace sema
