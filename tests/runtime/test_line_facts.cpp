// A line's facts worked out ahead of its row (eval/line_facts.hpp): each
// must be exactly what the row would work out from the bytes itself (the
// first separator as memchr finds it, the name's text_hash, the number
// field as parse_tenths_back parses it), for lines of every shape.
#include "eval/line_facts.hpp"
#include "value/text_hash.hpp"

#include <sema/number_syntax.hpp>

#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

using sema::rt::text_hash;
using sema::rt::mini::line_facts;
using sema::rt::mini::LineFacts;

namespace {

std::vector<std::string> lines() {
  std::vector<std::string> names = {"", "a", "Abha", "Hamburg", "St. John's", "Ouagadougou-Long-Name-Over-16",
                                    "Zürich", "x;y"};
  std::vector<std::string> numbers = {"", "0.0", "-0.0", "1.2", "12.3", "-12.3", "99.9", "-99.9", "123.4", "-123.4",
                                      "1234.5", "12", "1.23", ".5", "-", "1.", "--1.2", "1.2;", "+1.2", "1,2", "12.3\r"};
  std::vector<std::string> out;
  for (const auto& n : names)
    for (const auto& v : numbers) {
      out.push_back(n + ";" + v);
      out.push_back(n + v);  // no separator between them
    }
  out.push_back(";");
  out.push_back(";;");
  out.push_back(std::string(100, 'k') + ";1.0");
  return out;
}

}  // namespace

TEST_CASE("line facts: the first separator, the name's hash, the number field", "[runtime]") {
  for (const std::string& line : lines()) {
    INFO("line: " << line);
    LineFacts f{};
    line_facts(';', line.data(), line.size(), &f);
    size_t first = line.find(';');
    if (first == std::string::npos) first = line.size();
    REQUIRE(f.known == 1);
    CHECK(f.sep == ';');
    CHECK(f.first_sep == first);
    CHECK(f.name_hash == text_hash(std::string_view(line.data(), first)));
    double want = 0;
    bool parses = first < line.size() &&
                  sema::num::parse_tenths_back(line.data() + first + 1, line.data() + line.size(), &want);
    CHECK(static_cast<bool>(f.has_number) == parses);
    if (parses) CHECK(std::memcmp(&f.number, &want, sizeof want) == 0);  // the same double, bit for bit
  }
}

TEST_CASE("line facts: another separator, and none asked for", "[runtime]") {
  std::string line = "a,b;1.5";
  LineFacts f{};
  line_facts(',', line.data(), line.size(), &f);
  CHECK(f.known == 1);
  CHECK(f.sep == ',');
  CHECK(f.first_sep == 1);
  CHECK(f.has_number == 0);  // "b;1.5" is not a number of that shape
  line_facts(-1, line.data(), line.size(), &f);
  CHECK(f.known == 0);
  CHECK(f.has_number == 0);
  // a separator byte above 127 (UTF-8 continuation bytes are bytes like any)
  std::string u = "é;2.5";
  line_facts(0xC3, u.data(), u.size(), &f);
  CHECK(f.first_sep == 0);
  CHECK(f.has_number == 0);
}
