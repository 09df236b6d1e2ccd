// math plugin: sqrt, pow/expt/math/pow, logs, trigonometry, angle
// conversion, lerp, map-range.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("sqrt always gives a float; negative → NaN", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(sqrt 16)") == "4.0");
  CHECK(s.eval("(sqrt 2.25)") == "1.5");
  CHECK(s.eval("(sqrt 2)") == "1.4142135623730951");
  CHECK(s.eval("(sqrt -1)") == "NaN");
  CHECK(s.eval("(sqrt 0)") == "0.0");
  CHECK(s.eval(R"~((sqrt "4"))~") == "Type error: expected number, got string");
  CHECK(s.eval("(sqrt)") == "Arity error: sqrt expects 1 args, got 0");
}

TEST_CASE("pow: int^int≥0 wraps as int, anything else is a float", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(pow 2 10)") == "1024");
  CHECK(s.eval("(pow 0 0)") == "1");
  CHECK(s.eval("(pow -3 3)") == "-27");
  CHECK(s.eval("(pow 2 63)") == "-9223372036854775808");  // wraps
  CHECK(s.eval("(pow 2 64)") == "0");
  CHECK(s.eval("(pow 3 4294967296)") == "1");  // the exponent is cut to 32 bits
  CHECK(s.eval("(pow 2 -1)") == "0.5");
  CHECK(s.eval("(pow 2.0 3)") == "8.0");
  CHECK(s.eval("(pow 4 0.5)") == "2.0");
  CHECK(s.eval("(pow -8.0 0.5)") == "NaN");
  CHECK(s.eval("(expt 2 3)") == "8");
  CHECK(s.eval("(math/pow 2 3)") == "8");
  CHECK(s.eval(R"~((pow "2" 3))~") == "Type error: expected number, got string");
  CHECK(s.eval("(pow 2 nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(pow 2)") == "Arity error: pow expects 2 args, got 1");
  CHECK(s.eval("(expt 2)") == "Arity error: pow expects 2 args, got 1");
  CHECK(s.eval("(math/pow 1 2 3)") == "Arity error: pow expects 2 args, got 3");
}

TEST_CASE("logarithms and exponentials", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(log 1)") == "0.0");
  CHECK(s.eval("(log e)") == "1.0");
  CHECK(s.eval("(log 0)") == "-inf");
  CHECK(s.eval("(log -1)") == "NaN");
  CHECK(s.eval("(math/log10 1000)") == "3.0");
  CHECK(s.eval("(math/log2 8)") == "3.0");
  CHECK(s.eval("(math/exp 0)") == "1.0");
  CHECK(s.eval("(math/exp 1)") == "2.718281828459045");
  CHECK(s.eval("(log :x)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(math/exp)") == "Arity error: math/exp expects 1 args, got 0");
}

TEST_CASE("trigonometry and angle conversion", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(sin 0)") == "0.0");
  CHECK(s.eval("(cos 0)") == "1.0");
  CHECK(s.eval("(math/tan 0)") == "0.0");
  CHECK(s.eval("(math/asin 1)") == "1.5707963267948966");
  CHECK(s.eval("(math/acos 1)") == "0.0");
  CHECK(s.eval("(math/acos 2)") == "NaN");
  CHECK(s.eval("(math/atan 1)") == "0.7853981633974483");
  CHECK(s.eval("(math/sinh 0)") == "0.0");
  CHECK(s.eval("(math/cosh 0)") == "1.0");
  CHECK(s.eval("(math/tanh 0)") == "0.0");
  CHECK(s.eval("(math/atan2 1 1)") == "0.7853981633974483");
  CHECK(s.eval("(math/atan2 0 -1)") == "3.141592653589793");
  CHECK(s.eval("(math/degrees->radians 180)") == "3.141592653589793");
  CHECK(s.eval("(math/radians->degrees pi)") == "180.0");
  CHECK(s.eval("(sin \"0\")") == "Type error: expected number, got string");
  CHECK(s.eval("(math/atan2 1 \"x\")") == "Type error: expected number, got string");
  CHECK(s.eval("(math/atan2 1)") == "Arity error: math/atan2 expects 2 args, got 1");
  CHECK(s.eval("(cos)") == "Arity error: cos expects 1 args, got 0");
}

TEST_CASE("math/lerp and math/map-range give floats", "[plugin:math]") {
  Session s("core,math");
  CHECK(s.eval("(math/lerp 0 10 0.5)") == "5.0");
  CHECK(s.eval("(math/lerp 10 20 0)") == "10.0");
  CHECK(s.eval("(math/lerp 0 10 2)") == "20.0");
  CHECK(s.eval("(math/map-range 5 0 10 0 100)") == "50.0");
  CHECK(s.eval("(math/map-range 0 0 10 100 200)") == "100.0");
  CHECK(s.eval("(math/map-range 1 0 0 0 1)") == "inf");  // zero-width input range
  CHECK(s.eval("(math/lerp 0 1 nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(math/map-range 1 0 10 0 :x)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(math/lerp 0 1)") == "Arity error: math/lerp expects 3 args, got 2");
  CHECK(s.eval("(math/map-range 1 2 3 4)") == "Arity error: math/map-range expects 5 args, got 4");
}
