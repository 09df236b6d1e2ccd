// fastio plugin: station names of every length 0-40, one byte apart, as the
// deferred key's lookup by bytes (hashmap_get_text: hash_bytes and
// same_text on a field inside the line) and as strings; lines of every
// length refilling the one line string (string_refill), growing and
// shrinking. Every program runs with fastio and with plain io.
#include "fastio_test.hpp"

#include <string>
#include <vector>

using fastio_test::Both;
using fastio_test::brc;
using fastio_test::Files;
using fastio_test::q;

TEST_CASE("text keys: names of every length, one byte apart, new then existing", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::vector<std::string> all = sema::test::one_byte_apart();  // names of every length 0-40, one byte apart
  std::string text;
  // Each name twice (a new station, then an existing one), in two orders,
  // so that lookups meet keys of other lengths and one byte apart.
  for (int round = 0; round < 2; ++round) {
    for (const std::string& n : all) text += n + ";" + std::to_string(n.size() % 7) + ".5\n";
    for (size_t i = all.size(); i-- > 0;) text += all[i] + ";-" + std::to_string(i % 5) + ".0\n";
  }
  std::string p = q(f.write("names", text));
  std::string h = "(file/fold-lines " + p + " " + brc() + " (hashmap/new))";
  b.run("(hashmap/to-map " + h + ")");
  CHECK(b.eval("(count " + h + ")") == std::to_string(all.size()));
  // every station seen four times, under the string it was made from
  CHECK(b.eval("(let ((m " + h + ")) (list (get (get m \"kkkkkkkkxkkkkk\") :count) (get (get m \"\") :count)"
               " (get (get m \"kkkkkkkkkkkkkkkx\") :count) (get m \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\")))") ==
        "(4 4 4 nil)");
}

TEST_CASE("text keys: lines of every length refill the line string", "[plugin:fastio]") {
  Both b;
  Files f;
  // Lines of 0 to 40 bytes, growing, shrinking and alternating short and
  // long, each folded in as its own text (the line string is refilled).
  std::string text;
  for (size_t n = 0; n <= 40; ++n) text += std::string(n, static_cast<char>('a' + n % 26)) + "\n";
  for (size_t n = 41; n-- > 0;) text += std::string(n, static_cast<char>('A' + n % 26)) + "\n";
  for (size_t n = 0; n <= 40; ++n) text += std::string(n % 2 ? 3 : 33, static_cast<char>('0' + n % 10)) + "\n";
  std::string p = q(f.write("lines", text));
  b.run("(file/fold-lines " + p + " (fn (acc line) (cons (str (count line) \":\" line) acc)) '())");
  b.run("(file/fold-lines " + p + " (fn (acc line) (if (= line \"\") acc (assoc acc line (count line)))) (hashmap/new))");
}
