// JSON string escaping shared by the runtime (sema ast --json) and the
// plugins (json/encode, HTTP bodies): serde_json's rules.
#pragma once

#include <string>
#include <string_view>

namespace sema::json {

// Appends s as a JSON string: \" \\ \b \f \n \r \t, other control characters
// as \u00xx (lowercase hex); everything else (non-ASCII, '/', DEL) raw.
inline void append_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
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
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

}  // namespace sema::json
