// Error texts, the CLI report and the catch map (language.md §4.10, §5).
#include "error/error.hpp"

#include "value/interner.hpp"

namespace sema::rt {

namespace {

std::string pos_text(Span s) { return std::to_string(s.line) + ":" + std::to_string(s.col); }

const char* kind_keyword(sema_error_kind k) {
  switch (k) {
    case SEMA_ERR_EVAL: return "eval";
    case SEMA_ERR_TYPE: return "type-error";
    case SEMA_ERR_ARITY: return "arity";
    case SEMA_ERR_UNBOUND: return "unbound";
    case SEMA_ERR_IO: return "io";
    case SEMA_ERR_READER: return "reader";
    case SEMA_ERR_USER: return "user";
    case SEMA_ERR_PERMISSION: return "permission";
  }
  return "eval";
}

void put(Value& m, std::string_view key, Word v) { m = map_assoc(std::move(m), keyword(key), v); }
void put_string(Value& m, std::string_view key, std::string s) {
  Value v = make_string(std::move(s));
  put(m, key, v.get());
}
void put_int(Value& m, std::string_view key, int64_t i) {
  Value v = int_value(i);
  put(m, key, v.get());
}

Value frame_map(const Frame& f) {
  Value m = make_map();
  if (f.span.known()) {
    put_int(m, "line", f.span.line);
    put_int(m, "col", f.span.col);
  }
  if (!f.file.empty()) put_string(m, "file", f.file);
  put_string(m, "name", f.name);
  return m;
}

}  // namespace

std::string Error::display() const {
  switch (kind) {
    case SEMA_ERR_EVAL: return "Eval error: " + message;
    case SEMA_ERR_TYPE: return "Type error: " + message;
    case SEMA_ERR_ARITY: return "Arity error: " + message;
    case SEMA_ERR_UNBOUND: return "Unbound variable: " + message;
    case SEMA_ERR_IO: return "IO error: " + message;
    case SEMA_ERR_READER: return "Reader error at " + pos_text(reader_pos) + ": " + message;
    case SEMA_ERR_USER: return "User exception: " + to_text(payload.get(), false);
    case SEMA_ERR_PERMISSION: return "Permission error: " + message;
  }
  return message;
}

// A runaway recursion holds thousands of identical frames: like CPython, print
// a frame repeated in a row at most kShownRepeats times, then how many more.
namespace {
constexpr size_t kShownRepeats = 3;

std::string frame_line(const Frame& f) {
  std::string out = "  at " + f.name;
  if (f.span.known()) {
    out += " (";
    out += f.file.empty() ? "<input>" : f.file;
    out += ':';
    out += pos_text(f.span);
    out += ')';
  } else if (!f.file.empty()) {
    out += " (" + f.file + ")";
  }
  out += '\n';
  return out;
}
}  // namespace

std::string Error::report() const {
  std::string out = "Error: " + display() + "\n";
  std::string previous;
  size_t repeats = 0;
  auto flush_repeats = [&] {
    if (repeats > kShownRepeats)
      out += "  ... (the frame above repeated " + std::to_string(repeats - kShownRepeats) + " more times)\n";
  };
  for (const Frame& f : trace) {
    std::string line = frame_line(f);
    if (line == previous) {
      if (++repeats <= kShownRepeats) out += line;
      continue;
    }
    flush_repeats();
    out += line;
    previous = std::move(line);
    repeats = 1;
  }
  flush_repeats();
  return out;
}

Value Error::to_map() const {
  Value m = make_map();
  put(m, "type", keyword(kind_keyword(kind)));
  switch (kind) {
    case SEMA_ERR_USER:
      put_string(m, "message", to_text(payload.get(), false));
      put(m, "value", payload.get());
      break;
    case SEMA_ERR_UNBOUND:
      put_string(m, "message", "Unbound variable: " + message);
      put_string(m, "name", message);
      break;
    case SEMA_ERR_READER: put_string(m, "message", message + " at " + pos_text(reader_pos)); break;
    case SEMA_ERR_TYPE: {
      put_string(m, "message", message);
      // "expected X, got Y" → :expected "X" :got "Y"
      constexpr std::string_view ex = "expected ", got = ", got ";
      std::string_view msg = message;
      size_t g = msg.find(got);
      if (msg.starts_with(ex) && g != std::string_view::npos) {
        put_string(m, "expected", std::string(msg.substr(ex.size(), g - ex.size())));
        put_string(m, "got", std::string(msg.substr(g + got.size())));
      }
      break;
    }
    default: put_string(m, "message", message); break;
  }
  if (!trace.empty()) {
    std::vector<Word> frames;
    frames.reserve(trace.size());
    for (const Frame& f : trace) frames.push_back(frame_map(f).take());
    Value list = make_list(std::move(frames));
    put(m, "stack-trace", list.get());
  }
  return m;
}

std::unexpected<Error> type_error(std::string_view expected, Word got) {
  std::string m = "expected ";
  m += expected;
  m += ", got ";
  m += type_name(got);
  return make_error(SEMA_ERR_TYPE, std::move(m));
}

std::unexpected<Error> arity_error(std::string_view name, std::string_view expected, size_t got) {
  std::string m(name);
  m += " expects ";
  m += expected;
  m += " args, got ";
  m += std::to_string(got);
  return make_error(SEMA_ERR_ARITY, std::move(m));
}

std::unexpected<Error> reader_error(Span at, std::string message) {
  Error e;
  e.kind = SEMA_ERR_READER;
  e.message = std::move(message);
  e.reader_pos = at;
  return std::unexpected(std::move(e));
}

}  // namespace sema::rt
