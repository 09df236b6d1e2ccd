// The tokenizer (language.md §1.1–§1.10, decisions.md #5): produces one token
// at a time so a 100 MB source never needs a token array, and keeps line and
// column (1-based, columns in Unicode scalar values) in O(1) per byte.
#pragma once

#include "error/error.hpp"
#include "reader/token.hpp"

#include <string_view>

namespace sema::rt::reader {

class Lexer {
 public:
  // A `#!` line at the very start of the text is skipped (decisions.md #5).
  explicit Lexer(std::string_view src);

  // Reads the next token into t (Tok::End with span 0:0 at end of input).
  // Lexer errors carry the position where the offending token starts.
  Result<void> next(Token& t);

  // Tokenizes the rest of the input, only to surface a lexer error: the
  // original tokenized the whole input before parsing, so a lexer error
  // anywhere wins over a parser error and fails even `read` of one datum.
  Result<void> drain();

 private:
  Span span_at(size_t byte);
  void newline_at(size_t byte);
  void skip_space();
  Result<void> lex_string(Token& t);
  Result<void> lex_hash(Token& t);
  Result<void> lex_char(Token& t, Span at);
  Result<void> lex_number(Token& t);
  void lex_symbol(Token& t);
  size_t symbol_run(size_t from) const;  // end of the run of symbol characters at from

  std::string_view src_;
  size_t pos_ = 0;
  // Column bookkeeping: the column of byte `anchor_` is `anchor_col_`, and
  // no newline lies between the anchor and any later position asked for.
  uint32_t line_ = 1;
  size_t anchor_ = 0;
  uint32_t anchor_col_ = 1;
};

}  // namespace sema::rt::reader
