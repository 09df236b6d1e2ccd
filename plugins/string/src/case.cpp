// Case mapping and whitespace trimming (stdlib.md §3.1): full Unicode case
// mapping and the White_Space property, through unicode.hpp.
#include "string_common.hpp"
#include "unicode.hpp"

namespace sema_string {
namespace {

using sema::want_string;

// A builtin taking one string and returning fn(string).
template <std::string (*Fn)(std::string_view)>
Result<Value> map_string(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  return Value::string(Fn(*s));
}

std::string trim(std::string_view s) { return std::string(unicode::trim_right(unicode::trim_left(s))); }
std::string trim_left(std::string_view s) { return std::string(unicode::trim_left(s)); }
std::string trim_right(std::string_view s) { return std::string(unicode::trim_right(s)); }

// First code point upper-cased (full mapping), the rest lower-cased.
void append_capitalized(std::string& out, std::string_view word) {
  if (word.empty()) return;
  size_t i = 0;
  unicode::append_upper(out, sema::utf8::next(word, i));
  out += unicode::to_lower(word.substr(i));
}

std::string capitalize(std::string_view s) {
  std::string out;
  append_capitalized(out, s);
  return out;
}

// Words are the runs between Unicode whitespace; they are capitalized and
// joined with single spaces (so outer whitespace disappears).
std::string title_case(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    bool space = unicode::is_whitespace(sema::utf8::next(s, i));
    if (space) continue;
    size_t end = i;
    while (end < s.size()) {
      size_t k = end;
      if (unicode::is_whitespace(sema::utf8::next(s, k))) break;
      end = k;
    }
    if (!out.empty()) out += ' ';
    append_capitalized(out, s.substr(start, end - start));
    i = end;
  }
  return out;
}

}  // namespace

void register_case(sema::Registry& r) {
  r.add<map_string<trim>>("string/trim", 1, 1);
  r.add<map_string<trim_left>>("string/trim-left", 1, 1);
  r.add<map_string<trim_right>>("string/trim-right", 1, 1);
  r.add<map_string<unicode::to_upper>>("string/upper", 1, 1);
  r.add<map_string<unicode::to_lower>>("string/lower", 1, 1);
  r.add<map_string<capitalize>>("string/capitalize", 1, 1);
  r.add<map_string<title_case>>("string/title-case", 1, 1);
}

}  // namespace sema_string
