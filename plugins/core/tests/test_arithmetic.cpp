// + - * / mod modulo (stdlib.md §2.6, §1.5) and gensym (§2.7).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("+ and * with contagion", "[core][arithmetic]") {
  Session s("core");
  CHECK(s.eval("(+)") == "0");
  CHECK(s.eval("(*)") == "1");
  CHECK(s.eval("(+ 5)") == "5");
  CHECK(s.eval("(+ 1 2)") == "3");
  CHECK(s.eval("(+ 1 2 3 4)") == "10");
  CHECK(s.eval("(+ 1 2.5)") == "3.5");
  CHECK(s.eval("(+ 1 2.0)") == "3.0");
  CHECK(s.eval("(* 2 3 4)") == "24");
  CHECK(s.eval("(* 2 1.5)") == "3.0");
  CHECK(s.eval("(* 1.5)") == "1.5");
  CHECK(s.eval("(+ 100000000000000 100000000000000)") == "200000000000000");
  CHECK(s.eval("(+ 1 \"2\")") == "Type error: expected number, got string");
  CHECK(s.eval("(+ \"1\" 2)") == "Type error: expected number, got string");
  CHECK(s.eval("(+ 1 2.0 nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(* 2 :k)") == "Type error: expected number, got keyword");
}

TEST_CASE("integer arithmetic wraps around", "[core][arithmetic]") {
  Session s("core");
  CHECK(s.eval("(+ 9223372036854775807 1)") == "-9223372036854775808");
  CHECK(s.eval("(- -9223372036854775808 1)") == "9223372036854775807");
  CHECK(s.eval("(* 9223372036854775807 2)") == "-2");
  CHECK(s.eval("(* 4611686018427387904 4)") == "0");
  CHECK(s.eval("(- -9223372036854775808)") == "-9223372036854775808");
  CHECK(s.eval("(+ 140737488355327 1)") == "140737488355328");
  CHECK(s.eval("(- -140737488355328 1)") == "-140737488355329");
}

TEST_CASE("subtraction negates or subtracts left to right", "[core][arithmetic]") {
  Session s("core");
  CHECK(s.eval("(- 5)") == "-5");
  CHECK(s.eval("(- 2.5)") == "-2.5");
  CHECK(s.eval("(- 0.0)") == "-0.0");
  CHECK(s.eval("(- 10 1 2)") == "7");
  CHECK(s.eval("(- 10 0.5)") == "9.5");
  CHECK(s.eval("(- 1.5 1)") == "0.5");
  CHECK(s.eval("(- 10 1 2.0)") == "7.0");
  CHECK(s.eval("(-)") == "Arity error: - expects 1+ args, got 0");
  CHECK(s.eval("(- \"a\")") == "Type error: expected number, got string");
  CHECK(s.eval("(- 1 nil)") == "Type error: expected number, got nil");
}

TEST_CASE("/ is an int only for whole int quotients", "[core][arithmetic]") {
  Session s("core");
  CHECK(s.eval("(/ 10 2)") == "5");
  CHECK(s.eval("(/ 7 2)") == "3.5");
  CHECK(s.eval("(/ 10.0 2)") == "5.0");
  CHECK(s.eval("(/ 10 2.0)") == "5.0");
  CHECK(s.eval("(/ 100 5 2)") == "10");
  CHECK(s.eval("(/ 1 3 3)") == "0.1111111111111111");
  CHECK(s.eval("(/ -9 3)") == "-3");
  CHECK(s.eval("(/ 1 0)") == "Eval error: division by zero");
  CHECK(s.eval("(/ 1.5 0.0)") == "Eval error: division by zero");
  CHECK(s.eval("(/ 1 -0.0)") == "Eval error: division by zero");
  CHECK(s.eval("(/ 1 0 \"x\")") == "Eval error: division by zero");
  CHECK(s.eval("(/ \"x\" 0)") == "Type error: expected number, got string");
  CHECK(s.eval("(/ 1 :k)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(/ 2)") == "Arity error: / expects 2+ args, got 1");
}

TEST_CASE("mod is a truncated remainder", "[core][arithmetic]") {
  Session s("core");
  CHECK(s.eval("(mod 7 2)") == "1");
  CHECK(s.eval("(mod -7 2)") == "-1");
  CHECK(s.eval("(mod 7 -2)") == "1");
  CHECK(s.eval("(modulo -7 -2)") == "-1");
  CHECK(s.eval("(mod 6 3)") == "0");
  CHECK(s.eval("(mod 7.5 2)") == "1.5");
  CHECK(s.eval("(mod -7 2.0)") == "-1.0");
  CHECK(s.eval("(mod 1 0.0)") == "NaN");
  CHECK(s.eval("(mod -9223372036854775808 -1)") == "0");
  CHECK(s.eval("(mod 5 0)") == "Eval error: modulo by zero");
  // each operand's own type is named (decisions.md #8)
  CHECK(s.eval("(mod 5 \"2\")") == "Type error: expected number, got string");
  CHECK(s.eval("(mod :a 2)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(mod 5 nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(modulo 5)") == "Arity error: mod expects 2 args, got 1");
  CHECK(s.eval("(mod 1 2 3)") == "Arity error: mod expects 2 args, got 3");
}

TEST_CASE("gensym shares one counter across prefixes", "[core][meta]") {
  Session s("core");
  std::string first = s.eval("(gensym)");
  REQUIRE(first.rfind("g__", 0) == 0);
  long n = std::stol(first.substr(3));
  CHECK(s.eval("(gensym \"tmp\")") == "tmp__" + std::to_string(n + 1));
  CHECK(s.eval("(gensym)") == "g__" + std::to_string(n + 2));
  CHECK(s.eval("(symbol? (gensym))") == "#t");
  CHECK(s.eval("(gensym 'p)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(gensym 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(gensym \"a\" \"b\")") == "Arity error: gensym expects 0 or 1 args, got 2");
}
