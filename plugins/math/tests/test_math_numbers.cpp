// math plugin: abs, min, max, floor/ceil/round/truncate, int, float,
// math/sign, math/clamp, math/nan?, math/infinite? and the constants.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("abs keeps the type and wraps on i64 min", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(abs -5)") == "5");
  CHECK(s.eval("(abs 5)") == "5");
  CHECK(s.eval("(abs -2.5)") == "2.5");
  CHECK(s.eval("(abs -0.0)") == "0.0");
  CHECK(s.eval("(abs -9223372036854775808)") == "-9223372036854775808");
  CHECK(s.eval("(abs -140737488355329)") == "140737488355329");  // beyond the immediate int range
  CHECK(s.eval(R"~((abs "1"))~") == "Type error: expected number, got string");
  CHECK(s.eval("(abs)") == "Arity error: abs expects 1 args, got 0");
}

TEST_CASE("min and max return an argument as is; ties pick the later one", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(min 3 1 2)") == "1");
  CHECK(s.eval("(max 3 1 2)") == "3");
  CHECK(s.eval("(min 1 1.0)") == "1.0");
  CHECK(s.eval("(min 1.0 1)") == "1");
  CHECK(s.eval("(max 2 2.0)") == "2.0");
  CHECK(s.eval("(max 2.0 2)") == "2");
  CHECK(s.eval("(min 2.5 3)") == "2.5");
  CHECK(s.eval("(max 2.5 3)") == "3");
  CHECK(s.eval("(min -0.0 0.0)") == "0.0");
  CHECK(s.eval("(min 7)") == "7");
  CHECK(s.eval(R"~((min "a"))~") == R"~("a")~");  // one argument is returned unchecked
  CHECK(s.eval("(max 9223372036854775807 9223372036854775806)") == "9223372036854775807");
  // The type error names the operand that is wrong (decisions.md #8).
  CHECK(s.eval(R"~((min 1 "a"))~") == "Type error: expected number, got string");
  CHECK(s.eval(R"~((min "a" 1))~") == "Type error: expected number, got string");
  CHECK(s.eval("(max 1 2 nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(max :k 2)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(min)") == "Arity error: min expects 1+ args, got 0");
  CHECK(s.eval("(max)") == "Arity error: max expects 1+ args, got 0");
}

TEST_CASE("min and max through callbacks give the same results", "[plugin:math]") {
  // Two-argument calls may take the fast-path hooks.
  Session s("core,math");
  CHECK(s.eval("(map (fn (a b) (min a b)) '(1 2.0 3) '(1.0 2 1))") == "(1.0 2 1)");
  CHECK(s.eval("(map (fn (a b) (max a b)) '(1 2.0 3) '(1.0 2 1))") == "(1.0 2 3)");
  CHECK(s.eval("(foldl max 0 '(3 9 2))") == "9");
  CHECK(s.eval("(map (fn (a) (min a \"x\")) '(1))") == "Type error: expected number, got string");
  CHECK(s.eval("(map (fn (x) (float x)) '(1 2.5))") == "(1.0 2.5)");
  CHECK(s.eval("(map (fn (x) (int x)) '(1.9 \"7\"))") == "(1 7)");
  CHECK(s.eval("(map (fn (x) (int x)) '(\"7.5\"))") == "Eval error: cannot convert '7.5' to int");
}

TEST_CASE("floor, ceil, round and truncate return ints", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(floor 3.7)") == "3");
  CHECK(s.eval("(floor -3.2)") == "-4");
  CHECK(s.eval("(ceil 3.2)") == "4");
  CHECK(s.eval("(ceil -3.7)") == "-3");
  CHECK(s.eval("(ceiling 3.2)") == "4");
  CHECK(s.eval("(truncate -3.7)") == "-3");
  CHECK(s.eval("(truncate 3.7)") == "3");
  CHECK(s.eval("(round 2.5)") == "3");  // half away from zero
  CHECK(s.eval("(round -2.5)") == "-3");
  CHECK(s.eval("(round 0.5)") == "1");
  CHECK(s.eval("(round 1.4)") == "1");
  CHECK(s.eval("(round -0.4)") == "0");
  CHECK(s.eval("(floor 5)") == "5");
  CHECK(s.eval("(round -9223372036854775808)") == "-9223372036854775808");
  // NaN and infinities saturate.
  CHECK(s.eval("(floor math/nan)") == "0");
  CHECK(s.eval("(round math/infinity)") == "9223372036854775807");
  CHECK(s.eval("(ceil (- math/infinity))") == "-9223372036854775808");
  CHECK(s.eval("(truncate 1e300)") == "9223372036854775807");
  CHECK(s.eval("(floor -1e19)") == "-9223372036854775808");
  CHECK(s.eval(R"~((floor "3.5"))~") == "Type error: expected number, got string");
  CHECK(s.eval("(round nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(ceiling)") == "Arity error: ceil expects 1 args, got 0");
  CHECK(s.eval("(ceil 1 2)") == "Arity error: ceil expects 1 args, got 2");
  CHECK(s.eval("(truncate 1 2)") == "Arity error: truncate expects 1 args, got 2");
}

TEST_CASE("int converts numbers and i64 strings", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(int 42)") == "42");
  CHECK(s.eval("(int 3.9)") == "3");
  CHECK(s.eval("(int -3.9)") == "-3");
  CHECK(s.eval("(int math/nan)") == "0");
  CHECK(s.eval("(int math/infinity)") == "9223372036854775807");
  CHECK(s.eval("(int (- math/infinity))") == "-9223372036854775808");
  CHECK(s.eval(R"~((int "42"))~") == "42");
  CHECK(s.eval(R"~((int "+7"))~") == "7");
  CHECK(s.eval(R"~((int "-9223372036854775808"))~") == "-9223372036854775808");
  CHECK(s.eval(R"~((int "3.5"))~") == "Eval error: cannot convert '3.5' to int");
  CHECK(s.eval(R"~((int " 3"))~") == "Eval error: cannot convert ' 3' to int");
  CHECK(s.eval(R"~((int ""))~") == "Eval error: cannot convert '' to int");
  CHECK(s.eval(R"~((int "9223372036854775808"))~") == "Eval error: cannot convert '9223372036854775808' to int");
  CHECK(s.eval(R"~((int "1e3"))~") == "Eval error: cannot convert '1e3' to int");
  CHECK(s.eval(R"~((int #\1))~") == "Type error: expected number or string, got char");
  CHECK(s.eval("(int nil)") == "Type error: expected number or string, got nil");
  CHECK(s.eval("(int)") == "Arity error: int expects 1 args, got 0");
}

TEST_CASE("float converts numbers and Rust-syntax strings", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(float 3)") == "3.0");
  CHECK(s.eval("(float 2.5)") == "2.5");
  CHECK(s.eval("(float -9223372036854775808)") == "-9223372036854775808.0");
  CHECK(s.eval(R"~((float "2.5"))~") == "2.5");
  CHECK(s.eval(R"~((float "5"))~") == "5.0");
  CHECK(s.eval(R"~((float ".5"))~") == "0.5");
  CHECK(s.eval(R"~((float "1e3"))~") == "1000.0");
  CHECK(s.eval(R"~((float "inf"))~") == "inf");
  CHECK(s.eval(R"~((float "-Infinity"))~") == "-inf");
  CHECK(s.eval(R"~((float "NaN"))~") == "NaN");
  CHECK(s.eval(R"~((float "99999999999999999999"))~") == "100000000000000000000.0");
  CHECK(s.eval(R"~((float "abc"))~") == "Eval error: cannot convert 'abc' to float");
  CHECK(s.eval(R"~((float " 1.0"))~") == "Eval error: cannot convert ' 1.0' to float");
  CHECK(s.eval(R"~((float "0x1p3"))~") == "Eval error: cannot convert '0x1p3' to float");
  CHECK(s.eval("(float :a)") == "Type error: expected number or string, got keyword");
  CHECK(s.eval("(float 1 2)") == "Arity error: float expects 1 args, got 2");
}

TEST_CASE("math/sign, math/clamp, math/nan?, math/infinite?", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(math/sign -5)") == "-1");
  CHECK(s.eval("(math/sign 0)") == "0");
  CHECK(s.eval("(math/sign 9)") == "1");
  CHECK(s.eval("(math/sign -2.5)") == "-1");
  CHECK(s.eval("(math/sign 0.1)") == "1");
  CHECK(s.eval("(math/sign -0.0)") == "0");
  CHECK(s.eval("(math/sign math/nan)") == "0");
  CHECK(s.eval("(math/sign (- math/infinity))") == "-1");
  CHECK(s.eval(R"~((math/sign "1"))~") == "Type error: expected number, got string");

  CHECK(s.eval("(math/clamp 5 0 10)") == "5");
  CHECK(s.eval("(math/clamp -5 0 10)") == "0");
  CHECK(s.eval("(math/clamp 15 0 10)") == "10");
  CHECK(s.eval("(math/clamp 5 0 10.0)") == "5.0");
  CHECK(s.eval("(math/clamp 2.5 0 1)") == "1.0");
  CHECK(s.eval("(math/clamp 5 10 0)") == "0");  // lo > hi gives hi
  CHECK(s.eval("(math/clamp math/nan 0 10)") == "0.0");  // fmax picks the non-NaN operand
  CHECK(s.eval("(math/clamp 5 0 nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(math/clamp :a 0 1)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(math/clamp 1 2)") == "Arity error: math/clamp expects 3 args, got 2");

  CHECK(s.eval("(math/nan? math/nan)") == "#t");
  CHECK(s.eval("(math/nan? 1.0)") == "#f");
  CHECK(s.eval("(math/nan? 1)") == "#f");
  CHECK(s.eval(R"~((math/nan? "NaN"))~") == "#f");  // no type error
  CHECK(s.eval("(math/infinite? math/infinity)") == "#t");
  CHECK(s.eval("(math/infinite? (- math/infinity))") == "#t");
  CHECK(s.eval("(math/infinite? math/nan)") == "#f");
  CHECK(s.eval("(math/infinite? 1e308)") == "#f");
  CHECK(s.eval("(math/infinite? nil)") == "#f");
  CHECK(s.eval("(math/nan?)") == "Arity error: math/nan? expects 1 args, got 0");
}

TEST_CASE("constants pi, e, math/infinity, math/nan", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("pi") == "3.141592653589793");
  CHECK(s.eval("e") == "2.718281828459045");
  CHECK(s.eval("math/infinity") == "inf");
  CHECK(s.eval("math/nan") == "NaN");
  CHECK(s.eval("(float? pi)") == "#t");
}

TEST_CASE("float: the evaluator's inline cases agree with the builtin", "[plugin:math]") {
  // float is tagged SEMA_INTRINSIC_FLOAT: a float or an immediate int is
  // converted by the evaluator, the rest (big ints, strings, errors) by the
  // plugin; a call through apply always runs the plugin.
  Session s("core,math");
  for (const char* x : {"0", "-7", "140737488355327", "-140737488355328", "140737488355328", "9223372036854775807",
                        "1.5", "-0.0", "0.0", "(sqrt -1.0)", "(float \"inf\")", "(float \"-inf\")"}) {
    INFO(x);
    CHECK(s.eval(std::string("(float ") + x + ")") == s.eval(std::string("(apply float (list ") + x + "))"));
    CHECK(s.eval(std::string("(let ((v ") + x + ")) (float v))") == s.eval(std::string("(apply float (list ") + x + "))"));
  }
  CHECK(s.eval("(float -0.0)") == "-0.0");
  CHECK(s.eval("(float (sqrt -1.0))") == "NaN");
  CHECK(s.eval("(let ((v (float \"-inf\"))) (float v))") == "-inf");
  CHECK(s.eval("(let ((v 7)) (float v))") == "7.0");
  CHECK(s.eval("(let ((v nil)) (float v))") == "Type error: expected number or string, got nil");
  CHECK(s.eval(R"~((let ((v "x")) (float v)))~") == "Eval error: cannot convert 'x' to float");
}
