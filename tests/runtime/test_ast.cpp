// `sema ast` rendering (language.md §6.6): tree and --json forms.
#include <catch2/catch.hpp>

#include <sema/runtime.hpp>

#include <string>

namespace {

std::string tree(std::string_view src) {
  std::string error;
  auto out = sema::ast_text(src, false, &error);
  REQUIRE(out.has_value());
  return *out;
}

std::string json(std::string_view src) {
  std::string error;
  auto out = sema::ast_text(src, true, &error);
  REQUIRE(out.has_value());
  return *out;
}

std::string failure(std::string_view src, bool as_json) {
  std::string error;
  auto out = sema::ast_text(src, as_json, &error);
  REQUIRE_FALSE(out.has_value());
  return error;
}

}  // namespace

TEST_CASE("ast: the tree form of the spec's example", "[ast]") {
  CHECK(tree("(+ 1 {:a \"x\"})") ==
        "List\n"
        "  Symbol +\n"
        "  Int 1\n"
        "  Map\n"
        "    Entry\n"
        "      Keyword :a\n"
        "      String \"x\"\n");
}

TEST_CASE("ast: tree lines for every datum kind", "[ast]") {
  CHECK(tree("nil") == "Nil\n");
  CHECK(tree("#t") == "Bool true\n");
  CHECK(tree("false") == "Bool false\n");
  CHECK(tree("42") == "Int 42\n");
  CHECK(tree("-7") == "Int -7\n");
  CHECK(tree("1.5") == "Float 1.5\n");
  CHECK(tree("2.0") == "Float 2\n");
  CHECK(tree("-0.0") == "Float -0\n");
  CHECK(tree("1e21") == "Float 1000000000000000000000\n");
  CHECK(tree("1e-7") == "Float 0.0000001\n");
  CHECK(tree("1e400") == "Float inf\n");
  CHECK(tree("foo") == "Symbol foo\n");
  CHECK(tree(":k") == "Keyword :k\n");
  CHECK(tree("#\\a") == "char\n");
  CHECK(tree("#u8(1 2)") == "bytevector\n");
  CHECK(tree("[]") == "Vector\n");
  CHECK(tree("()") == "List\n");
  CHECK(tree("{}") == "Map\n");
  CHECK(tree("[1 [2]]") == "Vector\n  Int 1\n  Vector\n    Int 2\n");
  CHECK(tree("'x") == "List\n  Symbol quote\n  Symbol x\n");
  CHECK(tree("(a . b)") == "List\n  Symbol a\n  Symbol .\n  Symbol b\n");
}

TEST_CASE("ast: tree strings use Rust debug quoting", "[ast]") {
  CHECK(tree(R"("a\"b\\c")") == "String \"a\\\"b\\\\c\"\n");
  CHECK(tree(R"("l1\nl2\tt\r\0")") == "String \"l1\\nl2\\tt\\r\\0\"\n");
  CHECK(tree(R"("\x1b;[0m")") == "String \"\\u{1b}[0m\"\n");
  CHECK(tree("\"λ 😀\"") == "String \"λ 😀\"\n");
}

TEST_CASE("ast: tree maps list entries in sorted key order", "[ast]") {
  CHECK(tree("{:b 2 :a (x)}") ==
        "Map\n"
        "  Entry\n"
        "    Keyword :a\n"
        "    List\n"
        "      Symbol x\n"
        "  Entry\n"
        "    Keyword :b\n"
        "    Int 2\n");
}

TEST_CASE("ast: top-level forms are separated by an empty line", "[ast]") {
  CHECK(tree("1 (a) :k") == "Int 1\n\nList\n  Symbol a\n\nKeyword :k\n");
  CHECK(tree("") == "");
  CHECK(tree("; nothing") == "");
}

TEST_CASE("ast: JSON of the spec's example", "[ast][json]") {
  CHECK(json("(+ 1 2)") ==
        "{\n"
        "  \"children\": [\n"
        "    {\n"
        "      \"type\": \"symbol\",\n"
        "      \"value\": \"+\"\n"
        "    },\n"
        "    {\n"
        "      \"type\": \"int\",\n"
        "      \"value\": 1\n"
        "    },\n"
        "    {\n"
        "      \"type\": \"int\",\n"
        "      \"value\": 2\n"
        "    }\n"
        "  ],\n"
        "  \"type\": \"list\"\n"
        "}\n");
}

TEST_CASE("ast: JSON node shapes", "[ast][json]") {
  CHECK(json("nil") == "{\n  \"type\": \"nil\"\n}\n");
  CHECK(json("#t") == "{\n  \"type\": \"bool\",\n  \"value\": true\n}\n");
  CHECK(json("#f") == "{\n  \"type\": \"bool\",\n  \"value\": false\n}\n");
  CHECK(json("-3") == "{\n  \"type\": \"int\",\n  \"value\": -3\n}\n");
  CHECK(json("1.5") == "{\n  \"type\": \"float\",\n  \"value\": 1.5\n}\n");
  CHECK(json("2.0") == "{\n  \"type\": \"float\",\n  \"value\": 2.0\n}\n");
  CHECK(json("1e16") == "{\n  \"type\": \"float\",\n  \"value\": 1e+16\n}\n");
  CHECK(json("1e15") == "{\n  \"type\": \"float\",\n  \"value\": 1000000000000000.0\n}\n");
  CHECK(json("1e-7") == "{\n  \"type\": \"float\",\n  \"value\": 1e-7\n}\n");
  CHECK(json("1e400") == "{\n  \"type\": \"float\",\n  \"value\": null\n}\n");
  CHECK(json("\"hi\"") == "{\n  \"type\": \"string\",\n  \"value\": \"hi\"\n}\n");
  CHECK(json(R"("q\"b\\n\n\t\x1b;/λ")") ==
        "{\n  \"type\": \"string\",\n  \"value\": \"q\\\"b\\\\n\\n\\t\\u001b/λ\"\n}\n");
  CHECK(json("\"\\x8;\\xC;\"") == "{\n  \"type\": \"string\",\n  \"value\": \"\\b\\f\"\n}\n");
  CHECK(json("a/b") == "{\n  \"type\": \"symbol\",\n  \"value\": \"a/b\"\n}\n");
  CHECK(json(":k") == "{\n  \"type\": \"keyword\",\n  \"value\": \"k\"\n}\n");
  CHECK(json("#\\a") == "{\n  \"type\": \"char\"\n}\n");
  CHECK(json("#u8(1)") == "{\n  \"type\": \"bytevector\"\n}\n");
  CHECK(json("()") == "{\n  \"children\": [],\n  \"type\": \"list\"\n}\n");
  CHECK(json("[]") == "{\n  \"children\": [],\n  \"type\": \"vector\"\n}\n");
  CHECK(json("{}") == "{\n  \"entries\": [],\n  \"type\": \"map\"\n}\n");
}

TEST_CASE("ast: JSON maps and nesting", "[ast][json]") {
  CHECK(json("{:b [x] :a 1}") ==
        "{\n"
        "  \"entries\": [\n"
        "    {\n"
        "      \"key\": {\n"
        "        \"type\": \"keyword\",\n"
        "        \"value\": \"a\"\n"
        "      },\n"
        "      \"value\": {\n"
        "        \"type\": \"int\",\n"
        "        \"value\": 1\n"
        "      }\n"
        "    },\n"
        "    {\n"
        "      \"key\": {\n"
        "        \"type\": \"keyword\",\n"
        "        \"value\": \"b\"\n"
        "      },\n"
        "      \"value\": {\n"
        "        \"children\": [\n"
        "          {\n"
        "            \"type\": \"symbol\",\n"
        "            \"value\": \"x\"\n"
        "          }\n"
        "        ],\n"
        "        \"type\": \"vector\"\n"
        "      }\n"
        "    }\n"
        "  ],\n"
        "  \"type\": \"map\"\n"
        "}\n");
  CHECK(json("[[]]") ==
        "{\n"
        "  \"children\": [\n"
        "    {\n"
        "      \"children\": [],\n"
        "      \"type\": \"vector\"\n"
        "    }\n"
        "  ],\n"
        "  \"type\": \"vector\"\n"
        "}\n");
}

TEST_CASE("ast: JSON of zero or several forms is an array", "[ast][json]") {
  CHECK(json("") == "[]\n");
  CHECK(json("1 x") ==
        "[\n"
        "  {\n"
        "    \"type\": \"int\",\n"
        "    \"value\": 1\n"
        "  },\n"
        "  {\n"
        "    \"type\": \"symbol\",\n"
        "    \"value\": \"x\"\n"
        "  }\n"
        "]\n");
  CHECK(json("(a) 2") ==
        "[\n"
        "  {\n"
        "    \"children\": [\n"
        "      {\n"
        "        \"type\": \"symbol\",\n"
        "        \"value\": \"a\"\n"
        "      }\n"
        "    ],\n"
        "    \"type\": \"list\"\n"
        "  },\n"
        "  {\n"
        "    \"type\": \"int\",\n"
        "    \"value\": 2\n"
        "  }\n"
        "]\n");
}

TEST_CASE("ast: reader errors", "[ast]") {
  CHECK(failure("(+ 1", false) == "Parse error: Reader error at 0:0: unterminated list");
  CHECK(failure("(a . b c)", true) == "Parse error: Reader error at 1:8: expected RParen, got Symbol(\"c\")");
  CHECK(failure("\"abc", false) == "Parse error: Reader error at 1:1: unterminated string");
}

TEST_CASE("ast: deep nesting renders without recursion", "[ast][deep]") {
  const size_t depth = 2000;
  std::string src(depth, '[');
  src.append(depth, ']');
  std::string t = tree(src);
  CHECK(t.size() == depth * std::string("Vector\n").size() + 2 * (depth * (depth - 1) / 2));
  std::string j = json(src);
  CHECK(j.starts_with("{\n  \"children\": [\n    {\n      \"children\": [\n"));
  CHECK(j.ends_with("  ],\n  \"type\": \"vector\"\n}\n"));
}
