// The runtime's one error type, carried by std::expected everywhere.
#pragma once

#include "value/value.hpp"

#include <sema/sema.h>

#include <expected>
#include <string>
#include <vector>

namespace sema::rt {

struct Span {
  uint32_t line = 0;  // 1-based; 0 = unknown
  uint32_t col = 0;
  bool known() const { return line != 0; }
};

struct Frame {
  std::string name;  // native name, lambda name or "<lambda>"
  std::string file;  // canonical path, or empty (printed as <input> when span known)
  Span span;
};

struct Error {
  enum class Flow { Error, Exit };
  Flow flow = Flow::Error;    // Exit: (exit n) unwinding, not catchable
  int exit_code = 0;
  sema_error_kind kind = SEMA_ERR_EVAL;
  std::string message;        // without the kind prefix
  Value payload;              // the thrown value for SEMA_ERR_USER
  Span reader_pos;            // for SEMA_ERR_READER
  std::vector<Frame> trace;   // innermost first; empty = no trace printed
  bool trace_captured = false;

  // "Type error: expected number, got string", "Reader error at 1:2: …"
  std::string display() const;
  // The CLI's stderr text: "Error: <display>\n" then "  at NAME (FILE:L:C)\n" lines.
  std::string report() const;
  // The error map bound by (catch e …), language.md §4.10.
  Value to_map() const;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> make_error(sema_error_kind kind, std::string message) {
  Error e;
  e.kind = kind;
  e.message = std::move(message);
  return std::unexpected(std::move(e));
}
inline std::unexpected<Error> eval_error(std::string m) { return make_error(SEMA_ERR_EVAL, std::move(m)); }
// "expected EXPECTED, got <type name>"
std::unexpected<Error> type_error(std::string_view expected, Word got);
// "NAME expects EXPECTED args, got N"
std::unexpected<Error> arity_error(std::string_view name, std::string_view expected, size_t got);
std::unexpected<Error> reader_error(Span at, std::string message);

}  // namespace sema::rt
