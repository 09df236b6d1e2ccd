// The printer: write and display forms (language.md §2.2/§2.3, stdlib.md
// §1.3). Iterative with an explicit stack, so a million-deep structure
// prints without deep C++ recursion.
#include "value/hashmap.hpp"
#include "value/interner.hpp"

#include <sema/float_format.hpp>
#include <sema/utf8.hpp>

#include <charconv>

namespace sema::rt {

void format_float(std::string& out, double d) { fmt::append_float_write(out, d); }
std::string format_float_plain(double d) { return fmt::float_plain(d); }

namespace {

void append_int(std::string& out, int64_t i) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, i);
  out.append(buf, r.ptr);
}

void append_char(std::string& out, uint32_t cp) {
  out += "#\\";
  switch (cp) {
    case ' ': out += "space"; return;
    case '\n': out += "newline"; return;
    case '\t': out += "tab"; return;
    case '\r': out += "return"; return;
    case 0: out += "nul"; return;
    default: utf8::append(out, cp);
  }
}

// A collection being printed: its children, how far we got, and its closer.
struct Open {
  SeqView seq;                                     // lists, vectors, record fields
  const MapEntries* entries = nullptr;  // maps
  std::vector<MapEntry> owned;          // hashmaps (sorted copy)
  size_t n = 0;  // children (a map has 2 per entry)
  size_t i = 0;
  char close = ')';

  Word child(size_t k) const {
    if (entries || !owned.empty()) {
      const MapEntry& e = entries ? (*entries)[k / 2] : owned[k / 2];
      return k % 2 == 0 ? e.first : e.second;
    }
    return seq[k];
  }
};

// Writes w if it is a leaf; otherwise writes the opener, fills o and
// returns true so the caller walks the children.
bool print_leaf_or_open(std::string& out, Word w, Open& o) {
  switch (sema_tag(w)) {
    case 0: fmt::append_float_write(out, sema_float_of(w)); return false;
    case SEMA_TAG_INT: append_int(out, sema_small_int_of(w)); return false;
    case SEMA_TAG_CONST: out += w == SEMA_NIL ? "nil" : (w == SEMA_TRUE ? "#t" : "#f"); return false;
    case SEMA_TAG_CHAR: append_char(out, sema_char_of(w)); return false;
    case SEMA_TAG_SYMBOL: out += id_name(sema_id_of(w)); return false;
    case SEMA_TAG_KEYWORD:
      out += ':';
      out += id_name(sema_id_of(w));
      return false;
    case SEMA_TAG_PTR: break;
    default: out += "<?>"; return false;
  }
  Obj* obj = as_obj(w);
  switch (obj->type) {
    case SEMA_T_INT: append_int(out, static_cast<BigIntObj*>(obj)->value); return false;
    case SEMA_T_STRING:
      out += '"';
      out += static_cast<StringObj*>(obj)->text;  // never escaped (§2.2)
      out += '"';
      return false;
    case SEMA_T_BYTEVECTOR: {
      out += "#u8(";
      bool first = true;
      for (uint8_t b : static_cast<BytevectorObj*>(obj)->bytes) {
        if (!first) out += ' ';
        first = false;
        append_int(out, b);
      }
      out += ')';
      return false;
    }
    case SEMA_T_LIST:
    case SEMA_T_VECTOR:
      o.seq = seq_view(w);
      o.n = o.seq.size();
      out += obj->type == SEMA_T_LIST ? '(' : '[';
      o.close = obj->type == SEMA_T_LIST ? ')' : ']';
      return true;
    case SEMA_T_MAP:
      o.entries = &static_cast<MapObj*>(obj)->entries;
      o.n = 2 * o.entries->size();
      out += '{';
      o.close = '}';
      return true;
    case SEMA_T_HASHMAP:
      o.owned = hashmap_sorted_entries(w);
      o.n = 2 * o.owned.size();
      out += '{';
      o.close = '}';
      return true;
    case SEMA_T_RECORD: {
      auto* r = static_cast<RecordObj*>(obj);
      out += "#<record ";
      out += id_name(r->tag);
      o.seq.data = r->fields.data();
      o.seq.n = r->fields.size();
      o.n = o.seq.n;
      o.close = '>';
      if (o.n) out += ' ';  // the walk separates fields from each other only
      return true;
    }
    default: obj->write_opaque(out); return false;
  }
}

}  // namespace

void print(std::string& out, Word w, bool display) {
  if (display && is_type(w, SEMA_T_STRING)) {
    out += string_of(w);
    return;
  }
  Open root;
  if (!print_leaf_or_open(out, w, root)) return;
  std::vector<Open> stack;
  stack.push_back(std::move(root));
  while (!stack.empty()) {
    Open& top = stack.back();
    if (top.i == top.n) {
      out += top.close;
      stack.pop_back();
      continue;
    }
    if (top.i > 0) out += ' ';
    Word child = top.child(top.i++);
    Open next;
    if (print_leaf_or_open(out, child, next)) stack.push_back(std::move(next));  // invalidates top
  }
}

std::string to_text(Word w, bool display) {
  std::string s;
  print(s, w, display);
  return s;
}

}  // namespace sema::rt
