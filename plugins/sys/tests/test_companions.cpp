// The companion libraries (libsema-sys-crypto.so, libsema-sys-net.so) are
// opened on first use: without them sys still loads, registers every builtin
// and reports the problem at the call.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

TEST_CASE("a missing or broken companion library is an error at the call", "[sys][companion]") {
  // A copy of the plugin in a folder of its own looks for its companions there.
  std::string dir = sema::test::temp_dir();
  fs::copy_file(fs::path(sema::test::plugin_dir()) / "libsema-sys.so", fs::path(dir) / "libsema-sys.so");
  std::ofstream(dir + "/libsema-sys-net.so") << "not a shared library\n";
  sema::test::Session s("core,string,map," + dir + "/libsema-sys.so");

  CHECK(s.eval("(hash/md5 \"abc\")") == "Eval error: hash/md5: the sys plugin's crypto library is unavailable (" +
                                            dir + "/libsema-sys-crypto.so is missing)");
  CHECK(s.eval("(base64/encode \"abc\")") ==
        "Eval error: base64/encode: the sys plugin's crypto library is unavailable (" + dir +
            "/libsema-sys-crypto.so is missing)");
  std::string http = s.eval("(http/get \"http://127.0.0.1:1/\")");
  CHECK(http.starts_with("Eval error: http/get: the sys plugin's network library is unavailable (" + dir +
                         "/libsema-sys-net.so: "));
  // Argument checks come first, and the error can be caught like any other.
  CHECK(s.eval("(hash/md5 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(hash/md5)") == "Arity error: hash/md5 expects 1 args, got 0");
  CHECK(s.eval("(try (uuid/v4) (catch e :caught))") == ":caught");
  // The rest of sys does not need them.
  CHECK(s.eval("(bytevector-length (bytevector 1 2))") == "2");
}

TEST_CASE("the companions load next to the plugin", "[sys][companion]") {
  sema::test::Session s("core,string,map,sys");
  CHECK(s.eval("(hash/md5 \"abc\")") == "\"900150983cd24fb0d6963f7d28e17f72\"");
  CHECK(s.eval("(string-length (uuid/v4))") == "36");
}
