// (shell …) runs processes and returns {:exit-code :stderr :stdout} (stdlib.md §7.1).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("shell with one argument runs sh -c", "[sys][shell]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(shell \"echo hi\")") == "{:exit-code 0 :stderr \"\" :stdout \"hi\n\"}");
  CHECK(s.eval("(shell \"echo out; echo err 1>&2; exit 3\")") ==
        "{:exit-code 3 :stderr \"err\n\" :stdout \"out\n\"}");
  CHECK(s.eval("(get (shell \"true | false\") :exit-code)") == "1");
  CHECK(s.eval("(get (shell \"printf 'a b'\") :stdout)") == "\"a b\"");
}

TEST_CASE("shell with several arguments runs the program directly", "[sys][shell]") {
  Session s("core,string,map,sys");
  // No shell: the '$HOME' and ';' reach printf unexpanded.
  CHECK(s.eval("(get (shell \"printf\" \"%s|%s\" \"$HOME\" \"a;b\") :stdout)") == "\"$HOME|a;b\"");
  CHECK(s.eval("(get (shell \"sh\" \"-c\" \"exit 7\") :exit-code)") == "7");
  CHECK(s.eval("(shell \"/nonexistent/program-xyz\" \"x\")") ==
        "IO error: shell: No such file or directory (os error 2)");
  CHECK(s.eval("(shell \"no-such-program-xyz\" \"x\")") == "IO error: shell: No such file or directory (os error 2)");
  CHECK(s.eval("(shell \"/dev/null\" \"x\")") == "IO error: shell: Permission denied (os error 13)");
}

TEST_CASE("shell output is decoded lossily and large output does not block", "[sys][shell]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(get (shell \"printf 'a\\\\377b'\") :stdout)") == "\"a\xEF\xBF\xBD" "b\"");
  // Both pipes carry more than a pipe buffer; reading one only would deadlock.
  CHECK(s.eval("(string-length (get (shell \"head -c 300000 /dev/zero | tr '\\\\0' x; head -c 200000 /dev/zero | tr '\\\\0' y 1>&2\") :stdout))") ==
        "300000");
  CHECK(s.eval("(get (shell \"cat\") :stdout)") == "\"\"");  // stdin is empty
}

TEST_CASE("shell reports a signal death as -1", "[sys][shell]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(get (shell \"kill -9 $$\") :exit-code)") == "-1");
}

TEST_CASE("shell argument errors", "[sys][shell]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(shell)") == "Arity error: shell expects 1+ args, got 0");
  CHECK(s.eval("(shell 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(shell \"echo\" 'x)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(shell '(\"ls\"))") == "Type error: expected string, got list");
}
