// fastio plugin: file/fold-lines and file/for-each-line deliver exactly the
// lines of the plain io versions (stdlib.md §5.5): line endings, the last
// line, buffer refills and growth, UTF-8 checking with the ASCII fast path.
#include "fastio_test.hpp"

#include <algorithm>

using fastio_test::Both;
using fastio_test::filler_fold;
using fastio_test::Files;
using fastio_test::kBuffer;
using fastio_test::place_at;
using fastio_test::q;

namespace {

// The lines for-each-line delivers, in order.
std::string each_seen(Both& b, const std::string& path) {
  return b.eval("(begin (define seen '()) (file/for-each-line " + q(path) +
                " (fn (l) (set! seen (cons l seen)))) (reverse seen))");
}
// The lines fold-lines delivers, in order.
std::string fold_seen(Both& b, const std::string& path) {
  return b.eval("(reverse (file/fold-lines " + q(path) + " (fn (acc l) (cons l acc)) '()))");
}
// Both builtins must deliver `expected`.
void check_lines(Both& b, const std::string& path, const std::string& expected) {
  INFO("file: " << path);
  CHECK(each_seen(b, path) == expected);
  CHECK(fold_seen(b, path) == expected);
}

size_t newlines(const std::string& s, size_t upto) {
  return static_cast<size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(upto), '\n'));
}

}  // namespace

TEST_CASE("the fastio session really runs fastio's builtins", "[plugin:fastio]") {
  Both b;
  bool fast_has = false, plain_has = false;
  for (const auto& p : b.fast().runtime().plugins()) fast_has = fast_has || p.name == "fastio";
  for (const auto& p : b.plain().runtime().plugins()) plain_has = plain_has || p.name == "fastio";
  CHECK(fast_has);
  CHECK_FALSE(plain_has);
  // Without io, the two line builtins still exist: they are fastio's own.
  sema::test::Session alone("core,string,map,fastio");
  Files f;
  std::string p = f.write("x", "1\n2\n");
  CHECK(alone.eval("(file/fold-lines " + q(p) + " (fn (acc l) (+ acc (string->number l))) 0)") == "3");
  CHECK(alone.eval("(file/read-lines " + q(p) + ")").rfind("Unbound variable: file/read-lines", 0) == 0);
}

TEST_CASE("line rules: \\n and \\r\\n endings, blank and last lines", "[plugin:fastio]") {
  Both b;
  Files f;
  check_lines(b, f.write("lf", "10\n20\n"), "(\"10\" \"20\")");
  check_lines(b, f.write("crlf", "a\r\nb\r\n"), "(\"a\" \"b\")");
  check_lines(b, f.write("mixed", "a\r\nb\nc\r\n"), "(\"a\" \"b\" \"c\")");
  check_lines(b, f.write("no-final-nl", "10\n20"), "(\"10\" \"20\")");
  check_lines(b, f.write("blank-middle", "x\n\ny\n"), "(\"x\" \"\" \"y\")");
  check_lines(b, f.write("blank-crlf", "x\r\n\r\ny"), "(\"x\" \"\" \"y\")");
  check_lines(b, f.write("empty", ""), "()");
  check_lines(b, f.write("only-nl", "\n"), "(\"\")");
  check_lines(b, f.write("only-crlf", "\r\n"), "(\"\")");
  check_lines(b, f.write("two-nl", "\n\n"), "(\"\" \"\")");
  // a "\r" not before "\n" stays, also at the very end
  check_lines(b, f.write("lone-cr", "a\rb\nc\r"), "(\"a\rb\" \"c\r\")");
  check_lines(b, f.write("only-cr", "\r"), "(\"\r\")");
  // only one "\r" is dropped
  check_lines(b, f.write("double-cr", "a\r\r\nb"), "(\"a\r\" \"b\")");
  check_lines(b, f.write("one-line", "single"), "(\"single\")");
}

TEST_CASE("lines are fresh strings of the exact bytes (NUL and tabs kept)", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = f.write("nul", std::string("a\0b\n\tc \n", 8));
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (cons (string-length l) acc)) '())") == "(3 3)");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (string-append acc \"[\" l \"]\")) \"\")") ==
        std::string("\"[a\0b][\tc ]\"", 12));
  // the strings handed out stay valid after the reader moved on
  std::string many = f.write("many", "one\ntwo\nthree\n");
  CHECK(b.eval("(begin (define kept '()) (file/for-each-line " + q(many) + " (fn (l) (set! kept (cons l kept)))) kept)") ==
        "(\"three\" \"two\" \"one\")");
  CHECK(b.eval("(map string-length kept)") == "(5 3 3)");
}

TEST_CASE("line ends at every offset of a 64-byte word", "[plugin:fastio]") {
  // Lines of 0..140 bytes in a row: their "\n"s fall at every bit of the
  // newline words, at both word edges, and two lines can end in one word.
  Both b;
  Files f;
  std::string text, lengths, joined;
  for (size_t len = 0; len <= 140; ++len) {
    std::string line(len, static_cast<char>('a' + len % 26));
    text += line + (len % 7 == 3 ? "\r\n" : "\n");
    lengths += (len ? " " : "") + std::to_string(len);
    joined += line + "|";
  }
  std::string p = f.write("offsets", text + "last");
  CHECK(b.eval("(reverse (file/fold-lines " + q(p) + " (fn (acc l) (cons (string-length l) acc)) '()))") ==
        "(" + lengths + " 4)");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (string-append acc l \"|\")) \"\")") ==
        "\"" + joined + "last|\"");
}

TEST_CASE("a file larger than the read buffer: 200k lines counted and summed", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string text;
  long long sum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    text += std::to_string(i) + ";padding-to-make-the-file-span-several-buffers\n";
    sum += i;
  }
  REQUIRE(text.size() > 8 * kBuffer);
  std::string p = f.write("big", text);
  CHECK(b.eval("(file/fold-lines " + q(p) +
               " (fn (acc l) (let ((k (string->number (first (string/split l \";\"))))) (list (+ (first acc) 1) (+ (nth acc 1) k)))) (list 0 0))") ==
        "(" + std::to_string(n) + " " + std::to_string(sum) + ")");
  CHECK(b.eval("(begin (define c 0) (define total 0) (file/for-each-line " + q(p) +
               " (fn (l) (begin (set! c (+ c 1)) (set! total (+ total (string-length l)))))) (list c total))") ==
        "(" + std::to_string(n) + " " + std::to_string(text.size() - n) + ")");
  // the same with "\r\n" endings and no final newline
  std::string crlf;
  for (int i = 0; i < n; ++i) crlf += (i ? "\r\n" : "") + std::to_string(i) + ";padding-to-make-the-file-span-several-buffers";
  std::string pc = f.write("big-crlf", crlf);
  CHECK(b.eval("(file/fold-lines " + q(pc) +
               " (fn (acc l) (if (string/ends-with? l \"buffers\") (+ acc (string->number (first (string/split l \";\")))) (error l))) 0)") ==
        std::to_string(sum));
}

TEST_CASE("a line longer than the read buffer (buffer growth)", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string big(3 * kBuffer + 17, 'x');
  std::string p = f.write("long", "a\n" + big + "\nz");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (cons (string-length l) acc)) '())") ==
        "(1 " + std::to_string(big.size()) + " 1)");
  // exactly one buffer long, with "\r\n"; and a long last line without newline
  std::string one(kBuffer, 'y');
  std::string p2 = f.write("long2", one + "\r\n" + big);
  CHECK(b.eval("(file/fold-lines " + q(p2) + " (fn (acc l) (cons (string-length l) acc)) '())") ==
        "(" + std::to_string(big.size()) + " " + std::to_string(one.size()) + ")");
  // non-ASCII at the end of a long line, then an ASCII line
  std::string p3 = f.write("long3", big + "é\nok\n");
  CHECK(b.eval("(file/fold-lines " + q(p3) + " (fn (acc l) (cons (list (string-length l) (string/ends-with? l \"é\")) acc)) '())") ==
        "((2 #f) (" + std::to_string(big.size() + 2) + " #t))");
  // invalid UTF-8 deep inside a long line
  std::string bad = big;
  bad[kBuffer + 5] = '\xff';
  std::string p4 = f.write("long-bad", "first\n" + bad + "\nlast\n");
  CHECK(b.eval("(begin (define n 0) (file/for-each-line " + q(p4) + " (fn (l) (set! n (+ n 1)))))") ==
        "IO error: file/for-each-line " + p4 + ": stream did not contain valid UTF-8");
  CHECK(b.eval("n") == "1");
}

TEST_CASE("lines straddling the refill boundary", "[plugin:fastio]") {
  Both b;
  Files f;
  struct Case {
    const char* what;
    size_t pos;           // where `special` starts
    std::string special;  // starts a line
    std::string expected; // the non-filler lines
  };
  const size_t B = kBuffer;
  std::vector<Case> cases = {
      {"\\r last byte of the buffer, \\n first of the next", B - 4, "END\r\n", "\"END\" \"later\""},
      {"\\n last byte of the buffer", B - 4, "EN\r\n", "\"EN\" \"later\""},
      {"\\n first byte of the next read", B - 3, "END\n", "\"END\" \"later\""},
      {"a line starts exactly at the boundary", B, "START\n", "\"START\" \"later\""},
      {"a blank line at the boundary", B - 1, "\n", "\"\" \"later\""},
      {"a blank \\r\\n line across the boundary", B - 1, "\r\n", "\"\" \"later\""},
      {"2-byte char split", B - 1, "é\n", "\"é\" \"later\""},
      {"3-byte char split 1+2", B - 1, "✓x\n", "\"✓x\" \"later\""},
      {"3-byte char split 2+1", B - 2, "✓x\n", "\"✓x\" \"later\""},
      {"4-byte char split 3+1", B - 3, "😀\n", "\"😀\" \"later\""},
      {"a long ASCII line across it", B - 500, std::string(1000, 'Z') + "\n", ""},
      {"the last line, unterminated, across it", B - 2, "TAIL", "\"TAIL\""},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    std::string text = place_at(c.pos, c.special, c.special == "TAIL" ? "" : "later\n");
    std::string p = f.write("edge", text);
    size_t filler = newlines(text, c.pos);
    std::string expected = c.expected;
    if (expected.empty()) expected = "\"" + std::string(1000, 'Z') + "\" \"later\"";
    CHECK(b.eval(filler_fold(p)) == "(" + std::to_string(filler) + " " + expected + ")");
    CHECK(b.eval("(begin (define n 0) (file/for-each-line " + q(p) + " (fn (l) (set! n (+ n 1)))) n)") ==
          std::to_string(newlines(text, text.size()) + (text.back() == '\n' ? 0 : 1)));
  }
}

TEST_CASE("UTF-8 lines, before and after refills, and ASCII after them", "[plugin:fastio]") {
  Both b;
  Files f;
  check_lines(b, f.write("u", "é\n✓\n日本語\n😀"), "(\"é\" \"✓\" \"日本語\" \"😀\")");
  // A non-ASCII stretch in the first buffer, ASCII lines across the refill,
  // non-ASCII again in the second buffer, ASCII to the end.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "ünïcödé line " + std::to_string(i) + "\n";
  while (text.size() < kBuffer + 300000) text += "plain ascii line number " + std::to_string(text.size()) + "\n";
  for (int i = 0; i < 2000; ++i) text += "ζ " + std::to_string(i) + "\n";
  while (text.size() < 3 * kBuffer + 12345) text += "ascii again " + std::to_string(text.size()) + "\n";
  text += "ending ✓";
  std::string p = f.write("stretches", text);
  // counts of lines with and without non-ASCII bytes (string-length counts bytes)
  size_t lines = newlines(text, text.size()) + 1;
  CHECK(b.eval("(file/fold-lines " + q(p) +
               " (fn (acc l) (if (= (string-length l) (length (string/chars l))) (list (+ (first acc) 1) (nth acc 1)) (list (first acc) (+ (nth acc 1) 1)))) '(0 0))") ==
        "(" + std::to_string(lines - 4001) + " 4001)");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) l) nil)") == "\"ending ✓\"");
  // a line starting ASCII with its only non-ASCII byte right after a refill
  std::string late = place_at(kBuffer - 10, "Start-ascii-then-é-after-the-boundary\n", "later\n");
  std::string pl = f.write("late", late);
  CHECK(b.eval(filler_fold(pl)) == "(" + std::to_string(newlines(late, kBuffer - 10)) +
                                       " \"Start-ascii-then-é-after-the-boundary\" \"later\")");
  // a non-ASCII line in the first buffer followed by a partial ASCII line
  // kept across the refill and more ASCII after it
  std::string mixed = "ñ\n" + place_at(kBuffer - 6, "abcdefghijkl\n", "zz\n");
  std::string pm = f.write("mixed", mixed);
  CHECK(b.eval("(file/fold-lines " + q(pm) + " (fn (acc l) (if (string/starts-with? l \"a\") acc (cons l acc))) '())") ==
        "(\"zz\" \"ñ\")");
  CHECK(b.eval("(file/fold-lines " + q(pm) + " (fn (acc l) (if (= l \"abcdefghijkl\") (+ acc 1) acc)) 0)") == "1");
}

TEST_CASE("invalid UTF-8 raises where it is, after the earlier lines ran", "[plugin:fastio]") {
  Both b;
  Files f;
  struct Case {
    const char* what;
    std::string text;
    size_t bad_line;  // byte offset of the line holding the bad byte
  };
  const size_t B = kBuffer;
  std::string after_valid = "ü\n" + place_at(B + 20, "ok\xe2\x82\n");
  std::vector<Case> cases = {
      {"a lone 0xff", "one\ntwo\n\xff\nfour\n", 8},
      {"a truncated sequence", "x\n\xc3\x28\n", 2},
      {"an overlong encoding", "x\n\xc0\xaf\n", 2},
      {"a surrogate", "x\ny\n\xed\xa0\x80\n", 4},
      {"in the first line", "\x80", 0},
      {"in the unterminated last line", "a\nb\nc\xe2\x9c", 4},
      {"after a \\r", "a\r\n\r\xfe\n", 3},
      {"after a valid non-ASCII line", "é\n\xf8\x88\x80\x80\x80\n", 3},
      {"right after the refill", place_at(B, "\xff\n"), B},
      {"a lead byte before the boundary, a bad continuation after it", place_at(B - 1, "\xc3\x41\n"), B - 1},
      {"after a refill that followed valid non-ASCII", after_valid, 3 + B + 20},
      {"in the second refill, all ASCII before", place_at(2 * B + 100, "x\x81y\n"), 2 * B + 100},
  };
  for (auto& c : cases) {
    INFO(c.what);
    std::string p = f.write("bad", c.text);
    std::string before = std::to_string(newlines(c.text, c.bad_line));
    b.eval("(define n 0)");
    CHECK(b.eval("(file/for-each-line " + q(p) + " (fn (l) (set! n (+ n 1))))") ==
          "IO error: file/for-each-line " + p + ": stream did not contain valid UTF-8");
    CHECK(b.eval("n") == before);
    b.eval("(define n 0)");
    CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (begin (set! n (+ n 1)) (+ acc 1))) 0)") ==
          "IO error: file/fold-lines " + p + ": stream did not contain valid UTF-8");
    CHECK(b.eval("n") == before);
    CHECK(b.eval("(try (file/fold-lines " + q(p) + " (fn (acc l) (+ acc 1)) 0) (catch e (list (:type e) (:message e))))") ==
          "(:io \"file/fold-lines " + p + ": stream did not contain valid UTF-8\")");
  }
}

TEST_CASE("a non-ASCII byte anywhere in a line or a read is noticed", "[plugin:fastio]") {
  Both b;
  Files f;
  // Line lengths around the word and vector widths; the odd byte first,
  // in the middle, last. Preceded by a non-ASCII line (per-line checks) or
  // not (the bulk check of the read).
  for (size_t len : {1u, 2u, 7u, 8u, 9u, 15u, 16u, 17u, 31u, 32u, 33u, 63u, 64u, 65u, 127u, 128u, 129u, 255u, 256u, 257u}) {
    for (size_t at : {size_t{0}, len / 2, len - 1}) {
      for (const char* before : {"é\n", "ascii\n"}) {
        INFO("length " << len << ", byte " << at << ", after " << before);
        std::string line(len, 'k');
        std::string bad = line;
        bad[at] = '\xff';
        std::string pb = f.write("bad", std::string(before) + bad + "\nz\n");
        CHECK(b.eval("(begin (define n 0) (file/for-each-line " + q(pb) + " (fn (l) (set! n (+ n 1)))))") ==
              "IO error: file/for-each-line " + pb + ": stream did not contain valid UTF-8");
        CHECK(b.eval("n") == "1");
        // a valid 2-byte character in the same place
        std::string good = line.substr(0, at) + "ß" + line.substr(at + 1);
        std::string pg = f.write("good", std::string(before) + good + "\nz");
        CHECK(b.eval("(file/fold-lines " + q(pg) + " (fn (acc l) (cons (string-length l) acc)) '())") ==
              "(1 " + std::to_string(len + 1) + " " + std::to_string(std::string(before).size() - 1) + ")");
      }
    }
  }
  // the odd byte near the end of the first read (the bulk check's tail)
  for (size_t back : {1u, 2u, 3u, 8u, 15u, 16u, 17u, 33u, 64u, 65u}) {
    INFO("byte at buffer end - " << back);
    std::string text = place_at(kBuffer - 200, std::string(200 + 50, 'q') + "\n", "z\n");
    text[kBuffer - back] = '\xfe';
    std::string p = f.write("tail", text);
    CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (+ acc 1)) 0)") ==
          "IO error: file/fold-lines " + p + ": stream did not contain valid UTF-8");
    text[kBuffer - back] = '\xc3';
    text.insert(kBuffer - back + 1, "\xa9");  // "é" straddling or not
    p = f.write("tail", text);
    CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (if (string/starts-with? l \"q\") (string-length l) acc)) 0)") == "251");
  }
}
