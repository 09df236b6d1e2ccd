#include "ast/ast_json.hpp"

#include "value/interner.hpp"

#include <sema/float_format.hpp>
#include <sema/json_text.hpp>

#include <cmath>
#include <cstdio>

namespace sema::rt::ast {
namespace {

void indent(std::string& out, size_t level) { out.append(2 * level, ' '); }

// One pending piece of output. The walk pops tasks off a stack; a node with
// children pushes its children and its closing text instead of recursing.
struct Task {
  enum class Op { Node, Indent, Separator, Tail, EntryOpen, EntryValue, EntryEnd } op;
  Word w = SEMA_NIL;
  Word val = SEMA_NIL;
  size_t level = 0;
  bool last = false;
  const char* type = "";
};

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  // Writes the node w; the cursor is where the node's `{` goes.
  void node(Word w, size_t level) {
    todo_.push_back({Task::Op::Node, w, SEMA_NIL, level});
    while (!todo_.empty()) {
      Task t = todo_.back();
      todo_.pop_back();
      run(t);
    }
  }

 private:
  void scalar(size_t level, const char* type, const std::string& value) {
    out_ += "{\n";
    indent(out_, level + 1);
    out_ += "\"type\": \"";
    out_ += type;
    out_ += '"';
    if (!value.empty()) {
      out_ += ",\n";
      indent(out_, level + 1);
      out_ += "\"value\": ";
      out_ += value;
    }
    out_ += '\n';
    indent(out_, level);
    out_ += '}';
  }

  std::string quoted(std::string_view s) {
    std::string q;
    sema::json::append_string(q, s);
    return q;
  }

  void open_children(size_t level, const char* key, size_t n, const char* type) {
    out_ += "{\n";
    indent(out_, level + 1);
    out_ += '"';
    out_ += key;
    out_ += "\": [";
    if (n == 0) {
      out_ += "],\n";
      close(level, type);
    } else {
      out_ += '\n';
      todo_.push_back({Task::Op::Tail, SEMA_NIL, SEMA_NIL, level, false, type});
    }
  }

  void close(size_t level, const char* type) {
    indent(out_, level + 1);
    out_ += "\"type\": \"";
    out_ += type;
    out_ += "\"\n";
    indent(out_, level);
    out_ += '}';
  }

  void run(const Task& t) {
    switch (t.op) {
      case Task::Op::Indent: indent(out_, t.level); return;
      case Task::Op::Separator: out_ += t.last ? "\n" : ",\n"; return;
      case Task::Op::Tail:
        indent(out_, t.level + 1);
        out_ += "],\n";
        close(t.level, t.type);
        return;
      case Task::Op::EntryOpen:
        indent(out_, t.level);
        out_ += "{\n";
        indent(out_, t.level + 1);
        out_ += "\"key\": ";
        return;
      case Task::Op::EntryValue:
        out_ += ",\n";
        indent(out_, t.level + 1);
        out_ += "\"value\": ";
        return;
      case Task::Op::EntryEnd:
        out_ += '\n';
        indent(out_, t.level);
        out_ += t.last ? "}\n" : "},\n";
        return;
      case Task::Op::Node: break;
    }
    Word w = t.w;
    size_t level = t.level;
    switch (type_of(w)) {
      case SEMA_T_NIL: scalar(level, "nil", ""); return;
      case SEMA_T_BOOL: scalar(level, "bool", w == SEMA_TRUE ? "true" : "false"); return;
      case SEMA_T_INT: scalar(level, "int", std::to_string(int_of(w))); return;
      case SEMA_T_FLOAT: {
        double d = sema_float_of(w);
        scalar(level, "float", std::isfinite(d) ? fmt::float_json(d) : "null");
        return;
      }
      case SEMA_T_STRING: scalar(level, "string", quoted(string_of(w))); return;
      case SEMA_T_SYMBOL: scalar(level, "symbol", quoted(id_name(sema_id_of(w)))); return;
      case SEMA_T_KEYWORD: scalar(level, "keyword", quoted(id_name(sema_id_of(w)))); return;
      case SEMA_T_LIST:
      case SEMA_T_VECTOR: {
        SeqView s = seq_view(w);
        open_children(level, "children", s.size(), is_type(w, SEMA_T_LIST) ? "list" : "vector");
        // Last child first, so the first child's output comes out first.
        for (size_t i = s.size(); i-- > 0;) {
          todo_.push_back({Task::Op::Separator, SEMA_NIL, SEMA_NIL, 0, i + 1 == s.size()});
          todo_.push_back({Task::Op::Node, s[i], SEMA_NIL, level + 2});
          todo_.push_back({Task::Op::Indent, SEMA_NIL, SEMA_NIL, level + 2});
        }
        return;
      }
      case SEMA_T_MAP: {
        const auto& entries = static_cast<MapObj*>(as_obj(w))->entries;
        open_children(level, "entries", entries.size(), "map");
        for (size_t i = entries.size(); i-- > 0;) {
          size_t el = level + 2;
          todo_.push_back({Task::Op::EntryEnd, SEMA_NIL, SEMA_NIL, el, i + 1 == entries.size()});
          todo_.push_back({Task::Op::Node, entries[i].second, SEMA_NIL, el + 1});
          todo_.push_back({Task::Op::EntryValue, SEMA_NIL, SEMA_NIL, el});
          todo_.push_back({Task::Op::Node, entries[i].first, SEMA_NIL, el + 1});
          todo_.push_back({Task::Op::EntryOpen, SEMA_NIL, SEMA_NIL, el});
        }
        return;
      }
      default: scalar(level, type_name(w), ""); return;
    }
  }

  std::string& out_;
  std::vector<Task> todo_;
};

}  // namespace

std::string render_json(const std::vector<Value>& forms) {
  std::string out;
  JsonWriter writer(out);
  if (forms.size() == 1) {
    writer.node(forms[0].get(), 0);
  } else if (forms.empty()) {
    out += "[]";
  } else {
    out += "[\n";
    for (size_t i = 0; i < forms.size(); ++i) {
      indent(out, 1);
      writer.node(forms[i].get(), 1);
      out += i + 1 == forms.size() ? "\n" : ",\n";
    }
    out += ']';
  }
  out += '\n';
  return out;
}

}  // namespace sema::rt::ast
