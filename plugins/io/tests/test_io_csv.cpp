// io plugin: csv/parse, csv/parse-maps, csv/encode (stdlib.md §5.6).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("csv/parse basic records", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(csv/parse \"a,b\\n1,2\")") == "((\"a\" \"b\") (\"1\" \"2\"))");
  CHECK(s.eval("(csv/parse \"a,b\\n1,2\\n\")") == "((\"a\" \"b\") (\"1\" \"2\"))");  // no extra row
  CHECK(s.eval("(csv/parse \"\")") == "()");
  CHECK(s.eval("(csv/parse \"\\n\\n\")") == "()");
  CHECK(s.eval("(csv/parse \"a\\n\\n\\nb\\n\")") == "((\"a\") (\"b\"))");  // blank lines skipped
  CHECK(s.eval("(csv/parse \"a,b\\r\\n1,2\\r\\n\")") == "((\"a\" \"b\") (\"1\" \"2\"))");
  CHECK(s.eval("(csv/parse \" a , b\")") == "((\" a \" \" b\"))");  // no trimming
  CHECK(s.eval("(csv/parse \"a,,c\")") == "((\"a\" \"\" \"c\"))");
  CHECK(s.eval("(csv/parse \",\")") == "((\"\" \"\"))");
  CHECK(s.eval("(csv/parse \"1,2.5,x\")") == "((\"1\" \"2.5\" \"x\"))");  // strings only
}

TEST_CASE("csv/parse quoting", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(csv/parse \"\\\"x,y\\\",z\")") == "((\"x,y\" \"z\"))");
  CHECK(s.eval("(csv/parse \"\\\"he said \\\"\\\"hi\\\"\\\"\\\"\")") == "((\"he said \"hi\"\"))");
  CHECK(s.eval("(csv/parse \"\\\"a\\nb\\\",c\\nd,e\")") == "((\"a\nb\" \"c\") (\"d\" \"e\"))");
  CHECK(s.eval("(csv/parse \"\\\"\\\"\")") == "((\"\"))");
  CHECK(s.eval("(csv/parse \"ab\\\"c\\\",d\")") == "((\"ab\"c\"\" \"d\"))");  // a quote mid-field is literal
  CHECK(s.eval("(csv/parse \"\\\"ab\\\"cd,e\")") == "((\"abcd\" \"e\"))");  // text after the closing quote
}

TEST_CASE("csv/parse errors", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(csv/parse \"a,b\\n1\")") ==
        "Eval error: csv/parse: CSV error: record 1 (line: 2, byte: 4): found record with 1 fields, but the "
        "previous record has 2 fields");
  CHECK(s.eval("(csv/parse \"a\\nb\\n\\nc,d\")") ==
        "Eval error: csv/parse: CSV error: record 2 (line: 3, byte: 4): found record with 2 fields, but the "
        "previous record has 1 fields");
  CHECK(s.eval("(csv/parse 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(csv/parse)") == "Arity error: csv/parse expects 1 args, got 0");
}

TEST_CASE("csv/parse-maps uses the first record as header", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(csv/parse-maps \"name,age\\nAda,36\")") == "({:age \"36\" :name \"Ada\"})");
  CHECK(s.eval("(csv/parse-maps \"a,b\\n1,2\\n3,4\\n\")") == "({:a \"1\" :b \"2\"} {:a \"3\" :b \"4\"})");
  CHECK(s.eval("(csv/parse-maps \"a,b\\n\")") == "()");
  CHECK(s.eval("(csv/parse-maps \"\")") == "()");
  CHECK(s.eval("(csv/parse-maps \"a,a\\n1,2\")") == "({:a \"2\"})");  // later column wins
  CHECK(s.eval("(get (first (csv/parse-maps \"name, age\\nAda,36\")) (string->keyword \" age\"))") == "\"36\"");
  CHECK(s.eval("(csv/parse-maps \"a,b\\n1,2,3\")") ==
        "Eval error: csv/parse-maps: CSV error: record 1 (line: 2, byte: 4): found record with 3 fields, but the "
        "previous record has 2 fields");
  CHECK(s.eval("(csv/parse-maps :x)") == "Type error: expected string, got keyword");
}

TEST_CASE("csv/encode", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(csv/encode '((\"a\" \"b\") (\"1\" \"2\")))") == "\"a,b\n1,2\n\"");
  CHECK(s.eval("(csv/encode '())") == "\"\"");
  CHECK(s.eval("(csv/encode '((1 :k 2.5 \"x\" #\\c)))") == "\"1,:k,2.5,x,#\\c\n\"");
  CHECK(s.eval("(csv/encode (list [\"a\" \"b\"]))") == "\"a,b\n\"");
  CHECK(s.eval("(csv/encode '((\"a,b\" \"say \\\"hi\\\"\" \"line\\nbreak\" \"cr\\rx\" \"plain\")))") ==
        "\"\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rx\",plain\n\"");
  CHECK(s.eval("(csv/encode '((\"\")))") == "\"\"\"\n\"");  // a lone empty field is quoted
  CHECK(s.eval("(csv/encode '((\"\" \"\")))") == "\",\n\"");
  CHECK(s.eval("(csv/parse (csv/encode '((\"x,y\" \"q\\\"\") (\"\" \"z\"))))") == "((\"x,y\" \"q\"\") (\"\" \"z\"))");
  CHECK(s.eval("(csv/encode [[\"a\"]])") == "Type error: expected list, got vector");
  CHECK(s.eval("(csv/encode '(\"a\"))") == "Type error: expected list, got string");
  CHECK(s.eval("(csv/encode '((\"a\" \"b\") (\"c\")))") ==
        "Eval error: csv/encode: CSV error: found record with 1 fields, but the previous record has 2 fields");
  CHECK(s.eval("(csv/encode)") == "Arity error: csv/encode expects 1 args, got 0");
}
