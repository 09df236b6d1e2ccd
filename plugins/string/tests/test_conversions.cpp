// string plugin: conversions (stdlib.md §3.3) and string/number?.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <sema/number_syntax.hpp>

#include <algorithm>
#include <bit>
#include <string>
#include <vector>

using sema::test::Session;

TEST_CASE("symbols and keywords to and from strings", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string->symbol "abc"))~") == "abc");
  CHECK(s.eval(R"~((symbol? (string->symbol "a b")))~") == "#t");
  CHECK(s.eval(R"~((string->symbol "a b"))~") == "a b");
  CHECK(s.eval(R"~((eq? (string->symbol "x") 'x))~") == "#t");
  CHECK(s.eval("(symbol->string 'abc)") == R"~("abc")~");
  CHECK(s.eval(R"~((string->keyword "k"))~") == ":k");
  CHECK(s.eval(R"~((eq? (string->keyword "k") :k))~") == "#t");
  CHECK(s.eval(R"~((string->keyword ":a"))~") == "::a");  // the colon is kept
  CHECK(s.eval("(keyword->string :abc)") == R"~("abc")~");
  CHECK(s.eval("(string->symbol 'a)") == "Type error: expected string, got symbol");
  CHECK(s.eval(R"~((symbol->string "a"))~") == "Type error: expected symbol, got string");
  CHECK(s.eval("(symbol->string :a)") == "Type error: expected symbol, got keyword");
  CHECK(s.eval("(string->keyword :a)") == "Type error: expected string, got keyword");
  CHECK(s.eval("(keyword->string 'a)") == "Type error: expected keyword, got symbol");
  CHECK(s.eval("(keyword->string)") == "Arity error: keyword->string expects 1 args, got 0");
}

TEST_CASE("number->string drops .0 and never uses exponents", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval("(number->string 42)") == R"~("42")~");
  CHECK(s.eval("(number->string -7)") == R"~("-7")~");
  CHECK(s.eval("(number->string 9223372036854775807)") == R"~("9223372036854775807")~");
  CHECK(s.eval("(number->string 3.0)") == R"~("3")~");
  CHECK(s.eval("(number->string 3.14)") == R"~("3.14")~");
  CHECK(s.eval("(number->string -0.0)") == R"~("-0")~");
  CHECK(s.eval("(number->string 0.1)") == R"~("0.1")~");
  CHECK(s.eval("(number->string 1e21)") == R"~("1000000000000000000000")~");
  CHECK(s.eval("(number->string 1e23)") == R"~("100000000000000000000000")~");
  CHECK(s.eval("(number->string 1e-7)") == R"~("0.0000001")~");
  CHECK(s.eval("(number->string (string->number \"nan\"))") == R"~("NaN")~");
  CHECK(s.eval("(number->string (string->number \"inf\"))") == R"~("inf")~");
  CHECK(s.eval("(number->string (string->number \"-inf\"))") == R"~("-inf")~");
  CHECK(s.eval("(str 3.0)") == R"~("3.0")~");  // unlike str
  CHECK(s.eval(R"~((number->string "1"))~") == "Type error: expected number, got string");
  CHECK(s.eval("(number->string nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(number->string 1 2)") == "Arity error: number->string expects 1 args, got 2");
}

TEST_CASE("string->number parses an i64 first, then a Rust f64", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string->number "42"))~") == "42");
  CHECK(s.eval(R"~((string->number "+5"))~") == "5");
  CHECK(s.eval(R"~((string->number "-0"))~") == "0");
  CHECK(s.eval(R"~((string->number "-17"))~") == "-17");
  CHECK(s.eval(R"~((string->number "007"))~") == "7");
  CHECK(s.eval(R"~((string->number "-9223372036854775808"))~") == "-9223372036854775808");
  CHECK(s.eval(R"~((string->number "9223372036854775808"))~") == "9223372036854775808.0");
  CHECK(s.eval(R"~((string->number "3.14"))~") == "3.14");
  CHECK(s.eval(R"~((string->number ".5"))~") == "0.5");
  CHECK(s.eval(R"~((string->number "5."))~") == "5.0");
  CHECK(s.eval(R"~((string->number "-.5"))~") == "-0.5");
  CHECK(s.eval(R"~((string->number "1e3"))~") == "1000.0");
  CHECK(s.eval(R"~((string->number "1E-3"))~") == "0.001");
  CHECK(s.eval(R"~((string->number "2.5e+2"))~") == "250.0");
  CHECK(s.eval(R"~((string->number "1e400"))~") == "inf");
  CHECK(s.eval(R"~((string->number "-1e400"))~") == "-inf");
  CHECK(s.eval(R"~((string->number "inf"))~") == "inf");
  CHECK(s.eval(R"~((string->number "+inf"))~") == "inf");
  CHECK(s.eval(R"~((string->number "-infinity"))~") == "-inf");
  CHECK(s.eval(R"~((string->number "Infinity"))~") == "inf");
  CHECK(s.eval(R"~((string->number "nan"))~") == "NaN");
  CHECK(s.eval(R"~((string->number "NaN"))~") == "NaN");
  CHECK(s.eval(R"~((string->number "0.1"))~") == "0.1");
  // around the limits of the one-pass path (18 int digits, 15 decimal digits)
  CHECK(s.eval(R"~((string->number "999999999999999999"))~") == "999999999999999999");
  CHECK(s.eval(R"~((string->number "-1000000000000000000"))~") == "-1000000000000000000");
  CHECK(s.eval(R"~((string->number "-12.3"))~") == "-12.3");
  CHECK(s.eval(R"~((string->number "-0.0"))~") == "-0.0");
  CHECK(s.eval(R"~((string->number "+0.5"))~") == "0.5");
  CHECK(s.eval(R"~((string->number "-0.0"))~") == "-0.0");
  CHECK(s.eval(R"~((string->number "-99.9"))~") == "-99.9");
  CHECK(s.eval(R"~((string->number "12345678901234.5"))~") == "12345678901234.5");
  CHECK(s.eval(R"~((string->number "1234567890123456.7"))~") == "1234567890123456.8");
  CHECK(s.eval(R"~((string->number "0.30000000000000004"))~") == "0.30000000000000004");
  CHECK(s.eval(R"~((integer? (string->number "10")))~") == "#t");
  CHECK(s.eval(R"~((float? (string->number "10.0")))~") == "#t");
  for (const char* bad : {"", " 42", "42 ", "42\r", "0x10", "1_000", "abc", "+", "-", ".", "1e", "e5", "+-5", "--5",
                          "1.2.3", "nan(1)", "infinit", "1,5", "1/2", "1:2", "9:", "0/", "-1.:", "12.3/"}) {
    INFO(bad);
    CHECK(s.eval(std::string("(string->number \"") + bad + "\")") ==
          std::string("Eval error: cannot parse '") + bad + "' as number");
  }
  CHECK(s.eval("(string->number 42)") == "Type error: expected string, got int");
  CHECK(s.eval("(string->number 'a)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(string->number)") == "Arity error: string->number expects 1 args, got 0");
}

TEST_CASE("string/number? agrees with string->number", "[plugin:string]") {
  Session s("core,string");
  for (const char* good : {"42", "+5", "-0", "3.14", ".5", "5.", "1e3", "inf", "-Infinity", "NaN", "99999999999999999999"}) {
    INFO(good);
    CHECK(s.eval(std::string("(string/number? \"") + good + "\")") == "#t");
  }
  for (const char* bad : {"", " 1", "0x10", "1_0", "abc", "."}) {
    INFO(bad);
    CHECK(s.eval(std::string("(string/number? \"") + bad + "\")") == "#f");
  }
  CHECK(s.eval("(string/number? 1)") == "Type error: expected string, got int");
}

TEST_CASE("string->number and string/split behave the same through a callback", "[plugin:string]") {
  // Called from a builtin the calls may take the fast-path hooks; the
  // results and errors must be those of the plain builtins.
  Session s("core,string");
  CHECK(s.eval(R"~((map string->number '("1" "2.5" "-3")))~") == "(1 2.5 -3)");
  CHECK(s.eval(R"~((map (fn (x) (string->number x)) '("1" "1e2")))~") == "(1 100.0)");
  CHECK(s.eval(R"~((map (fn (x) (string->number x)) '("1" "x")))~") == "Eval error: cannot parse 'x' as number");
  CHECK(s.eval(R"~((map (fn (x) (string/split x ",")) '("a,b" "")))~") == R"~((("a" "b") ("")))~");
  CHECK(s.eval(R"~((map (fn (x) (string/split x 1)) '("a")))~") == "Type error: expected string, got int");
}

TEST_CASE("string->number: the evaluator's inline parse agrees with the builtin", "[plugin:string]") {
  // string->number is tagged SEMA_INTRINSIC_STRING_TO_NUMBER: a direct call
  // on a short decimal text is parsed by the evaluator, a call through apply
  // by the plugin; the two must give the same number of the same kind.
  Session s("core,string");
  for (const char* text : {"0", "-0", "+7", "007", "-12.3", "+12.3", "-0.0", "99.95", "123456789012345678",
                           "-123456789012345678", "1234567890123456789", "140737488355327", "140737488355328",
                           "-140737488355328", "-140737488355329", "9223372036854775808", "123456789012345.6",
                           "1234567890123456.7", "0.123456789012345", "1e5", ".5", "1.", "0x10", "inf", "nan", "x"}) {
    INFO(text);
    std::string direct = std::string("(string->number \"") + text + "\")";
    std::string via = std::string("(apply string->number (list \"") + text + "\"))";
    CHECK(s.eval(direct) == s.eval(via));
    CHECK(s.eval("(float? " + direct + ")") == s.eval("(float? " + via + ")"));
  }
  CHECK(s.eval(R"~((string->number "-0.0"))~") == "-0.0");
  CHECK(s.eval(R"~((string->number "140737488355328"))~") == "140737488355328");
  CHECK(s.eval(R"~((string->number "1."))~") == "1.0");
  CHECK(s.eval(R"~((let ((t "12.5")) (string->number t)))~") == "12.5");
  CHECK(s.eval("(let ((t 12)) (string->number t))") == "Type error: expected string, got int");
}

// parse_tenths and parse_tenths_until (the mini-eval's deferred split fields)
// must give parse_short's double, bit for bit, on every text they take, and
// take only texts parse_short reads as that float.
TEST_CASE("parse_tenths agrees with parse_short", "[plugin:string]") {
  std::vector<std::string> wholes = {"", "1000", "9999", "0000", "1234"};
  for (int n = 0; n < 1000; ++n) {
    std::string d = std::to_string(n);
    if (n < 10) wholes.push_back(d);
    if (n < 100) wholes.push_back(std::string(2 - std::min<size_t>(2, d.size()), '0') + d);
    wholes.push_back(std::string(3 - d.size(), '0') + d);
  }
  std::vector<std::string> texts;
  for (const char* sign : {"", "-", "+"})
    for (const std::string& w : wholes)
      for (const char* tail : {".0", ".5", ".9", ".", ".05", "", "..1", ".x", "e1", ".1e1"}) texts.push_back(sign + w + tail);
  for (const char* t : {"-0.0", "0.0", "999.9", "-999.9", "1000.0", "--1.0", "-+1.0", " 1.0", "1.0 ", "a.0", "1.a", "\u0663.\u0663",
                        "1-1.0", "-1-.0", "12.-5", "-..5", "-", "-1", "..", "1.5\r", "\xff" "1.5", "/1.5", ":1.5", "1/.5", "1:.5"})
    texts.emplace_back(t);
  size_t taken = 0;
  for (const std::string& t : texts) {
    INFO(t);
    int64_t i = 0;
    double want = 0, got = 0;
    sema::num::Short kind = sema::num::parse_short(t, &i, &want);
    bool tenths = sema::num::parse_tenths(t, &got);
    if (tenths) {
      ++taken;
      REQUIRE(kind == sema::num::Short::Float);
      CHECK(std::bit_cast<uint64_t>(got) == std::bit_cast<uint64_t>(want));
    }
    // parse_tenths_back on exactly the text, alone and after other bytes
    // (a digit, a '-', a separator: it must not read before its start)
    for (const char* before : {"", "1", "-", "ab;", "9;-"}) {
      std::string line = before + t;
      const char* p = line.data() + std::string_view(before).size();
      double back = 0;
      CHECK(sema::num::parse_tenths_back(p, line.data() + line.size(), &back) == tenths);
      if (tenths) CHECK(std::bit_cast<uint64_t>(back) == std::bit_cast<uint64_t>(want));
    }
    // the same text after a field and followed by the stop byte, by the
    // end, or by anything else: taken when the field up to the first stop
    // is, with parse_short's value for that field
    for (const char* after : {"", ";", ";12.5", ",", "x", "5", ".", "-"}) {
      std::string line = "ab;" + t + after;
      const char* p = line.data() + 3;
      std::string_view rest(p, line.size() - 3);
      std::string_view field = rest.substr(0, rest.find(';'));
      double field_tenths = 0, field_short = 0;
      bool field_ok = sema::num::parse_tenths(field, &field_tenths);
      const char* end = nullptr;
      double until = 0;
      bool ok = sema::num::parse_tenths_until(p, line.data() + line.size(), ';', &until, &end);
      CHECK(ok == field_ok);
      if (ok) {
        REQUIRE(sema::num::parse_short(field, &i, &field_short) == sema::num::Short::Float);
        CHECK(end == field.data() + field.size());
        CHECK(std::bit_cast<uint64_t>(until) == std::bit_cast<uint64_t>(field_short));
      }
    }
  }
  // "" and "-" before 1 to 3 digits, then ".0", ".5" or ".9"; and four extras
  CHECK(taken == 2 * (10 + 100 + 1000) * 3 + 4);
}
