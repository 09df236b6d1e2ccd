// file/fold-lines and file/for-each-line, accelerated: buffered SIMD line
// splitting and the runtime's fastcall (one frame reused across lines, the
// accumulator moved so copy-on-write updates stay in place, hooked builtins
// called directly). Results equal the io plugin's plain versions.
#include "byte_scan.hpp"
#include "line_reader.hpp"

#include <sema/sema.hpp>

#include <algorithm>
#include <string>
#include <utility>

namespace fastio {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

constexpr size_t kInterruptCheckMask = (1u << 16) - 1;

// Owns a prepared repeated call.
class FastCall {
 public:
  FastCall(sema_ctx* ctx, sema_value fn, size_t nargs) : fc_(sema::api->fastcall_open(ctx, fn, nargs)) {}
  ~FastCall() { sema::api->fastcall_close(fc_); }
  FastCall(const FastCall&) = delete;
  FastCall& operator=(const FastCall&) = delete;
  explicit operator bool() const { return fc_ != nullptr; }
  sema_status invoke(sema_value* args, sema_value* out) { return sema::api->fastcall_invoke(fc_, args, out); }
  // args[nargs-1] becomes the line, a string the host makes (or refills).
  sema_status invoke_line(sema_value* args, std::string_view line, sema_value* out) {
    return sema::api->fastcall_invoke_text(fc_, args, line.data(), line.size(), out);
  }
  // Whether the host makes the line strings (fastcall_invoke_text); else
  // LineString does, through string_refill.
  static bool host_makes_lines() { return SEMA_HOST_HAS(sema::api, fastcall_invoke_text); }
  // Whether the host folds several lines per call (fastcall_fold_texts).
  static bool host_folds_lines() { return SEMA_HOST_HAS(sema::api, fastcall_fold_texts); }
  // Whether the host's rows take line facts worked out ahead (fastcall_fold_facts).
  static bool host_takes_facts() { return SEMA_HOST_HAS(sema::api, fastcall_fold_facts); }
  sema_fastcall* get() const { return fc_; }

 private:
  sema_fastcall* fc_;
};

// Opens the file named by path_value for builtin's lines.
Result<bool> open_lines(sema_ctx* ctx, const char* builtin, sema_value path_value, LineReader& reader,
                        std::string& path_text, int sep = -1, sema_fastcall* fc = nullptr) {
  // The capability first, as the io plugin does: denied wins over a bad argument.
  if (!sema::api->check_capability(ctx, "fs-read", builtin)) return sema::pending();
  auto path = sema::want_string(path_value);
  if (!path) return std::unexpected(path.error());
  path_text = *path;
  std::string error;
  if (!reader.open(path_text, &error, sep, fc)) return sema::io_error(std::string(builtin) + " " + path_text + ": " + error);
  return true;
}

Result<bool> invalid_utf8(const char* builtin, const std::string& path_text) {
  return sema::io_error(std::string(builtin) + " " + path_text + ": stream did not contain valid UTF-8");
}

Result<bool> interrupt(sema_ctx* ctx) {
  sema::api->raise_interrupt(ctx);
  return sema::pending();
}

// Calls on_line(line) for each line of the file named by path_value.
template <class OnLine>
Result<bool> each_line(sema_ctx* ctx, const char* builtin, sema_value path_value, OnLine on_line) {
  LineReader reader;
  std::string path_text, error;
  if (Result<bool> opened = open_lines(ctx, builtin, path_value, reader, path_text); !opened) return opened;
  std::string_view line;
  for (size_t n = 0;; ++n) {
    LineReader::Status st = reader.next(&line, &error);
    if (st == LineReader::Status::End) return true;
    if (st == LineReader::Status::Error) return sema::io_error(std::string(builtin) + " " + path_text + ": " + error);
    if (!reader.line_is_valid() && !valid_utf8(line)) return invalid_utf8(builtin, path_text);
    if ((n & kInterruptCheckMask) == 0 && sema::api->interrupted(ctx)) return interrupt(ctx);
    sema_status s = on_line(line);
    if (s != SEMA_OK) return sema::pending(s);
  }
}

// The most lines one fastcall_fold_texts call takes.
constexpr size_t kBatch = 64;

// each_line for fold-lines on a host with fastcall_fold_texts: the lines
// are gathered as views into the reader's buffer and folded a batch per
// table call. A batch runs before anything that could come between its
// lines and the next ones in each_line: a refill (it moves the buffer's
// bytes, so next_buffered declines first), the end, a read error, a later
// line's UTF-8 error, the interrupt check. So the calls, their order and
// where an error stops the fold are each_line's.
Result<bool> fold_batched(sema_ctx* ctx, sema_value path_value, sema_fastcall* fc, Value& acc) {
  const char* builtin = "file/fold-lines";
  LineReader reader;
  std::string path_text, error;
  // Line facts for the rows when the host can use them: worked out on the
  // reading thread, if there is one.
  bool with_facts = FastCall::host_takes_facts();
  int sep = with_facts ? sema::api->fastcall_line_sep(fc) : -1;
  if (Result<bool> opened = open_lines(ctx, builtin, path_value, reader, path_text, sep, fc); !opened) return opened;
  const char* texts[kBatch];
  size_t lens[kBatch];
  const sema_line_facts* facts[kBatch];
  size_t k = 0;
  auto run = [&]() -> sema_status {
    if (k == 0) return SEMA_OK;
    sema_value a = acc.release();
    size_t n = std::exchange(k, 0);
    sema_status s = with_facts ? sema::api->fastcall_fold_facts(fc, &a, texts, lens, facts, n)
                               : sema::api->fastcall_fold_texts(fc, &a, texts, lens, n);
    acc = Value::own(a);
    return s;
  };
  std::string_view line;
  for (size_t n = 0;; ++n) {
    // The lines up to the next interrupt check (line n with n & mask 0)
    // that need nothing between them, gathered in one run.
    if ((n & kInterruptCheckMask) != 0) [[likely]] {
      size_t to_check = kInterruptCheckMask + 1 - (n & kInterruptCheckMask);
      size_t got = reader.gather(texts + k, lens + k, facts + k, std::min(kBatch - k, to_check));
      k += got;
      n += got;
      if (k == kBatch)
        if (sema_status s = run(); s != SEMA_OK) return sema::pending(s);
      if (got != 0) {
        --n;  // the loop's ++n
        continue;
      }
    }
    // One line as each_line takes it: after a refill, with a check of its
    // own, or at an interrupt check.
    LineReader::Status st = LineReader::Status::Line;
    if (!reader.next_buffered(&line)) [[unlikely]] {
      if (sema_status s = run(); s != SEMA_OK) return sema::pending(s);
      st = reader.next(&line, &error);
    }
    if (st != LineReader::Status::Line || (!reader.line_is_valid() && !valid_utf8(line)) ||
        (n & kInterruptCheckMask) == 0) [[unlikely]] {
      if (sema_status s = run(); s != SEMA_OK) return sema::pending(s);
      if (st == LineReader::Status::End) return true;
      if (st == LineReader::Status::Error) return sema::io_error(std::string(builtin) + " " + path_text + ": " + error);
      if (!reader.line_is_valid() && !valid_utf8(line)) return invalid_utf8(builtin, path_text);
      if (sema::api->interrupted(ctx)) return interrupt(ctx);
    }
    texts[k] = line.data();
    lens[k] = line.size();
    facts[k] = reader.line_facts();
    if (++k == kBatch) [[unlikely]]
      if (sema_status s = run(); s != SEMA_OK) return sema::pending(s);
  }
}

// The string handed to the callback for each line. When the callback kept
// no reference to the previous line's string, that string object (and its
// buffer) is refilled with the next line instead of freeing one and making
// another: nobody can observe the change.
class LineString {
 public:
  sema_value next(std::string_view line) {
    if (has_refill_)
      held_ = Value::own(sema::api->string_refill(held_.release(), line.data(), line.size()));
    else
      held_ = Value::own(sema::api->make_string(line.data(), line.size()));
    return Value::borrow(held_.get()).release();  // a reference for the callee to steal
  }

 private:
  bool has_refill_ = SEMA_HOST_HAS(sema::api, string_refill);
  Value held_;
};

Result<Value> fold_lines(sema_ctx* ctx, Args args) {
  FastCall call(ctx, args[1], 2);
  if (!call) return sema::pending();
  Value acc = Value::borrow(args[2]);
  Result<bool> done;
  if (FastCall::host_folds_lines()) {
    done = fold_batched(ctx, args[0], call.get(), acc);
  } else if (FastCall::host_makes_lines()) {
    done = each_line(ctx, "file/fold-lines", args[0], [&](std::string_view line) {
      sema_value call_args[2] = {acc.release(), SEMA_NIL};
      sema_value out = SEMA_NIL;
      sema_status st = call.invoke_line(call_args, line, &out);  // steals the accumulator
      if (st == SEMA_OK) acc = Value::own(out);
      return st;
    });
  } else {
    LineString text;
    done = each_line(ctx, "file/fold-lines", args[0], [&](std::string_view line) {
      sema_value call_args[2] = {acc.release(), text.next(line)};
      sema_value out = SEMA_NIL;
      sema_status st = call.invoke(call_args, &out);  // steals both arguments
      if (st == SEMA_OK) acc = Value::own(out);
      return st;
    });
  }
  if (!done) return std::unexpected(done.error());
  return acc;
}

Result<Value> for_each_line(sema_ctx* ctx, Args args) {
  FastCall call(ctx, args[1], 1);
  if (!call) return sema::pending();
  auto after = [](sema_status st, sema_value out) {
    if (st == SEMA_OK) sema::api->release(out);
    return st;
  };
  Result<bool> done;
  if (FastCall::host_makes_lines()) {
    done = each_line(ctx, "file/for-each-line", args[0], [&](std::string_view line) {
      sema_value call_args[1] = {SEMA_NIL};
      sema_value out = SEMA_NIL;
      sema_status st = call.invoke_line(call_args, line, &out);  // before out is read
      return after(st, out);
    });
  } else {
    LineString text;
    done = each_line(ctx, "file/for-each-line", args[0], [&](std::string_view line) {
      sema_value call_args[1] = {text.next(line)};
      sema_value out = SEMA_NIL;
      sema_status st = call.invoke(call_args, &out);
      return after(st, out);
    });
  }
  if (!done) return std::unexpected(done.error());
  return Value::nil();
}

}  // namespace

void register_fold_lines(sema::Registry& r) {
  r.add<fold_lines>("file/fold-lines", 3, 3);
  r.add<for_each_line>("file/for-each-line", 2, 2);
}

}  // namespace fastio
