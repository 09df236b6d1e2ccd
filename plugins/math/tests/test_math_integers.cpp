// math plugin: math/quotient, math/remainder, math/gcd, math/lcm,
// math/random, math/random-int and bit/*.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("math/quotient and math/remainder truncate toward zero", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(math/quotient 7 2)") == "3");
  CHECK(s.eval("(math/quotient -7 2)") == "-3");
  CHECK(s.eval("(math/quotient 7 -2)") == "-3");
  CHECK(s.eval("(math/quotient -9223372036854775808 -1)") == "-9223372036854775808");  // wraps
  CHECK(s.eval("(math/remainder 7 2)") == "1");
  CHECK(s.eval("(math/remainder -7 2)") == "-1");  // the sign follows the dividend
  CHECK(s.eval("(math/remainder 7 -2)") == "1");
  CHECK(s.eval("(math/remainder -9223372036854775808 -1)") == "0");
  CHECK(s.eval("(math/quotient 1 0)") == "Eval error: math/quotient: division by zero");
  CHECK(s.eval("(math/remainder 1 0)") == "Eval error: math/remainder: division by zero");
  CHECK(s.eval("(math/quotient 7.0 2)") == "Type error: expected int, got float");
  CHECK(s.eval("(math/remainder 7 2.0)") == "Type error: expected int, got float");
  CHECK(s.eval("(math/quotient 7)") == "Arity error: math/quotient expects 2 args, got 1");
}

TEST_CASE("math/gcd and math/lcm work on absolute values", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(math/gcd 12 18)") == "6");
  CHECK(s.eval("(math/gcd -12 18)") == "6");
  CHECK(s.eval("(math/gcd 0 5)") == "5");
  CHECK(s.eval("(math/gcd 0 0)") == "0");
  CHECK(s.eval("(math/gcd 7 13)") == "1");
  CHECK(s.eval("(math/lcm 4 6)") == "12");
  CHECK(s.eval("(math/lcm -4 6)") == "12");
  CHECK(s.eval("(math/lcm 0 5)") == "0");
  CHECK(s.eval("(math/lcm 5 0)") == "0");
  CHECK(s.eval("(math/gcd 1.0 2)") == "Type error: expected int, got float");
  CHECK(s.eval("(math/lcm 1 nil)") == "Type error: expected int, got nil");
  CHECK(s.eval("(math/gcd 1)") == "Arity error: math/gcd expects 2 args, got 1");
}

TEST_CASE("math/random and math/random-int stay in range", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(float? (math/random))") == "#t");
  CHECK(s.eval("(every (fn (_) (let ((r (math/random))) (and (>= r 0) (< r 1)))) (range 200))") == "#t");
  CHECK(s.eval("(every (fn (_) (let ((r (math/random-int 1 3))) (and (>= r 1) (<= r 3)))) (range 200))") == "#t");
  // Both ends are reachable (inclusive range).
  CHECK(s.eval("(any (fn (_) (= (math/random-int 1 3) 3)) (range 500))") == "#t");
  CHECK(s.eval("(any (fn (_) (= (math/random-int 1 3) 1)) (range 500))") == "#t");
  CHECK(s.eval("(math/random-int 5 5)") == "5");
  CHECK(s.eval("(integer? (math/random-int -9223372036854775808 9223372036854775807))") == "#t");
  CHECK(s.eval("(math/random-int 3 1)") == "Eval error: math/random-int: empty range");
  CHECK(s.eval("(math/random-int 1.0 3)") == "Type error: expected int, got float");
  CHECK(s.eval("(math/random 1)") == "Arity error: math/random expects 0 args, got 1");
  CHECK(s.eval("(math/random-int 1)") == "Arity error: math/random-int expects 2 args, got 1");
}

TEST_CASE("bit/* operate on 64-bit two's complement", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(bit/and 12 10)") == "8");
  CHECK(s.eval("(bit/or 12 10)") == "14");
  CHECK(s.eval("(bit/xor 12 10)") == "6");
  CHECK(s.eval("(bit/and -1 255)") == "255");
  CHECK(s.eval("(bit/not 5)") == "-6");
  CHECK(s.eval("(bit/not -1)") == "0");
  CHECK(s.eval("(bit/shift-left 1 4)") == "16");
  CHECK(s.eval("(bit/shift-left 1 63)") == "-9223372036854775808");
  CHECK(s.eval("(bit/shift-left 1 64)") == "1");  // the count is masked to 6 bits
  CHECK(s.eval("(bit/shift-left 1 -1)") == "-9223372036854775808");  // -1 & 63 = 63
  CHECK(s.eval("(bit/shift-left 3 62)") == "-4611686018427387904");  // bits shifted out are lost
  CHECK(s.eval("(bit/shift-right 16 2)") == "4");
  CHECK(s.eval("(bit/shift-right -16 2)") == "-4");  // arithmetic
  CHECK(s.eval("(bit/shift-right -1 63)") == "-1");
  CHECK(s.eval("(bit/shift-right 256 72)") == "1");  // 72 & 63 = 8
  CHECK(s.eval("(bit/and 1.0 1)") == "Type error: expected int, got float");
  CHECK(s.eval("(bit/or 1 \"1\")") == "Type error: expected int, got string");
  CHECK(s.eval("(bit/not nil)") == "Type error: expected int, got nil");
  CHECK(s.eval("(bit/shift-left 1 2.0)") == "Type error: expected int, got float");
  CHECK(s.eval("(bit/xor 1)") == "Arity error: bit/xor expects 2 args, got 1");
  CHECK(s.eval("(bit/not 1 2)") == "Arity error: bit/not expects 1 args, got 2");
}
