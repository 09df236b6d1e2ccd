#include "ast/ast_tree.hpp"

#include "reader/rust_text.hpp"
#include "value/interner.hpp"

#include <sema/float_format.hpp>

namespace sema::rt::ast {
namespace {

struct Item {
  Word w;
  size_t depth;
  bool entry;  // an `Entry` line: w is the key, val the value
  Word val;
};

void line_for(std::string& out, Word w) {
  switch (type_of(w)) {
    case SEMA_T_NIL: out += "Nil"; break;
    case SEMA_T_BOOL: out += w == SEMA_TRUE ? "Bool true" : "Bool false"; break;
    case SEMA_T_INT: out += "Int " + std::to_string(int_of(w)); break;
    case SEMA_T_FLOAT: out += "Float " + fmt::float_plain(sema_float_of(w)); break;
    case SEMA_T_STRING:
      out += "String ";
      rust::debug_str(out, string_of(w));
      break;
    case SEMA_T_SYMBOL:
      out += "Symbol ";
      out += id_name(sema_id_of(w));
      break;
    case SEMA_T_KEYWORD:
      out += "Keyword :";
      out += id_name(sema_id_of(w));
      break;
    case SEMA_T_LIST: out += "List"; break;
    case SEMA_T_VECTOR: out += "Vector"; break;
    case SEMA_T_MAP: out += "Map"; break;
    default: out += type_name(w); break;
  }
}

}  // namespace

std::string render_tree(const std::vector<Value>& forms) {
  std::string out;
  std::vector<Item> todo;
  for (size_t f = 0; f < forms.size(); ++f) {
    if (f > 0) out += '\n';
    todo.push_back({forms[f].get(), 0, false, SEMA_NIL});
    while (!todo.empty()) {
      Item it = todo.back();
      todo.pop_back();
      out.append(2 * it.depth, ' ');
      if (it.entry) {
        out += "Entry\n";
        todo.push_back({it.val, it.depth + 1, false, SEMA_NIL});
        todo.push_back({it.w, it.depth + 1, false, SEMA_NIL});
        continue;
      }
      line_for(out, it.w);
      out += '\n';
      // Children go on the stack last-first so they come out in order.
      if (is_type(it.w, SEMA_T_MAP)) {
        const auto& entries = static_cast<MapObj*>(as_obj(it.w))->entries;
        for (size_t i = entries.size(); i-- > 0;)
          todo.push_back({entries[i].first, it.depth + 1, true, entries[i].second});
      } else if (is_type(it.w, SEMA_T_LIST) || is_type(it.w, SEMA_T_VECTOR)) {
        SeqView s = seq_view(it.w);
        for (size_t i = s.size(); i-- > 0;) todo.push_back({s[i], it.depth + 1, false, SEMA_NIL});
      }
    }
  }
  return out;
}

}  // namespace sema::rt::ast
