// fastio plugin: a regular file larger than one read is read ahead on a
// thread (read_ahead.hpp); other sources (a FIFO) are read on the caller's
// thread. Both must deliver exactly the plain io version's lines, and a fold
// that stops early must leave no reader behind.
#include "fastio_test.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <thread>

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::kBuffer;
using fastio_test::q;

namespace {

// "(lines total-length last-line-length)" of text as fold-lines sees it.
std::string summary_of(const std::string& text) {
  size_t lines = 0, total = 0, last = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string::npos ? text.size() : nl;
    size_t len = end - start - (end > start && text[end - 1] == '\r' ? 1 : 0);
    ++lines;
    total += len;
    last = len;
    start = end + 1;
  }
  return "(" + std::to_string(lines) + " " + std::to_string(total) + " " + std::to_string(last) + ")";
}

std::string summary_fold(const std::string& path) {
  return "(file/fold-lines " + q(path) +
         " (fn (acc l) (list (+ (first acc) 1) (+ (nth acc 1) (string-length l)) (string-length l))) (list 0 0 0))";
}

// Lines of 1 to 60 bytes until the text is exactly `size` bytes long, the
// last byte a newline.
std::string lines_of_size(size_t size) {
  std::string s;
  for (size_t i = 0; s.size() < size; ++i) {
    size_t left = size - s.size();
    size_t len = std::min(left, 1 + i % 60);
    if (left - len == 1) ++len;  // never leave a single byte for the end
    s.append(len - 1, static_cast<char>('a' + i % 26));
    s.push_back('\n');
  }
  return s;
}

}  // namespace

TEST_CASE("files of whole blocks: the last byte of a block ends the file", "[plugin:fastio]") {
  Both b;
  Files f;
  for (size_t blocks : {2u, 3u}) {
    INFO(blocks << " blocks");
    std::string text = lines_of_size(blocks * kBuffer);
    REQUIRE(text.size() == blocks * kBuffer);
    std::string p = f.write("whole", text);
    CHECK(b.eval(summary_fold(p)) == summary_of(text));
    // the same without the final newline, and with one byte more
    std::string cut = text.substr(0, text.size() - 1);
    std::string pc = f.write("cut", cut);
    CHECK(b.eval(summary_fold(pc)) == summary_of(cut));
    std::string more = text + "z";
    std::string pm = f.write("more", more);
    CHECK(b.eval(summary_fold(pm)) == summary_of(more));
  }
}

TEST_CASE("a first block without a newline, and a block that is all one line", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string head(kBuffer + kBuffer / 2, 'h');
  std::string middle(2 * kBuffer, 'm');
  std::string text = head + "\nshort\n" + middle + "\r\nend ✓";
  std::string p = f.write("lines", text);
  CHECK(b.eval(summary_fold(p)) == summary_of(text));
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (if (< (string-length l) 100) (cons l acc) acc)) '())") ==
        "(\"end ✓\" \"short\")");
}

TEST_CASE("UTF-8 checked on the reading thread: a bad byte in a later block stops there", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string text = lines_of_size(3 * kBuffer);
  // in the middle of the third block, and in the line that joins blocks 1 and 2
  for (size_t at : {2 * kBuffer + kBuffer / 2, kBuffer - 3, kBuffer + 2}) {
    INFO("bad byte at " << at);
    std::string bad = text;
    bad[at] = '\xff';
    std::string p = f.write("bad", bad);
    // the lines before the bad byte's line all ran
    auto before = std::count(bad.begin(), bad.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    b.eval("(define n 0)");
    CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (begin (set! n (+ n 1)) acc)) 0)") ==
          "IO error: file/fold-lines " + p + ": stream did not contain valid UTF-8");
    CHECK(b.eval("n") == std::to_string(before));
  }
}

TEST_CASE("a fold that stops early in a large file, again and nested", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string text = lines_of_size(6 * kBuffer);
  std::string p = f.write("large", text);
  for (int round = 0; round < 3; ++round) {
    CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc l) (if (= acc 10) (error \"stop\") (+ acc 1))) 0)") == "Eval error: stop");
    CHECK(b.eval("(try (file/for-each-line " + q(p) + " (fn (l) (throw (string-length l)))) (catch e (:value e)))") == "0");
  }
  // a fold inside another fold's callback: two readers at once
  std::string small = f.write("small", "x\ny\nz\n");
  CHECK(b.eval("(file/fold-lines " + q(small) + " (fn (acc l) (+ acc (file/fold-lines " + q(p) +
               " (fn (a l2) (+ a 1)) 0))) 0)") == std::to_string(3 * std::count(text.begin(), text.end(), '\n')));
}

TEST_CASE("a FIFO larger than a read is read on the caller's thread", "[plugin:fastio]") {
  Files f;
  std::string path = f.dir() + "/fifo";
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  std::string text = lines_of_size(2 * kBuffer + 4096) + std::string(kBuffer + 10, 'L') + "\nlast";
  for (const char* plugins : {fastio_test::kFastPlugins, fastio_test::kPlainPlugins}) {
    INFO(plugins);
    sema::test::Session s(plugins);
    std::thread writer([&] { std::ofstream(path, std::ios::binary) << text; });
    std::string got = s.eval(summary_fold(path));
    writer.join();
    CHECK(got == summary_of(text));
  }
}
