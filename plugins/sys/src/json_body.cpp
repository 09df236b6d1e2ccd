#include "json_body.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

namespace sys {
namespace {

using Out = std::expected<std::string, std::string>;

void put_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// ryu-style: shortest digits; positional for decimal exponents -5..15 (whole
// values keep ".0"), otherwise d.ddde±X.
void put_float(std::string& out, double d) {
  if (d == 0) {
    out += std::signbit(d) ? "-0.0" : "0.0";
    return;
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(end - buf));
  bool neg = sci.front() == '-';
  if (neg) sci.remove_prefix(1);
  size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits += c;
  int exp = 0;
  std::from_chars(sci.data() + e_pos + 1 + (sci[e_pos + 1] == '+'), sci.data() + sci.size(), exp);
  if (neg) out += '-';
  if (exp >= -5 && exp <= 15) {
    if (exp < 0) {
      out += "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
    } else if (static_cast<size_t>(exp) + 1 >= digits.size()) {
      out += digits + std::string(static_cast<size_t>(exp) + 1 - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, static_cast<size_t>(exp) + 1) + "." + digits.substr(static_cast<size_t>(exp) + 1);
    }
    return;
  }
  out += digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  out += 'e';
  if (exp > 0) out += '+';
  out += std::to_string(exp);
}

std::string key_text(sema_value k) {
  if (sema::is_string(k)) return std::string(sema::string_of(k));
  if (sema_is_keyword(k) || sema_is_symbol(k)) return std::string(sema::id_name(sema_id_of(k)));
  return sema::to_text(k, false);
}

std::optional<std::string> encode(std::string& out, sema_value v);

std::optional<std::string> encode_object(std::string& out, std::vector<std::pair<std::string, sema_value>> members) {
  // Sorted by key text; on equal texts the later entry wins.
  std::stable_sort(members.begin(), members.end(), [](auto& a, auto& b) { return a.first < b.first; });
  out += '{';
  bool first = true;
  for (size_t i = 0; i < members.size(); ++i) {
    if (i + 1 < members.size() && members[i + 1].first == members[i].first) continue;
    if (!first) out += ',';
    first = false;
    put_string(out, members[i].first);
    out += ':';
    if (auto e = encode(out, members[i].second)) return e;
  }
  out += '}';
  return std::nullopt;
}

std::optional<std::string> encode(std::string& out, sema_value v) {
  if (sema_is_float(v)) {
    double d = sema_float_of(v);
    if (!std::isfinite(d)) return "json/encode: cannot encode NaN/Infinity";
    put_float(out, d);
    return std::nullopt;
  }
  if (sema::is_int(v)) {
    out += std::to_string(sema::int_of(v));
    return std::nullopt;
  }
  if (sema_is_nil(v)) {
    out += "null";
    return std::nullopt;
  }
  if (sema_is_bool(v)) {
    out += v == SEMA_TRUE ? "true" : "false";
    return std::nullopt;
  }
  if (sema_is_keyword(v) || sema_is_symbol(v)) {
    put_string(out, sema::id_name(sema_id_of(v)));
    return std::nullopt;
  }
  switch (sema::api->type_of(v)) {
    case SEMA_T_STRING: put_string(out, sema::string_of(v)); return std::nullopt;
    case SEMA_T_LIST:
    case SEMA_T_VECTOR: {
      sema::Seq items(v);
      out += '[';
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        if (auto e = encode(out, items[i])) return e;
      }
      out += ']';
      return std::nullopt;
    }
    case SEMA_T_MAP: {
      std::vector<std::pair<std::string, sema_value>> members;
      for (size_t i = 0, n = sema::api->map_count(v); i < n; ++i) {
        sema_value k, val;
        sema::api->map_entry(v, i, &k, &val);
        members.emplace_back(key_text(k), val);
      }
      return encode_object(out, std::move(members));
    }
    case SEMA_T_HASHMAP: {
      std::vector<std::pair<std::string, sema_value>> members;
      size_t cursor = 0;
      sema_value k, val;
      while (sema::api->hashmap_next(v, &cursor, &k, &val)) members.emplace_back(key_text(k), val);
      return encode_object(out, std::move(members));
    }
    default: return std::string("json/encode: cannot encode ") + sema::api->type_name(v);
  }
}

}  // namespace

std::expected<std::string, std::string> json_encode(sema_value v) {
  std::string out;
  if (auto e = encode(out, v)) return std::unexpected(*e);
  return out;
}

}  // namespace sys
