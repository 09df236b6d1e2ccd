// The printer (language.md §2.2/§2.3, stdlib.md §1.3) and the shared float
// formatting of sdk/include/sema/float_format.hpp.
#include "value/hashmap.hpp"
#include "value/interner.hpp"
#include "value/value.hpp"

#include <sema/float_format.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>

using namespace sema::rt;

namespace {

std::string w(Word v) { return to_text(v, false); }
std::string d(Word v) { return to_text(v, true); }
std::string wf(double x) { return w(sema_from_float(x)); }

struct NamedProc final : Obj {
  NamedProc(sema_type t, std::string n) : Obj(t), name(std::move(n)) {}
  void write_opaque(std::string& out) const override { out += "<lambda " + name + ">"; }
  std::string name;
};
struct PlainProc final : Obj {
  explicit PlainProc(sema_type t) : Obj(t) {}
};

std::string printf_1f(double x) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

}  // namespace

TEST_CASE("floats: rule F", "[printer][float]") {
  CHECK(wf(3.0) == "3.0");
  CHECK(wf(100.0) == "100.0");
  CHECK(wf(0.5) == "0.5");
  CHECK(wf(-0.0) == "-0.0");
  CHECK(wf(0.0) == "0.0");
  CHECK(wf(-7.25) == "-7.25");
  CHECK(wf(1e21) == "1000000000000000000000.0");
  CHECK(wf(1e23) == "99999999999999991611392.0");
  CHECK(wf(0.1 + 0.2) == "0.30000000000000004");
  CHECK(wf(1.0 / 3) == "0.3333333333333333");
  CHECK(wf(1e-7) == "0.0000001");
  CHECK(wf(0.00000000025) == "0.00000000025");
  CHECK(wf(123456789.123) == "123456789.123");
  CHECK(wf(3.14) == "3.14");
  CHECK(wf(std::nan("")) == "NaN");
  CHECK(wf(-std::nan("")) == "NaN");
  CHECK(wf(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(wf(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(wf(std::numeric_limits<double>::denorm_min()).starts_with("0.000000000000"));
  std::string s;
  format_float(s, 2.5);
  CHECK(s == "2.5");
}

TEST_CASE("floats: whole values print their exact decimal expansion", "[printer][float]") {
  for (double x : {1.5e300, -1e300, 1e22, 4503599627370497.0, 9007199254740993.0, 1.7976931348623157e308, -2.0})
    CHECK(wf(x) == printf_1f(x));
  std::string big = wf(1.5e300);
  CHECK(big.size() == 303);  // 301 digits + ".0"
  CHECK(big.starts_with("15"));
  CHECK(big.ends_with(".0"));
  CHECK(big.find('e') == std::string::npos);
}

TEST_CASE("floats: non-integral output is the shortest text that reads back", "[printer][float]") {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> mant(-1.0, 1.0);
  std::uniform_int_distribution<int> ex(-30, 15);
  for (int i = 0; i < 2000; ++i) {
    double x = std::ldexp(mant(rng), ex(rng) * 3);
    if (x == std::trunc(x)) continue;
    std::string s = wf(x);
    INFO(s);
    CHECK(s.find('e') == std::string::npos);
    CHECK(std::strtod(s.c_str(), nullptr) == x);
    CHECK(sema::fmt::float_plain(x) == s);  // same digits when not whole
  }
}

TEST_CASE("floats: number->string plain form", "[printer][float]") {
  using sema::fmt::float_plain;
  CHECK(float_plain(3.0) == "3");
  CHECK(float_plain(-0.0) == "-0");
  CHECK(float_plain(0.0) == "0");
  CHECK(float_plain(0.1) == "0.1");
  CHECK(float_plain(-2.5) == "-2.5");
  CHECK(float_plain(1e21) == "1000000000000000000000");
  CHECK(float_plain(1e23) == "100000000000000000000000");
  CHECK(float_plain(1e-7) == "0.0000001");
  CHECK(float_plain(std::nan("")) == "NaN");
  CHECK(float_plain(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(float_plain(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(format_float_plain(120.0) == "120");
}

TEST_CASE("floats: JSON form", "[printer][float]") {
  using sema::fmt::float_json;
  CHECK(float_json(1.0) == "1.0");
  CHECK(float_json(2.5) == "2.5");
  CHECK(float_json(0.0) == "0.0");
  CHECK(float_json(-0.0) == "-0.0");
  CHECK(float_json(1e15) == "1000000000000000.0");
  CHECK(float_json(123456789012345.6) == "123456789012345.6");
  CHECK(float_json(0.00001) == "0.00001");
  CHECK(float_json(0.000012) == "0.000012");
  CHECK(float_json(1e16) == "1e+16");
  CHECK(float_json(1.5e20) == "1.5e+20");
  CHECK(float_json(-1.5e20) == "-1.5e+20");
  CHECK(float_json(1e-7) == "1e-7");
  CHECK(float_json(1e-6) == "1e-6");
  CHECK(float_json(1.2345e-6) == "1.2345e-6");
  CHECK(float_json(1e300) == "1e+300");
  CHECK(float_json(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("write form of every kind", "[printer]") {
  CHECK(w(SEMA_NIL) == "nil");
  CHECK(w(SEMA_TRUE) == "#t");
  CHECK(w(SEMA_FALSE) == "#f");
  CHECK(w(make_int(42)) == "42");
  CHECK(w(make_int(-7)) == "-7");
  CHECK(w(symbol("foo")) == "foo");
  CHECK(w(keyword("max-turns")) == ":max-turns");
  CHECK(w(make_string("a\"b\nc\\").get()) == "\"a\"b\nc\\\"");  // never escaped
  CHECK(w(make_string("").get()) == "\"\"");
  CHECK(w(empty_list().get()) == "()");
  CHECK(w(make_vector({}).get()) == "[]");
  CHECK(w(make_map().get()) == "{}");
  CHECK(w(make_hashmap().get()) == "{}");
  CHECK(w(make_bytevector({1, 2}).get()) == "#u8(1 2)");
}

TEST_CASE("write form of characters", "[printer]") {
  CHECK(w(sema_from_char(' ')) == "#\\space");
  CHECK(w(sema_from_char('\n')) == "#\\newline");
  CHECK(w(sema_from_char('\t')) == "#\\tab");
  CHECK(w(sema_from_char('\r')) == "#\\return");
  CHECK(w(sema_from_char(0)) == "#\\nul");
  CHECK(w(sema_from_char('a')) == "#\\a");
  CHECK(w(sema_from_char('(')) == "#\\(");
  CHECK(w(sema_from_char(0x3BB)) == "#\\\xCE\xBB");        // λ
  CHECK(w(sema_from_char(0x1F600)) == "#\\\xF0\x9F\x98\x80");  // 😀
  CHECK(d(sema_from_char('a')) == "#\\a");  // display does not unwrap chars
}

TEST_CASE("the spec's printer examples", "[printer]") {
  Value s = make_string("s");
  Value l = make_list({make_int(1), sema_from_float(2.0), s.get(), sema_from_char('a'), keyword("k"), symbol("sym"), SEMA_NIL, SEMA_TRUE});
  CHECK(w(l.get()) == "(1 2.0 \"s\" #\\a :k sym nil #t)");

  Value m = make_map();
  m = map_assoc(std::move(m), keyword("b"), make_int(2));
  m = map_assoc(std::move(m), keyword("a"), make_int(1));
  CHECK(w(m.get()) == "{:a 1 :b 2}");

  Value m2 = make_map();
  m2 = map_assoc(std::move(m2), make_string("s").get(), keyword("z"));
  m2 = map_assoc(std::move(m2), sema_from_float(1.5), keyword("y"));
  m2 = map_assoc(std::move(m2), make_int(2), keyword("x"));
  // The spec prints {2 :x 1.5 :y "s" :z}; numbers order numerically here
  // (project decisions #3), so 1.5 comes before 2.
  CHECK(w(m2.get()) == "{1.5 :y 2 :x \"s\" :z}");

  Value bc = make_list({symbol("b"), symbol("c")});
  Value vec = make_vector({symbol("a"), bc.take()});
  CHECK(w(vec.get()) == "[a (b c)]");

  Value q = make_list({symbol("quote"), make_list({symbol("quote"), symbol("x")}).get()});
  CHECK(w(q.get()) == "(quote (quote x))");
  Value dotted = make_list({make_int(1), symbol("."), make_int(2)});
  CHECK(w(dotted.get()) == "(1 . 2)");
}

TEST_CASE("display form only unwraps a top-level string", "[printer]") {
  Value s = make_string("a\"b");
  CHECK(d(s.get()) == "a\"b");
  CHECK(w(s.get()) == "\"a\"b\"");
  Value l = make_list({make_string("x").get(), sema_from_float(1.0)});
  CHECK(d(l.get()) == "(\"x\" 1.0)");
  CHECK(d(make_int(3)) == "3");
  CHECK(d(sema_from_float(3.0)) == "3.0");
  std::string out = "pre:";
  print(out, s.get(), true);
  CHECK(out == "pre:a\"b");
}

TEST_CASE("hashmaps print entries sorted by key", "[printer]") {
  Value h = make_hashmap();
  for (int i = 20; i >= 0; --i) h = hashmap_assoc(std::move(h), make_int(i), make_int(i * i));
  h = hashmap_assoc(std::move(h), keyword("z"), SEMA_NIL);
  h = hashmap_assoc(std::move(h), sema_from_float(2.5), SEMA_NIL);
  std::string s = w(h.get());
  CHECK(s.starts_with("{0 0 1 1 2 4 2.5 nil 3 9 4 16 "));
  CHECK(s.ends_with(" 20 400 :z nil}"));
}

TEST_CASE("records, opaque kinds and nesting", "[printer]") {
  Value inner = make_list({make_int(1), make_string("two").get()});
  Value r = make_record(intern("point"), {make_int(1), inner.take()});
  CHECK(w(r.get()) == "#<record point 1 (1 \"two\")>");
  Value tagged = make_record(intern("<node>"), {});
  CHECK(w(tagged.get()) == "#<record <node>>");
  Value named = Value::own(from_obj(new NamedProc(SEMA_T_LAMBDA, "f")));
  Value plain = Value::own(from_obj(new PlainProc(SEMA_T_PROMISE)));
  Value l = make_list({named.get(), plain.get(), r.get()});
  CHECK(w(l.get()) == "(<lambda f> <promise> #<record point 1 (1 \"two\")>)");
  Value nested = make_vector({make_map().take(), make_vector({}).take(), empty_list().take(), make_bytevector({}).take()});
  CHECK(w(nested.get()) == "[{} [] () #u8()]");
}

TEST_CASE("printing a million-deep structure", "[printer][deep]") {
  const size_t depth = 1000000;
  Value v = empty_list();
  for (size_t i = 0; i < depth; ++i) v = make_list({v.get()});
  std::string s = w(v.get());
  CHECK(s.size() == 2 * (depth + 1));
  CHECK(s.starts_with("(((("));
  CHECK(s.ends_with("))))"));
  CHECK(s.find(' ') == std::string::npos);

  Value m = int_value(7);
  for (size_t i = 0; i < depth; ++i) {
    Value vec = make_vector({m.take()});
    m = map_assoc(make_map(), keyword("k"), vec.get());
  }
  std::string ms = w(m.get());
  CHECK(ms.starts_with("{:k [{:k [{:k ["));
  CHECK(ms.find("[7]") != std::string::npos);
  CHECK(ms.ends_with("]}]}"));
}
