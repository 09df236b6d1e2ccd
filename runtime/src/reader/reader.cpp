#include "reader/reader.hpp"

#include "reader/parser.hpp"

namespace sema::rt {

Result<ReadResult> read_all(std::string_view text) {
  ReadResult out;
  reader::Parser parser(text, &out.spans);
  for (;;) {
    auto d = parser.next_datum();
    if (!d) return std::unexpected(std::move(d.error()));
    if (!*d) break;
    out.forms.push_back(std::move(**d));
  }
  return out;
}

Result<Value> read_one(std::string_view text) {
  reader::Parser parser(text, nullptr);
  auto d = parser.next_datum();
  if (!d) return std::unexpected(std::move(d.error()));
  // The rest is not parsed, but a lexer error in it still fails the read.
  if (auto r = parser.drain(); !r) return std::unexpected(std::move(r.error()));
  return *d ? std::move(**d) : Value();
}

}  // namespace sema::rt
