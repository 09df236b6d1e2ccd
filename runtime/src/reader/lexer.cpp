#include "reader/lexer.hpp"

#include "reader/unicode.hpp"

#include <sema/utf8.hpp>

#include <fast_float/fast_float.h>

#include <array>
#include <charconv>
#include <cstring>

namespace sema::rt::reader {
namespace {

// ASCII character classes of §1.6: symbol start characters, and the
// characters that may continue a symbol (start characters plus digits).
struct CharClasses {
  std::array<bool, 128> start{};
  std::array<bool, 128> cont{};
  constexpr CharClasses() {
    for (int c = 'a'; c <= 'z'; ++c) start[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) start[c] = true;
    for (char c : std::string_view("+-*/!?<>=_&%^~.")) start[static_cast<unsigned char>(c)] = true;
    cont = start;
    for (int c = '0'; c <= '9'; ++c) cont[c] = true;
  }
};
constexpr CharClasses kClasses;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
uint32_t hex_value(char c) { return is_digit(c) ? static_cast<uint32_t>(c - '0') : static_cast<uint32_t>((c | 0x20) - 'a' + 10); }

std::string quoted_char(uint32_t cp) {
  std::string s = "'";
  utf8::append(s, cp);
  s += '\'';
  return s;
}

}  // namespace

Lexer::Lexer(std::string_view src) : src_(src) {
  if (src_.starts_with("#!")) {
    size_t nl = src_.find('\n');
    pos_ = nl == std::string_view::npos ? src_.size() : nl;
    anchor_ = pos_;  // the newline resets the column; nothing before it is ever asked for
  }
}

Span Lexer::span_at(size_t byte) {
  // Count scalar values (bytes that are not UTF-8 continuation bytes).
  for (; anchor_ < byte; ++anchor_)
    if ((static_cast<unsigned char>(src_[anchor_]) & 0xC0) != 0x80) ++anchor_col_;
  return Span{line_, anchor_col_};
}

void Lexer::newline_at(size_t byte) {
  ++line_;
  anchor_ = byte + 1;
  anchor_col_ = 1;
}

void Lexer::skip_space() {
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++pos_;
    } else if (c == '\n') {
      newline_at(pos_);
      ++pos_;
    } else if (c == ';') {
      const void* nl = std::memchr(src_.data() + pos_, '\n', src_.size() - pos_);
      pos_ = nl ? static_cast<size_t>(static_cast<const char*>(nl) - src_.data()) : src_.size();
    } else {
      return;
    }
  }
}

size_t Lexer::symbol_run(size_t i) const {
  while (i < src_.size()) {
    auto b = static_cast<unsigned char>(src_[i]);
    if (b < 0x80) {
      if (!kClasses.cont[b]) break;
      ++i;
    } else {
      size_t j = i;
      if (!unicode::is_alphabetic(utf8::next(src_, j))) break;
      i = j;
    }
  }
  return i;
}

Result<void> Lexer::drain() {
  Token t;
  do {
    if (auto r = next(t); !r) return r;
  } while (t.kind != Tok::End);
  return {};
}

Result<void> Lexer::next(Token& t) {
  skip_space();
  if (pos_ >= src_.size()) {
    t.kind = Tok::End;
    t.span = Span{};
    return {};
  }
  t.span = span_at(pos_);
  const char c = src_[pos_];
  auto single = [&](Tok k) {
    t.kind = k;
    ++pos_;
    return Result<void>{};
  };
  switch (c) {
    case '(': return single(Tok::LParen);
    case ')': return single(Tok::RParen);
    case '[': return single(Tok::LBracket);
    case ']': return single(Tok::RBracket);
    case '{': return single(Tok::LBrace);
    case '}': return single(Tok::RBrace);
    case '\'': return single(Tok::Quote);
    case '`': return single(Tok::Quasiquote);
    case ',':
      if (pos_ + 1 < src_.size() && src_[pos_ + 1] == '@') {
        pos_ += 2;
        t.kind = Tok::UnquoteSplice;
        return {};
      }
      return single(Tok::Unquote);
    case '"': return lex_string(t);
    case '#': return lex_hash(t);
    case ':': {
      size_t end = symbol_run(pos_ + 1);
      if (end == pos_ + 1) return reader_error(t.span, "expected keyword name after ':'");
      t.kind = Tok::Keyword;
      t.name = src_.substr(pos_ + 1, end - pos_ - 1);
      pos_ = end;
      return {};
    }
    default: break;
  }
  if (is_digit(c) || (c == '-' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) return lex_number(t);
  auto b = static_cast<unsigned char>(c);
  if (b < 0x80) {
    if (kClasses.start[b]) {
      lex_symbol(t);
      return {};
    }
    return reader_error(t.span, "unexpected character: " + quoted_char(b));
  }
  size_t j = pos_;
  uint32_t cp = utf8::next(src_, j);
  if (unicode::is_alphabetic(cp)) {
    lex_symbol(t);
    return {};
  }
  return reader_error(t.span, "unexpected character: " + quoted_char(cp));
}

void Lexer::lex_symbol(Token& t) {
  size_t end = symbol_run(pos_);
  std::string_view name = src_.substr(pos_, end - pos_);
  pos_ = end;
  if (name == "true" || name == "false") {
    t.kind = Tok::Bool;
    t.b = name == "true";
  } else if (name == "nil") {
    t.kind = Tok::Nil;
  } else if (name == ".") {
    t.kind = Tok::Dot;
  } else {
    t.kind = Tok::Symbol;
    t.name = name;
  }
}

Result<void> Lexer::lex_number(Token& t) {
  const size_t start = pos_;
  const size_t n = src_.size();
  size_t i = start + (src_[start] == '-');
  while (i < n && is_digit(src_[i])) ++i;
  bool is_float = false;
  // A fraction needs a digit on each side of the dot: `5.` is Int 5 then Dot.
  if (i + 1 < n && src_[i] == '.' && is_digit(src_[i + 1])) {
    is_float = true;
    i += 1;
    while (i < n && is_digit(src_[i])) ++i;
  }
  // Exponent (decisions.md #5): only when digits follow `e`/`e+`/`e-`; else
  // the number ends before the `e` (`1e` is Int 1 then symbol `e`).
  if (i < n && (src_[i] == 'e' || src_[i] == 'E')) {
    size_t k = i + 1;
    if (k < n && (src_[k] == '+' || src_[k] == '-')) ++k;
    if (k < n && is_digit(src_[k])) {
      is_float = true;
      i = k;
      while (i < n && is_digit(src_[i])) ++i;
    }
  }
  const char* first = src_.data() + start;
  const char* last = src_.data() + i;
  pos_ = i;
  if (is_float) {
    // Out-of-range exponents give ±inf or ±0, as Rust's f64 parsing does.
    double d = 0;
    auto r = fast_float::from_chars(first, last, d);
    if (r.ptr != last) return reader_error(t.span, "invalid float: " + std::string(first, last));
    t.kind = Tok::Float;
    t.f = d;
    return {};
  }
  int64_t v = 0;
  auto r = std::from_chars(first, last, v);
  if (r.ec != std::errc() || r.ptr != last) return reader_error(t.span, "invalid integer: " + std::string(first, last));
  t.kind = Tok::Int;
  t.i = v;
  return {};
}

Result<void> Lexer::lex_string(Token& t) {
  const Span at = t.span;
  const size_t n = src_.size();
  t.kind = Tok::String;
  t.text.clear();
  size_t i = pos_ + 1;
  for (;;) {
    // Copy the plain run up to the next quote, backslash or newline.
    size_t run = i;
    while (run < n && src_[run] != '"' && src_[run] != '\\' && src_[run] != '\n') ++run;
    t.text.append(src_.data() + i, run - i);
    i = run;
    if (i >= n) return reader_error(at, "unterminated string");
    char c = src_[i];
    if (c == '"') {
      pos_ = i + 1;
      return {};
    }
    if (c == '\n') {
      t.text += '\n';
      newline_at(i);
      ++i;
      continue;
    }
    // A backslash escape.
    if (i + 1 >= n) return reader_error(at, "unterminated string");
    char e = src_[i + 1];
    switch (e) {
      case 'n': t.text += '\n'; i += 2; continue;
      case 't': t.text += '\t'; i += 2; continue;
      case 'r': t.text += '\r'; i += 2; continue;
      case '\\': t.text += '\\'; i += 2; continue;
      case '"': t.text += '"'; i += 2; continue;
      case '0': t.text += '\0'; i += 2; continue;
      case 'x': {
        size_t h = i + 2;
        while (h < n && is_hex(src_[h])) ++h;
        std::string hex(src_.substr(i + 2, h - (i + 2)));
        if (hex.empty()) return reader_error(at, "empty hex escape \\x;");
        if (h >= n || src_[h] != ';') return reader_error(at, "hex escape \\x missing terminating semicolon");
        uint64_t v = 0;
        for (char d : hex) {
          v = v * 16 + hex_value(d);
          if (v > 0xFFFFFFFFull) return reader_error(at, "invalid hex escape \\x" + hex + ";");
        }
        if (!utf8::is_scalar(v)) return reader_error(at, "invalid unicode scalar value \\x" + hex + ";");
        utf8::append(t.text, static_cast<uint32_t>(v));
        i = h + 1;
        continue;
      }
      case 'u':
      case 'U': {
        const size_t digits = e == 'u' ? 4 : 8;
        uint64_t v = 0;
        for (size_t k = 0; k < digits; ++k) {
          size_t p = i + 2 + k;
          if (p >= n || !is_hex(src_[p]))
            return reader_error(at, std::string("\\") + e + " escape requires exactly " + std::to_string(digits) + " hex digits");
          v = v * 16 + hex_value(src_[p]);
        }
        if (!utf8::is_scalar(v))
          return reader_error(at, std::string("invalid unicode scalar value \\") + e + std::string(src_.substr(i + 2, digits)));
        utf8::append(t.text, static_cast<uint32_t>(v));
        i += 2 + digits;
        continue;
      }
      default:
        // Unknown escapes keep the backslash; the next character is copied
        // (or handled, if it is a newline or a quote) by the next round.
        t.text += '\\';
        i += 1;
        continue;
    }
  }
}

Result<void> Lexer::lex_hash(Token& t) {
  const size_t n = src_.size();
  if (pos_ + 1 >= n) return reader_error(t.span, "unexpected end of input after #");
  char c = src_[pos_ + 1];
  if (c == 't' || c == 'f') {
    // Only the two characters are consumed: `#true` is #t then `rue`.
    t.kind = Tok::Bool;
    t.b = c == 't';
    pos_ += 2;
    return {};
  }
  if (c == '\\') return lex_char(t, t.span);
  if (src_.substr(pos_ + 1, 3) == "u8(") {
    t.kind = Tok::BytevectorStart;
    pos_ += 4;
    return {};
  }
  size_t j = pos_ + 1;
  return reader_error(t.span, "unexpected character after #: " + quoted_char(utf8::next(src_, j)));
}

Result<void> Lexer::lex_char(Token& t, Span at) {
  const size_t start = pos_ + 2;  // after `#\`
  if (start >= src_.size()) return reader_error(at, "unexpected end of input after #\\");
  size_t j = start;
  uint32_t cp = utf8::next(src_, j);
  t.kind = Tok::Char;
  if (!unicode::is_alphabetic(cp)) {
    // Any other character stands for itself, alone: `#\(`, `#\1`, `#\ `.
    if (cp == '\n') newline_at(start);
    t.c = cp;
    pos_ = j;
    return {};
  }
  size_t end = symbol_run(start);
  std::string_view run = src_.substr(start, end - start);
  pos_ = end;
  if (end == j) {
    t.c = cp;
    return {};
  }
  static constexpr std::pair<std::string_view, uint32_t> kNames[] = {
      {"space", 0x20}, {"newline", 0x0A}, {"tab", 0x09}, {"return", 0x0D}, {"nul", 0x00}};
  for (auto [name, value] : kNames) {
    if (run == name) {
      t.c = value;
      return {};
    }
  }
  return reader_error(at, "unknown character name: " + std::string(run));
}

}  // namespace sema::rt::reader
