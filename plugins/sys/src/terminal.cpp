// ANSI styling (stdlib.md §7.2). Codes are always emitted, terminal or not.
#include "common.hpp"

#include <array>
#include <sema/utf8.hpp>

namespace sys {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

struct Style {
  std::string_view name;
  std::string_view code;
};
constexpr std::array<Style, 15> kStyles{{{"bold", "1"},
                                         {"dim", "2"},
                                         {"italic", "3"},
                                         {"underline", "4"},
                                         {"inverse", "7"},
                                         {"strikethrough", "9"},
                                         {"black", "30"},
                                         {"red", "31"},
                                         {"green", "32"},
                                         {"yellow", "33"},
                                         {"blue", "34"},
                                         {"magenta", "35"},
                                         {"cyan", "36"},
                                         {"white", "37"},
                                         {"gray", "90"}}};

std::string wrap(std::string_view text, std::string_view codes) {
  std::string s = "\x1b[";
  s += codes;
  s += 'm';
  s += text;
  s += "\x1b[0m";
  return s;
}

// One builtin body per style; the code comes from the registration's data.
Result<Value> styled(sema_ctx* ctx, Args a) {
  auto* style = static_cast<const Style*>(sema::api->native_data(ctx));
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  return Value::string(wrap(*text, style->code));
}

Result<Value> style(sema_ctx*, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  std::string codes;
  for (size_t i = 1; i < a.size(); ++i) {
    if (!sema_is_keyword(a[i])) return sema::type_error("keyword", a[i]);
    std::string_view name = sema::id_name(sema_id_of(a[i]));
    const Style* found = nullptr;
    for (const auto& s : kStyles)
      if (s.name == name) found = &s;
    if (!found) return sema::eval_error("term/style: unknown style keyword :" + std::string(name));
    if (!codes.empty()) codes += ';';
    codes += found->code;
  }
  if (codes.empty()) return Value::borrow(a[0]);
  return Value::string(wrap(*text, codes));
}

Result<Value> strip(sema_ctx*, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  std::string_view s = *text;
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\x1b') {
      size_t start = i;
      sema::utf8::next(s, i);
      out.append(s.substr(start, i - start));
      continue;
    }
    ++i;  // the ESC itself
    if (i < s.size() && s[i] == '[') {
      size_t m = s.find('m', i);  // ESC[ … m; unterminated runs to the end
      i = m == std::string_view::npos ? s.size() : m + 1;
    } else if (i < s.size()) {
      sema::utf8::next(s, i);  // any other ESC drops the next character too
    }
  }
  return Value::string(out);
}

Result<Value> rgb(sema_ctx*, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  std::string codes = "38;2";
  for (size_t i = 1; i < 4; ++i) {
    if (!sema::is_int(a[i])) return sema::type_error("integer", a[i]);
    codes += ';' + std::to_string(sema::int_of(a[i]));
  }
  return Value::string(wrap(*text, codes));
}

}  // namespace

void register_terminal(sema::Registry& r) {
  static const std::array<std::string, kStyles.size()> names = [] {
    std::array<std::string, kStyles.size()> n;
    for (size_t i = 0; i < kStyles.size(); ++i) n[i] = "term/" + std::string(kStyles[i].name);
    return n;
  }();
  for (size_t i = 0; i < kStyles.size(); ++i) {
    sema::BuiltinOptions o;
    o.data = const_cast<Style*>(&kStyles[i]);
    r.add<styled>(names[i].c_str(), 1, 1, std::move(o));
  }
  r.add<style>("term/style", 1, SEMA_ARITY_VARIADIC).add<strip>("term/strip", 1, 1).add<rgb>("term/rgb", 4, 4);
}

}  // namespace sys
