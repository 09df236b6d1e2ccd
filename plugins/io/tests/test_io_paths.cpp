// io plugin: path/* builtins (Unix std::path semantics, stdlib.md §5.4).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <filesystem>
#include <fstream>

using sema::test::Session;

TEST_CASE("path/join", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(path/join \"a\" \"b\" \"c.txt\")") == "\"a/b/c.txt\"");
  CHECK(s.eval("(path/join \"a\")") == "\"a\"");
  CHECK(s.eval("(path/join \"a\" \"/b\")") == "\"/b\"");     // absolute replaces
  CHECK(s.eval("(path/join \"/x\" \"y\" \"/z\" \"w\")") == "\"/z/w\"");
  CHECK(s.eval("(path/join \"a/\" \"b\")") == "\"a/b\"");    // no doubled slash
  CHECK(s.eval("(path/join \"a\" \"\")") == "\"a/\"");       // empty adds a trailing slash
  CHECK(s.eval("(path/join \"\" \"b\")") == "\"b\"");
  CHECK(s.eval("(path/join \"a\" \"../b\" \"./c\")") == "\"a/../b/./c\"");  // no normalization
  CHECK(s.eval("(path/join \"a\" 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(path/join)") == "Arity error: path/join expects 1+ args, got 0");
}

TEST_CASE("path/dirname", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(path/dirname \"/a/b/c.txt\")") == "\"/a/b\"");
  CHECK(s.eval("(path/dirname \"/a/b/\")") == "\"/a\"");
  CHECK(s.eval("(path/dirname \"file.txt\")") == "\"\"");
  CHECK(s.eval("(path/dirname \"/a\")") == "\"/\"");
  CHECK(s.eval("(path/dirname \"a//b\")") == "\"a\"");
  CHECK(s.eval("(path/dirname \"./a\")") == "\".\"");
  CHECK(s.eval("(path/dirname \"/\")") == "nil");
  CHECK(s.eval("(path/dirname \"\")") == "nil");
  CHECK(s.eval("(path/dirname 'a)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(path/dirname \"a\" \"b\")") == "Arity error: path/dirname expects 1 args, got 2");
}

TEST_CASE("path/basename", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(path/basename \"/a/b/c.txt\")") == "\"c.txt\"");
  CHECK(s.eval("(path/basename \"/a/b/\")") == "\"b\"");
  CHECK(s.eval("(path/basename \"name\")") == "\"name\"");
  CHECK(s.eval("(path/basename \"a/.\")") == "\"a\"");
  CHECK(s.eval("(path/basename \"/\")") == "nil");
  CHECK(s.eval("(path/basename \"..\")") == "nil");
  CHECK(s.eval("(path/basename \"/a/..\")") == "nil");
  CHECK(s.eval("(path/basename \"\")") == "nil");
  CHECK(s.eval("(path/basename nil)") == "Type error: expected string, got nil");
}

TEST_CASE("path/extension", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(path/extension \"a.tar.gz\")") == "\"gz\"");
  CHECK(s.eval("(path/extension \"/x/y/report.PDF\")") == "\"PDF\"");
  CHECK(s.eval("(path/extension \"a.\")") == "\"\"");
  CHECK(s.eval("(path/extension \".bashrc\")") == "nil");
  CHECK(s.eval("(path/extension \"README\")") == "nil");
  CHECK(s.eval("(path/extension \"dir.d/\")") == "\"d\"");
  CHECK(s.eval("(path/extension \"..\")") == "nil");
  CHECK(s.eval("(path/extension \"/\")") == "nil");
  CHECK(s.eval("(path/extension 1.5)") == "Type error: expected string, got float");
}

TEST_CASE("path/absolute resolves existing paths", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = std::filesystem::canonical(sema::test::temp_dir()).string();
  std::filesystem::create_directory(d + "/sub");
  std::ofstream(d + "/sub/f") << "x";
  std::filesystem::create_symlink(d + "/sub", d + "/ln");
  CHECK(s.eval("(path/absolute \"" + d + "/sub/../sub/./f\")") == "\"" + d + "/sub/f\"");
  CHECK(s.eval("(path/absolute \"" + d + "/ln/f\")") == "\"" + d + "/sub/f\"");
  CHECK(s.eval("(path/absolute \"/\")") == "\"/\"");
  CHECK(s.eval("(path/absolute \"" + d + "/nope\")") ==
        "IO error: path/absolute " + d + "/nope: No such file or directory (os error 2)");
  CHECK(s.eval("(path/absolute 7)") == "Type error: expected string, got int");
}
