// The parser: tokens → values, on an explicit stack (no C++ recursion per
// nesting level), recording where each list, vector and map started.
#pragma once

#include "reader/lexer.hpp"
#include "reader/reader.hpp"

#include <optional>

namespace sema::rt::reader {

class Parser {
 public:
  Parser(std::string_view src, SpanMap* spans) : lex_(src), spans_(spans) {}
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  ~Parser();

  // The next datum, or nullopt at end of input. After a parser error the
  // rest of the input is still tokenized: a lexer error there wins.
  Result<std::optional<Value>> next_datum();
  // Surfaces a lexer error in the rest of the input (see Lexer::drain).
  Result<void> drain() { return lex_.drain(); }

 private:
  enum class Kind : uint8_t { List, Vector, Map, Quote };
  // Inside a list: Normal; AfterDot = a Dot was read, one datum must follow;
  // NeedClose = the datum after the Dot was read, only `)` may follow.
  enum class DotState : uint8_t { Normal, AfterDot, NeedClose };
  struct Frame {
    Kind kind;
    DotState dot = DotState::Normal;
    uint32_t quote_id = 0;  // Quote: the interned name of the wrapping symbol
    Span open;              // the opening token
    size_t base;            // index of the frame's first element in items_
  };

  Result<std::optional<Value>> parse();
  Result<Value> bytevector(Span open);
  Value close(const Frame& f);
  Value build_map(size_t base);
  void record(const Value& v, Span at);
  void forget_spans(Word w);
  std::unexpected<Error> parser_error(Span at, std::string message);

  Lexer lex_;
  SpanMap* spans_;
  Token tok_;
  std::vector<Frame> stack_;
  std::vector<Word> items_;  // owned elements of the open frames
};

}  // namespace sema::rt::reader
