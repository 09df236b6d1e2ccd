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
using sema::rt::mini::LineKeys;

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
    CHECK(f.has_number() == parses);
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
  CHECK(!f.has_number());  // "b;1.5" is not a number of that shape
  line_facts(-1, line.data(), line.size(), &f);
  CHECK(f.known == 0);
  CHECK(!f.has_number());
  // a separator byte above 127 (UTF-8 continuation bytes are bytes like any)
  std::string u = "é;2.5";
  line_facts(0xC3, u.data(), u.size(), &f);
  CHECK(f.first_sep == 0);
  CHECK(!f.has_number());
}

TEST_CASE("line facts: the names numbered in order of first sight", "[runtime]") {
  LineKeys keys;
  std::vector<std::string> rows = {"Abha;1.0", "Hamburg;2.0", "Abha;3.0", "", "Zürich;4", "Hamburg", "Ouagadougou-Long-Name-Over-16;0.0",
                                   ";5.0", "Abha;", "Ouagadougou-Long-Name-Over-16", "Abh;1.0"};
  std::vector<unsigned> want = {1, 2, 1, 3, 4, 2, 5, 3, 1, 5, 6};
  for (size_t i = 0; i < rows.size(); ++i) {
    INFO("row: " << rows[i]);
    LineFacts f{};
    line_facts(';', rows[i].data(), rows[i].size(), &f, &keys);
    CHECK(f.key == want[i]);
    LineFacts plain{};
    line_facts(';', rows[i].data(), rows[i].size(), &plain);
    CHECK(plain.key == 0);  // no table: no number
    CHECK(plain.first_sep == f.first_sep);
    CHECK(plain.name_hash == f.name_hash);
  }
  // a table that is full numbers no new name, and keeps the old ones
  LineKeys small(2);
  LineFacts f{};
  for (const char* row : {"a;1", "b;1", "c;1", "a;1"}) line_facts(';', row, std::strlen(row), &f, &small);
  CHECK(f.key == 1);
  line_facts(';', "c;1", 3, &f, &small);
  CHECK(f.key == 0);
  // a name too long for the table has none
  LineKeys keys2;
  std::string longest(LineKeys::kMaxName, 'x'), over(LineKeys::kMaxName + 1, 'x');
  std::string r1 = longest + ";1.0", r2 = over + ";1.0";
  line_facts(';', r1.data(), r1.size(), &f, &keys2);
  CHECK(f.key == 1);
  line_facts(';', r2.data(), r2.size(), &f, &keys2);
  CHECK(f.key == 0);
  // none asked for: no number either
  line_facts(-1, "a;1", 3, &f, &small);
  CHECK(f.key == 0);
}
