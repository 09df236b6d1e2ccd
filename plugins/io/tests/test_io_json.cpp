// io plugin: json/encode, json/encode-pretty, json/decode (stdlib.md §5.7).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("json/encode scalars and collections", "[plugin:io]") {
  Session s("core,string,map,io,math");
  CHECK(s.eval("(json/encode {:name \"Ada\" :age 36})") == "\"{\"age\":36,\"name\":\"Ada\"}\"");
  CHECK(s.eval("(json/encode nil)") == "\"null\"");
  CHECK(s.eval("(json/encode #t)") == "\"true\"");
  CHECK(s.eval("(json/encode #f)") == "\"false\"");
  CHECK(s.eval("(json/encode -42)") == "\"-42\"");
  CHECK(s.eval("(json/encode '(1 2.5 \"s\" :k sym))") == "\"[1,2.5,\"s\",\"k\",\"sym\"]\"");
  CHECK(s.eval("(json/encode (list [] {} '()))") == "\"[[],{},[]]\"");
  CHECK(s.eval("(json/encode (hashmap/new :b 1 :a 2))") == "\"{\"a\":2,\"b\":1}\"");
  CHECK(s.eval("(json/encode {1 :one [1 2] :v})") == "\"{\"1\":\"one\",\"[1 2]\":\"v\"}\"");
  CHECK(s.eval("(json/encode {\"k\" 1 :k 2})") == "\"{\"k\":2}\"");  // the keyword comes later and wins
  CHECK(s.eval("(json/encode {\"b\" 1 :a 2 'c 3})") == "\"{\"a\":2,\"b\":1,\"c\":3}\"");
}

TEST_CASE("json/encode floats, ryu style", "[plugin:io]") {
  Session s("core,string,map,io,math");
  CHECK(s.eval("(json/encode 1.0)") == "\"1.0\"");
  CHECK(s.eval("(json/encode 2.5)") == "\"2.5\"");
  CHECK(s.eval("(json/encode 1000000000000000.0)") == "\"1000000000000000.0\"");
  CHECK(s.eval("(json/encode 0.00001)") == "\"0.00001\"");
  CHECK(s.eval("(json/encode 1e16)") == "\"1e+16\"");
  CHECK(s.eval("(json/encode 1.5e20)") == "\"1.5e+20\"");
  CHECK(s.eval("(json/encode 1e-7)") == "\"1e-7\"");
  CHECK(s.eval("(json/encode 0.0000012345)") == "\"1.2345e-6\"");
  CHECK(s.eval("(json/encode -0.0)") == "\"-0.0\"");
  CHECK(s.eval("(json/encode 0.1)") == "\"0.1\"");
  CHECK(s.eval("(json/encode math/nan)") == "Eval error: json/encode: cannot encode NaN/Infinity");
  CHECK(s.eval("(json/encode (list math/infinity))") == "Eval error: json/encode: cannot encode NaN/Infinity");
}

TEST_CASE("json/encode string escaping", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(json/encode \"a\\\"b\\\\c\")") == "\"\"a\\\"b\\\\c\"\"");
  CHECK(s.eval("(json/encode \"n\\nt\\tr\\r\")") == "\"\"n\\nt\\tr\\r\"\"");
  CHECK(s.eval("(json/encode \"\\x8;\\xc;\\x1;\\x1f;\")") == "\"\"\\b\\f\\u0001\\u001f\"\"");
  CHECK(s.eval("(json/encode \"é/✓\")") == "\"\"é/✓\"\"");
}

TEST_CASE("json/encode rejects values JSON cannot hold", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(json/encode #\\a)") == "Eval error: json/encode: cannot encode char");
  CHECK(s.eval("(json/encode (fn (x) x))") == "Eval error: json/encode: cannot encode lambda");
  CHECK(s.eval("(json/encode {:a [1 car]})") == "Eval error: json/encode: cannot encode native-fn");
  CHECK(s.eval("(json/encode)") == "Arity error: json/encode expects 1 args, got 0");
  CHECK(s.eval("(json/encode-pretty 1 2)") == "Arity error: json/encode-pretty expects 1 args, got 2");
}

TEST_CASE("json/encode-pretty", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(json/encode-pretty {:a 1 :b [2 3]})") == "\"{\n  \"a\": 1,\n  \"b\": [\n    2,\n    3\n  ]\n}\"");
  CHECK(s.eval("(json/encode-pretty {})") == "\"{}\"");
  CHECK(s.eval("(json/encode-pretty [])") == "\"[]\"");
  CHECK(s.eval("(json/encode-pretty {:a {} :b []})") == "\"{\n  \"a\": {},\n  \"b\": []\n}\"");
  CHECK(s.eval("(json/encode-pretty 5)") == "\"5\"");
}

TEST_CASE("json/decode values", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(json/decode \"{\\\"a\\\": [1, 2.5, \\\"x\\\", true, false, null]}\")") ==
        "{:a (1 2.5 \"x\" #t #f nil)}");
  CHECK(s.eval("(json/decode \"  42  \")") == "42");
  CHECK(s.eval("(json/decode \"-7\")") == "-7");
  CHECK(s.eval("(json/decode \"1e2\")") == "100.0");
  CHECK(s.eval("(json/decode \"1.0\")") == "1.0");
  CHECK(s.eval("(json/decode \"-0\")") == "-0.0");  // serde reads -0 as a float
  CHECK(s.eval("(json/decode \"[0, -0, \\\"-0\\\", 0, -0.5, -0]\")") == "(0 -0.0 \"-0\" 0 -0.5 -0.0)");
  CHECK(s.eval("(json/decode \"9223372036854775807\")") == "9223372036854775807");
  CHECK(s.eval("(json/decode \"9223372036854775808\")") == "9223372036854775808.0");
  CHECK(s.eval("(json/decode \"{\\\"a b\\\": 1}\")") == "{:a b 1}");
  CHECK(s.eval("(json/decode \"{\\\"a\\\": 1, \\\"a\\\": 2}\")") == "{:a 2}");
  CHECK(s.eval("(json/decode \"{\\\"b\\\": {}, \\\"a\\\": []}\")") == "{:a () :b {}}");
  CHECK(s.eval("(json/decode \"\\\"\\\\u00e9\\\\n\\\"\")") == "\"é\n\"");
  CHECK(s.eval("(json/decode (json/encode {:v [1 \"s\"] \"k\" nil}))") == "{:k nil :v (1 \"s\")}");
  CHECK(s.eval("(json/decode 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(json/decode)") == "Arity error: json/decode expects 1 args, got 0");
}

TEST_CASE("json/decode errors use serde_json's wording and positions", "[plugin:io]") {
  Session s("core,string,map,io");
  auto dec = [&](const std::string& src) { return s.eval("(json/decode \"" + src + "\")"); };
  CHECK(dec("") == "Eval error: json/decode: EOF while parsing a value at line 1 column 0");
  CHECK(dec("   ") == "Eval error: json/decode: EOF while parsing a value at line 1 column 3");
  CHECK(dec("[1,2") == "Eval error: json/decode: EOF while parsing a list at line 1 column 4");
  CHECK(dec("[") == "Eval error: json/decode: EOF while parsing a list at line 1 column 1");
  CHECK(dec("[1,") == "Eval error: json/decode: EOF while parsing a value at line 1 column 3");
  CHECK(dec("{") == "Eval error: json/decode: EOF while parsing an object at line 1 column 1");
  CHECK(dec("{\\\"a\\\":1") == "Eval error: json/decode: EOF while parsing an object at line 1 column 6");
  CHECK(dec("{\\\"a\\\":") == "Eval error: json/decode: EOF while parsing a value at line 1 column 5");
  CHECK(dec("1 2") == "Eval error: json/decode: trailing characters at line 1 column 3");
  CHECK(dec("{}\\n x") == "Eval error: json/decode: trailing characters at line 2 column 2");
  CHECK(dec("[1 2]") == "Eval error: json/decode: expected `,` or `]` at line 1 column 4");
  CHECK(dec("{\\\"a\\\":1 2}") == "Eval error: json/decode: expected `,` or `}` at line 1 column 8");
  CHECK(dec("[1,]") == "Eval error: json/decode: trailing comma at line 1 column 4");
  CHECK(dec("{\\\"a\\\":1,}") == "Eval error: json/decode: trailing comma at line 1 column 8");
  CHECK(dec("{\\\"a\\\" 1}") == "Eval error: json/decode: expected `:` at line 1 column 6");
  CHECK(dec("{1:2}") == "Eval error: json/decode: key must be a string at line 1 column 2");
  CHECK(dec("[,1]") == "Eval error: json/decode: expected value at line 1 column 2");
  CHECK(dec("tru") == "Eval error: json/decode: EOF while parsing a value at line 1 column 3");
  CHECK(dec("[tru]") == "Eval error: json/decode: expected ident at line 1 column 5");
  CHECK(dec("01") == "Eval error: json/decode: invalid number at line 1 column 2");
  CHECK(dec("[1e400]") == "Eval error: json/decode: number out of range at line 1 column 6");
  CHECK(dec("\\\"abc") == "Eval error: json/decode: EOF while parsing a string at line 1 column 4");
  CHECK(s.eval("(try (json/decode \"[\") (catch e (:type e)))") == ":eval");
}

TEST_CASE("json/decode nesting limit is 128", "[plugin:io]") {
  Session s("core,string,map,io");
  auto nested = [](int n) { return std::string(static_cast<size_t>(n), '[') + std::string(static_cast<size_t>(n), ']'); };
  CHECK(s.eval("(length (json/decode \"" + nested(128) + "\"))") == "1");
  CHECK(s.eval("(json/decode \"" + nested(129) + "\")") ==
        "Eval error: json/decode: recursion limit exceeded at line 1 column 129");
  CHECK(s.eval("(json/decode \"" + std::string(200, '[') + "\")") ==
        "Eval error: json/decode: recursion limit exceeded at line 1 column 129");
}
