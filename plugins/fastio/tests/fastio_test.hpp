// Shared helpers of the fastio suite: every program runs twice, once with the
// fastio accelerator (its file/fold-lines and file/for-each-line) and once
// with the plain io versions, and the two outcomes must be identical (value,
// error report with its trace lines, exit code, printed output).
#pragma once

#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>

namespace fastio_test {

// sys for exit; fastio loads after io and overrides its two builtins.
inline constexpr const char* kFastPlugins = "core,string,map,io,sys,fastio";
inline constexpr const char* kPlainPlugins = "core,string,map,io,sys";

// Everything a user can observe of one evaluation.
struct Seen {
  bool ok = true;
  bool is_nil = true;
  std::string value;
  std::string error;  // the full report: "Error: …" plus the "  at …" lines
  std::optional<int> exit_code;
  std::string out;  // what it printed
};

inline Seen observe(sema::test::Session& s, const std::string& src, const std::string& file) {
  Seen r;
  r.out = sema::test::capture_stdout([&] {
    sema::Outcome o = s.run(src, file);
    r.ok = o.ok;
    r.is_nil = o.is_nil;
    r.value = o.value;
    r.error = o.error;
    r.exit_code = o.exit_code;
  });
  return r;
}

// The value's write form, or the error report's first line without
// "Error: " (what Session::eval returns).
inline std::string short_text(const Seen& r) {
  if (r.ok) return r.value;
  std::string e = r.error;
  if (e.rfind("Error: ", 0) == 0) e.erase(0, 7);
  if (auto nl = e.find('\n'); nl != std::string::npos) e.erase(nl);
  return e;
}

// Two sessions fed the same programs in the same order.
class Both {
 public:
  Both() : fast_(kFastPlugins), plain_(kPlainPlugins) {}
  // With more plugins loaded in both sessions (before fastio), e.g. "math".
  explicit Both(const std::string& extra)
      : fast_(std::string(kPlainPlugins) + "," + extra + ",fastio"), plain_(std::string(kPlainPlugins) + "," + extra) {}

  // Runs src in both sessions, CHECKs that everything observable agrees and
  // returns fastio's outcome.
  Seen run(const std::string& src, const std::string& file = "fastio-test.sema") {
    Seen f = observe(fast_, src, file);
    Seen p = observe(plain_, src, file);
    INFO("program: " << abbreviate(src));
    CHECK(f.ok == p.ok);
    CHECK(f.is_nil == p.is_nil);
    CHECK(f.value == p.value);
    CHECK(f.error == p.error);
    CHECK(f.exit_code == p.exit_code);
    CHECK(f.out == p.out);
    return f;
  }
  // Like Session::eval, after the comparison above.
  std::string eval(const std::string& src) { return short_text(run(src)); }
  // What it printed (after the comparison).
  std::string out(const std::string& src) { return run(src).out; }

  sema::test::Session& fast() { return fast_; }
  sema::test::Session& plain() { return plain_; }

 private:
  static std::string abbreviate(const std::string& s) { return s.size() <= 600 ? s : s.substr(0, 600) + "…"; }
  sema::test::Session fast_;
  sema::test::Session plain_;
};

// A scratch folder (removed at exit) with helpers to write data files.
class Files {
 public:
  Files() : dir_(sema::test::temp_dir()) {}
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return path;
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

// The 1BRC script's callback (benchmarks/1brc/1brc.sema), with `extra`
// let* bindings after the split.
inline std::string brc(const std::string& extra = "") {
  return "(fn (acc line) (if (= line \"\") acc (let* ((parts (string/split line \";\")) " + extra +
         " (name (first parts)) (temp (float (string->number (nth parts 1)))) (existing (get acc name)))"
         " (if (nil? existing) (assoc acc name {:min temp :max temp :sum temp :count 1})"
         " (assoc acc name {:min (min temp (get existing :min)) :max (max temp (get existing :max))"
         " :sum (+ temp (get existing :sum)) :count (+ 1 (get existing :count))})))))";
}

// A string literal of the language for a path.
inline std::string q(const std::string& s) { return "\"" + s + "\""; }

constexpr size_t kBuffer = size_t{1} << 20;  // fastio's (and plain io's) read size

// Filler lines of 'a's (each "aaa…a\n", 2 to 100 bytes) so that `special`
// starts at byte offset `pos` (0 or >= 2), then `special`, then `tail`.
inline std::string place_at(size_t pos, const std::string& special, const std::string& tail = "\nlater\n") {
  std::string s;
  s.reserve(pos + special.size() + tail.size());
  while (s.size() < pos) {
    size_t left = pos - s.size();
    size_t len = left <= 100 ? left : (left - 100 < 2 ? left - 2 : 100);
    s.append(len - 1, 'a');
    s.push_back('\n');
  }
  return s + special + tail;
}

// A fold over the lines of PATH giving (FILLER-COUNT OTHER-LINES…): the
// lines of place_at's filler are counted, every other line is kept in order.
inline std::string filler_fold(const std::string& path) {
  return "(let ((r (file/fold-lines " + q(path) +
         " (fn (acc l) (if (string/starts-with? l \"a\") (cons (+ (first acc) 1) (rest acc)) (cons (first acc) (cons l (rest acc))))) '(0))))"
         " (cons (first r) (reverse (rest r))))";
}

}  // namespace fastio_test
