// regex/* (stdlib.md §3.4) on RE2. Patterns are in the Rust `regex` dialect
// (translated by regex_syntax.cpp); positions are byte offsets; iteration and
// `$` replacement expansion follow the Rust crate.
#include "regex_syntax.hpp"
#include "string_common.hpp"

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <unordered_map>

namespace sema_string {
namespace {

using sema::want_string;
using Piece = re2::StringPiece;

// The spec compiles on every call; a small per-thread cache of compiled
// patterns gives the same results without recompiling in loops.
Result<std::shared_ptr<const RE2>> compile(std::string_view pattern) {
  thread_local std::unordered_map<std::string, std::shared_ptr<const RE2>> cache;
  std::string key(pattern);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(int64_t{64} << 20);  // Unicode classes need more than the 8 MiB default
  auto re = std::make_shared<const RE2>(to_re2_syntax(pattern), opts);
  if (!re->ok()) return sema::eval_error("invalid regex: " + re->error());
  if (cache.size() >= 64) cache.clear();
  cache.emplace(std::move(key), re);
  return re;
}

// One match: group 0 is the whole match; a group that did not take part has
// a null data pointer.
struct Match {
  std::vector<Piece> groups;
  size_t start(std::string_view text) const { return static_cast<size_t>(groups[0].data() - text.data()); }
  size_t end(std::string_view text) const { return start(text) + groups[0].size(); }
};

// Calls fn(const Match&) for the matches of re in text, left to right,
// non-overlapping, like Rust's find_iter: after an empty match the search
// resumes one char later, and an empty match right where the previous match
// ended is skipped. fn returns false to stop. Stops after `limit` matches.
template <class Fn>
void for_each_match(const RE2& re, std::string_view text, size_t limit, Fn&& fn) {
  Match m;
  m.groups.resize(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  const Piece input(text.data(), text.size());
  size_t pos = 0, found = 0;
  std::optional<size_t> last_match_end;
  while (pos <= text.size() && found < limit) {
    if (!re.Match(input, pos, text.size(), RE2::UNANCHORED, m.groups.data(), static_cast<int>(m.groups.size()))) break;
    size_t s = m.start(text), e = m.end(text);
    if (s == e) {
      size_t next = e;
      if (next < text.size()) sema::utf8::next(text, next);
      pos = next == e ? e + 1 : next;
      if (last_match_end == e) continue;
    } else {
      pos = e;
    }
    last_match_end = e;
    ++found;
    fn(m);
  }
}

Piece group(const RE2& re, const Match& m, std::string_view ref) {
  // A name made of digits is a group number; unknown groups expand to "".
  bool digits = !ref.empty() && ref.find_first_not_of("0123456789") == std::string_view::npos;
  if (digits) {
    if (ref.size() > 9) return {};
    size_t n = std::stoul(std::string(ref));
    return n < m.groups.size() ? m.groups[n] : Piece();
  }
  const auto& names = re.NamedCapturingGroups();
  auto it = names.find(std::string(ref));
  return it == names.end() ? Piece() : m.groups[static_cast<size_t>(it->second)];
}

bool is_cap_letter(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Rust's Captures::expand: $$ → $, ${name} (anything up to '}'), $name (the
// longest [A-Za-z0-9_] run); a '$' that starts no reference is literal.
void expand(std::string& out, const RE2& re, const Match& m, std::string_view rep) {
  size_t i = 0;
  while (i < rep.size()) {
    size_t dollar = rep.find('$', i);
    if (dollar == std::string_view::npos) break;
    out.append(rep.substr(i, dollar - i));
    i = dollar;
    if (i + 1 < rep.size() && rep[i + 1] == '$') {
      out += '$';
      i += 2;
      continue;
    }
    std::optional<std::string_view> ref;
    size_t after = i + 1;
    if (after < rep.size() && rep[after] == '{') {
      size_t close = rep.find('}', after + 1);
      if (close != std::string_view::npos) {
        ref = rep.substr(after + 1, close - after - 1);
        after = close + 1;
      }
    } else {
      size_t k = after;
      while (k < rep.size() && is_cap_letter(rep[k])) ++k;
      if (k > after) {
        ref = rep.substr(after, k - after);
        after = k;
      }
    }
    if (!ref) {
      out += '$';
      ++i;
      continue;
    }
    Piece g = group(re, m, *ref);
    out.append(g.data() ? g.data() : "", g.size());
    i = after;
  }
  out.append(rep.substr(i));
}

// The pattern and the text, and a third string for the replace builtins.
struct RegexArgs {
  std::shared_ptr<const RE2> re;
  std::string_view text;
  std::string_view replacement;
};
Result<RegexArgs> regex_args(Args a) {
  for (size_t i = 0; i < a.size(); ++i)
    if (!sema::is_string(a[i])) return sema::type_error("string", a[i]);
  auto re = compile(sema::string_of(a[0]));
  if (!re) return std::unexpected(re.error());
  if (a.size() == 3) return RegexArgs{*re, sema::string_of(a[2]), sema::string_of(a[1])};
  return RegexArgs{*re, sema::string_of(a[1]), {}};
}

Result<Value> match_p(sema_ctx*, Args a) {
  auto r = regex_args(a);
  if (!r) return std::unexpected(r.error());
  return Value::boolean(r->re->Match(Piece(r->text.data(), r->text.size()), 0, r->text.size(), RE2::UNANCHORED,
                                     nullptr, 0));
}

Value piece_value(const Piece& p) { return p.data() ? Value::string(std::string_view(p.data(), p.size())) : Value::nil(); }

// {:end E :groups (g1 …) :match "whole" :start S}, or nil.
Result<Value> match(sema_ctx*, Args a) {
  auto r = regex_args(a);
  if (!r) return std::unexpected(r.error());
  Value result = Value::nil();
  for_each_match(*r->re, r->text, 1, [&](const Match& m) {
    std::vector<Value> groups;
    for (size_t g = 1; g < m.groups.size(); ++g) groups.push_back(piece_value(m.groups[g]));
    Value map = Value::own(sema::api->make_map());
    auto set = [&](std::string_view key, Value v) {
      Value k = Value::keyword(key);
      map = Value::own(sema::api->map_assoc(map.release(), k.get(), v.get()));
    };
    set("start", Value::integer(static_cast<int64_t>(m.start(r->text))));
    set("end", Value::integer(static_cast<int64_t>(m.end(r->text))));
    set("match", piece_value(m.groups[0]));
    set("groups", Value::list(std::move(groups)));
    result = std::move(map);
  });
  return result;
}

Result<Value> find_all(sema_ctx*, Args a) {
  auto r = regex_args(a);
  if (!r) return std::unexpected(r.error());
  std::vector<Value> found;
  for_each_match(*r->re, r->text, SIZE_MAX, [&](const Match& m) { found.push_back(piece_value(m.groups[0])); });
  return Value::list(std::move(found));
}

template <size_t Limit>
Result<Value> replace(sema_ctx*, Args a) {
  auto r = regex_args(a);
  if (!r) return std::unexpected(r.error());
  std::string out;
  size_t last = 0;
  for_each_match(*r->re, r->text, Limit, [&](const Match& m) {
    out.append(r->text.substr(last, m.start(r->text) - last));
    expand(out, *r->re, m, r->replacement);
    last = m.end(r->text);
  });
  out.append(r->text.substr(last));
  return Value::string(out);
}

// The pieces between matches, empty ones included; "" → ("").
Result<Value> split(sema_ctx*, Args a) {
  auto r = regex_args(a);
  if (!r) return std::unexpected(r.error());
  std::vector<std::string_view> parts;
  size_t last = 0;
  for_each_match(*r->re, r->text, SIZE_MAX, [&](const Match& m) {
    parts.push_back(r->text.substr(last, m.start(r->text) - last));
    last = m.end(r->text);
  });
  parts.push_back(r->text.substr(last));
  return list_of_strings(parts);
}

}  // namespace

void register_regex(sema::Registry& r) {
  r.add<match_p>("regex/match?", 2, 2);
  r.add<match>("regex/match", 2, 2);
  r.add<find_all>("regex/find-all", 2, 2);
  r.add<replace<1>>("regex/replace", 3, 3);
  r.add<replace<SIZE_MAX>>("regex/replace-all", 3, 3);
  r.add<split>("regex/split", 2, 2);
}

}  // namespace sema_string
