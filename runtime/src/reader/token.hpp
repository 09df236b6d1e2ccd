// Tokens of the reader (language.md §1.2).
#pragma once

#include "error/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace sema::rt::reader {

enum class Tok : uint8_t {
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Quote,
  Quasiquote,
  Unquote,
  UnquoteSplice,
  BytevectorStart,
  Dot,
  Int,
  Float,
  String,
  Symbol,
  Keyword,
  Bool,
  Char,
  Nil,
  End,  // end of input (not a token of the original; "end of input" in messages)
};

struct Token {
  Tok kind = Tok::End;
  Span span;              // where the token starts (0:0 for End)
  int64_t i = 0;          // Int
  double f = 0;           // Float
  uint32_t c = 0;         // Char
  bool b = false;         // Bool
  std::string_view name;  // Symbol / Keyword (keyword without ':'), a view of the source
  std::string text;       // String contents, escapes decoded
};

// The Rust Debug spelling the original's messages use: `RParen`, `Int(5)`,
// `Symbol("c")`, `Char('a')`, … and `end of input` for End.
std::string debug_spelling(const Token& t);

}  // namespace sema::rt::reader
