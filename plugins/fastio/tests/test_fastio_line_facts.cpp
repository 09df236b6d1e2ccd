// fastio plugin: on a file read ahead, the host's line facts (the first
// separator, the name's hash, the number field; sema.h line_facts) are
// worked out on the reading thread and used by the rows only where they
// answer what the row would work out itself. The outcomes must be those of
// the plain io version for rows of every shape, however the callback is
// written.
#include "fastio_test.hpp"

#include <cstdint>
#include <string>
#include <vector>

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::kBuffer;
using fastio_test::q;

namespace {

// The 1BRC script's fold and its table (min, max and count per station).
std::string onebrc(const std::string& path) {
  return "(let ((acc (file/fold-lines " + q(path) + " " + fastio_test::brc() + " (hashmap/new))))"
         "  (map (fn (e) (list (first e) (get (nth e 1) :min) (get (nth e 1) :max) (get (nth e 1) :count)))"
         "       (map/entries (hashmap/to-map acc))))";
}

struct Lcg {
  uint64_t s = 12345;
  uint32_t next(uint32_t n) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(s >> 33) % n;
  }
};

// Rows of many shapes, size bytes or more: names short and long (over 16
// bytes: the long hash), empty and non-ASCII; numbers of the tenths shape
// and of others string->number takes; "\r\n" endings; blank lines.
std::string mixed_rows(size_t size) {
  const std::vector<std::string> names = {"Abha", "Hamburg", "", "St. John's", "Zürich", "Ouagadougou-Long-Station-Name",
                                          "a", "Petropavlovsk-Kamchatsky", "Xi'an", "日本"};
  const std::vector<std::string> odd = {"12", "1.23", "-7", "100.25", "0", "-0.0", "999.9", "-999.9", "5e1"};
  Lcg r;
  std::string s;
  while (s.size() < size) {
    uint32_t kind = r.next(100);
    if (kind == 0) {
      s += "\n";  // a blank line
      continue;
    }
    s += names[r.next(static_cast<uint32_t>(names.size()))];
    s += ';';
    if (kind < 8) {
      s += odd[r.next(static_cast<uint32_t>(odd.size()))];
    } else {
      int t = static_cast<int>(r.next(1999)) - 999;
      s += (t < 0 ? "-" : "") + std::to_string(std::abs(t) / 10) + "." + std::to_string(std::abs(t) % 10);
    }
    s += kind < 12 ? "\r\n" : "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("line facts: the 1BRC fold over rows of many shapes", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string text = mixed_rows(3 * kBuffer + 777);
  std::string p = f.write("mixed", text);
  std::string table = b.eval(onebrc(p));
  // every station was seen (the table is not empty or an error)
  for (const char* name : {"\"Abha\"", "\"\"", "\"Ouagadougou-Long-Station-Name\"", "\"日本\""}) CHECK(table.find(name) != std::string::npos);
  // and without a final newline (the last line has no facts)
  std::string cut = text.substr(0, text.size() - 1);
  if (cut.back() == '\r') cut.pop_back();
  b.eval(onebrc(f.write("cut", cut)));
}

TEST_CASE("line facts: more lines in a block than it has facts for", "[plugin:fastio]") {
  Both b("math");
  Files f;
  // 6-byte lines: ~175k a block, past the facts' 131072
  std::string text;
  for (int i = 0; text.size() < 2 * kBuffer + 100; ++i) text += std::string(1, static_cast<char>('a' + i % 7)) + ";" + std::to_string(i % 10) + "." + std::to_string(i % 7) + "\n";
  std::string p = f.write("short", text);
  std::string table = b.eval(onebrc(p));
  CHECK(table.find("(\"a\" ") != std::string::npos);
}

TEST_CASE("line facts: callbacks the facts do not fit", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string text = mixed_rows(2 * kBuffer + 99);
  std::string p = q(f.write("rows", text));
  // the line rebound before its split: another string, its own bytes
  CHECK_FALSE(b.eval("(file/fold-lines " + p +
                     " (fn (acc line) (if (= line \"\") acc (let* ((line (string-append \"z\" line)) (parts (string/split line \";\"))"
                     " (name (first parts)) (existing (get acc name))) (assoc acc name (+ 1 (or existing 0)))))) (hashmap/new))")
                     .empty());
  // two splits of the line on different separators; the number from the second
  CHECK_FALSE(b.eval("(file/fold-lines " + p +
                     " (fn (acc line) (if (= line \"\") acc (let* ((a (string/split line \".\")) (parts (string/split line \";\"))"
                     " (head (first a)) (temp (string->number (nth parts 1)))) (+ acc (string-length head) (or temp 0))))) 0)")
                     .empty());
  // string/split rebound during the fold (by a function a row calls): the
  // rows after it use the new one
  b.run("(define real-split string/split) (define n 0)"
        " (define (tick) (begin (set! n (+ n 1)) (if (= n 1000) (set! string/split (fn (s sep) (list \"X\" \"1.0\"))) nil)))");
  std::string x = b.eval("(let ((r (file/fold-lines " + p +
                         " (fn (acc line) (begin (tick) (if (= line \"\") acc (let* ((parts (string/split line \";\")) (name (first parts))"
                         " (temp (float (string->number (nth parts 1)))) (existing (get acc name)))"
                         " (assoc acc name (+ temp (or existing 0.0))))))) (hashmap/new)))) (begin (set! string/split real-split) (get r \"X\")))");
  CHECK(x != "nil");
  CHECK(b.eval("(string/split \"a;b\" \";\")") == "(\"a\" \"b\")");
}

// The rows find a key's entry by its number (LineFacts::key) while the
// map's version holds: insertions that grow the map, a new map in the
// accumulator (perhaps where the old one was), a map shared with a global
// (copied at the first assoc), and two maps taking turns at one get.
TEST_CASE("line facts: key numbers across maps and their versions", "[plugin:fastio]") {
  Both b("math");
  Files f;
  Lcg r;
  // 3000 names in random order: the accumulator grows (and moves its
  // entries) while most names already have numbers
  std::string many;
  while (many.size() < 3 * kBuffer) {
    uint32_t t = r.next(1999);
    many += "s" + std::to_string(r.next(3000)) + ";" + std::to_string(t / 10) + "." + std::to_string(t % 10) + "\n";
  }
  std::string pm = f.write("many", many);
  CHECK(b.eval("(length " + onebrc(pm) + ")") == "3000");
  // every 5000th row a new, empty accumulator (the old one freed)
  std::string resets;
  for (int i = 0; resets.size() < 2 * kBuffer; ++i) {
    uint32_t t = r.next(999);
    resets += (i % 5000 == 4999 ? std::string("reset") : "n" + std::to_string(r.next(40))) + ";" + std::to_string(t / 10) +
              "." + std::to_string(t % 10) + "\n";
  }
  std::string pr = q(f.write("resets", resets));
  std::string reset_fold = "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (existing (get acc name)))"
                           " (if (= name \"reset\") (hashmap/new) (assoc acc name (+ 1 (or existing 0))))))";
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + pr + " " + reset_fold + " (hashmap/new)))") != "{}");
  // the first accumulator is a global's too: the first assoc copies it
  b.run("(define h0 (hashmap/new \"n1\" 1000))");
  CHECK(b.eval("(get (file/fold-lines " + pr + " " + reset_fold + " h0) \"n1\")") != "nil");
  CHECK(b.eval("(hashmap/to-map h0)") == "{\"n1\" 1000}");
  // one get on two maps in turn: each row's map by its line's length
  b.run("(define other (hashmap/new \"n1\" 100 \"n2\" 200 \"n3\" 300))");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + pr +
               " (fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts))"
               " (m (if (even? (string-length line)) acc other)) (existing (get m name)))"
               " (assoc acc name (+ 1 (or existing 0))))) (hashmap/new)))") != "{}");
}
