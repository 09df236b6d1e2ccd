#include "regex_syntax.hpp"

namespace sema_string {
namespace {

// The members of each Unicode class, written to sit inside [...].
// \w: Alphabetic (approximated by L, Nl and the marks M that hold almost all
// of Other_Alphabetic), M, Nd, Pc and Join_Control.
constexpr std::string_view kWord = R"(\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}\x{200C}\x{200D})";
// \s: the White_Space property.
constexpr std::string_view kSpace = R"(\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000})";

}  // namespace

std::string to_re2_syntax(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 16);
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      char e = p[++i];
      switch (e) {
        case 'd': out += R"(\p{Nd})"; continue;
        case 'D': out += R"(\P{Nd})"; continue;
        case 'w':
        case 's': {
          std::string_view members = e == 'w' ? kWord : kSpace;
          if (in_class) {
            out += members;
          } else {
            out += '[';
            out += members;
            out += ']';
          }
          continue;
        }
        case 'W':
        case 'S':
          if (in_class) break;  // ASCII meaning (see the header)
          out += "[^";
          out += e == 'W' ? kWord : kSpace;
          out += ']';
          continue;
        default: break;
      }
      out += '\\';
      out += e;
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') {  // [:alpha:] stays whole
        size_t end = p.find(":]", i + 2);
        if (end != std::string_view::npos) {
          out.append(p.substr(i, end + 2 - i));
          i = end + 1;
          continue;
        }
      }
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal member.
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
      continue;
    }
    if (c == '(' && p.substr(i).starts_with("(?<") && i + 3 < p.size() && p[i + 3] != '=' && p[i + 3] != '!') {
      out += "(?P<";
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace sema_string
