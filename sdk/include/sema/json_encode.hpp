// The json/encode rules of stdlib.md §5.7 over the C ABI, header-only so the
// io plugin (json/encode) and the sys plugin (HTTP bodies) share one encoder:
// members sorted bytewise by key string, floats in ryu layout
// (sema::fmt::float_json), keywords and symbols by name.
#pragma once

#include <sema/float_format.hpp>
#include <sema/json_text.hpp>
#include <sema/sema.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace sema::json {

// A map key as JSON member name: strings as is, keywords/symbols by name,
// anything else in write form.
inline std::string key_text(sema_value k) {
  if (sema::is_string(k)) return std::string(sema::string_of(k));
  if (sema_is_keyword(k) || sema_is_symbol(k)) return std::string(sema::id_name(sema_id_of(k)));
  return sema::to_text(k, false);
}

inline constexpr int kMaxDepth = 10000;

class Encoder {
 public:
  explicit Encoder(bool pretty) : pretty_(pretty) {}
  std::string& text() { return out_; }

  Result<void> value(sema_value v, int depth) {
    // Deeply nested input must not exhaust the native stack (no crashes).
    if (depth > kMaxDepth) return eval_error("json/encode: recursion limit exceeded");
    if (sema_is_float(v)) {
      double d = sema_float_of(v);
      if (d != d || d - d != 0) return eval_error("json/encode: cannot encode NaN/Infinity");
      out_ += sema::fmt::float_json(d);
      return {};
    }
    if (sema::is_int(v)) {
      out_ += std::to_string(sema::int_of(v));
      return {};
    }
    if (v == SEMA_NIL) return raw("null");
    if (v == SEMA_TRUE) return raw("true");
    if (v == SEMA_FALSE) return raw("false");
    if (sema_is_keyword(v) || sema_is_symbol(v)) {
      append_string(out_, sema::id_name(sema_id_of(v)));
      return {};
    }
    switch (sema_is_ptr(v) ? sema::api->type_of(v) : SEMA_T_OTHER) {
      case SEMA_T_STRING: append_string(out_, sema::string_of(v)); return {};
      case SEMA_T_LIST:
      case SEMA_T_VECTOR: return array(v, depth);
      case SEMA_T_MAP:
      case SEMA_T_HASHMAP: return object(v, depth);
      default: return eval_error(std::string("json/encode: cannot encode ") + sema::api->type_name(v));
    }
  }

 private:
  Result<void> raw(const char* s) {
    out_ += s;
    return {};
  }

  void newline(int depth) {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(static_cast<size_t>(depth) * 2, ' ');
  }

  Result<void> array(sema_value v, int depth) {
    sema::Seq items(v);
    if (items.size() == 0) return raw("[]");
    out_ += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out_ += ',';
      newline(depth + 1);
      if (auto r = value(items[i], depth + 1); !r) return r;
    }
    newline(depth);
    out_ += ']';
    return {};
  }

  Result<void> object(sema_value m, int depth) {
    struct Member {
      std::string key;
      sema_value val;
    };
    std::vector<Member> members;
    auto add = [&](sema_value k, sema_value val) { members.push_back({key_text(k), val}); };
    if (sema::api->type_of(m) == SEMA_T_MAP) {
      size_t n = sema::api->map_count(m);
      for (size_t i = 0; i < n; ++i) {
        sema_value k = SEMA_NIL, val = SEMA_NIL;
        sema::api->map_entry(m, i, &k, &val);
        add(k, val);
      }
    } else {
      size_t cursor = 0;
      sema_value k = SEMA_NIL, val = SEMA_NIL;
      while (sema::api->hashmap_next(m, &cursor, &k, &val)) add(k, val);
    }
    // Sorted by key text; among equal texts the later one (iteration order) wins.
    std::stable_sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.key < b.key; });
    if (members.empty()) return raw("{}");
    out_ += '{';
    bool first = true;
    for (size_t i = 0; i < members.size(); ++i) {
      if (i + 1 < members.size() && members[i + 1].key == members[i].key) continue;
      if (!first) out_ += ',';
      first = false;
      newline(depth + 1);
      append_string(out_, members[i].key);
      out_ += pretty_ ? ": " : ":";
      if (auto r = value(members[i].val, depth + 1); !r) return r;
    }
    newline(depth);
    out_ += '}';
    return {};
  }

  bool pretty_;
  std::string out_;
};

// The JSON text of v (compact, or 2-space indented when pretty).
inline Result<std::string> encode(sema_value v, bool pretty) {
  Encoder e(pretty);
  if (auto r = e.value(v, 0); !r) return std::unexpected(r.error());
  return std::move(e.text());
}

}  // namespace sema::json
