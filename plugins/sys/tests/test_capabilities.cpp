// Sandboxed capabilities: shell, env and net builtins ask the host first.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

namespace {
std::string run_denied(const std::string& deny, const std::string& code) {
  sema::RuntimeOptions o;
  o.plugin_path.push_back(sema::test::plugin_dir());
  o.deny = {deny};
  sema::Runtime rt(o);
  std::string err;
  if (!rt.load_plugins("core,string,map,sys", &err)) return "load failed: " + err;
  auto out = rt.eval(code);
  if (out.ok) return out.value;
  std::string e = out.error;
  if (e.rfind("Error: ", 0) == 0) e.erase(0, 7);
  return e.substr(0, e.find('\n'));
}
}  // namespace

TEST_CASE("denied capabilities raise permission errors", "[sys][capabilities]") {
  CHECK(run_denied("shell", "(shell \"echo hi\")") == "Permission error: shell: the 'shell' capability is denied");
  CHECK(run_denied("env", "(env \"HOME\")") == "Permission error: env: the 'env' capability is denied");
  CHECK(run_denied("env", "(sys/set-env \"A\" \"b\")") ==
        "Permission error: sys/set-env: the 'env' capability is denied");
  CHECK(run_denied("env", "(sys/env-all)") == "Permission error: sys/env-all: the 'env' capability is denied");
  CHECK(run_denied("net", "(http/get \"http://127.0.0.1:1/\")") ==
        "Permission error: http/get: the 'net' capability is denied");
  CHECK(run_denied("net", "(http/post \"http://127.0.0.1:1/\" \"x\")") ==
        "Permission error: http/post: the 'net' capability is denied");
  CHECK(run_denied("net", "(http/request \"PATCH\" \"http://127.0.0.1:1/\")") ==
        "Permission error: http/request: the 'net' capability is denied");
}

TEST_CASE("other capabilities leave sys builtins alone", "[sys][capabilities]") {
  CHECK(run_denied("net", "(get (shell \"printf ok\") :stdout)") == "\"ok\"");
  CHECK(run_denied("shell", "(string? (sys/cwd))") == "#t");
  CHECK(run_denied("fs-read", "(hash/md5 \"\")") == "\"d41d8cd98f00b204e9800998ecf8427e\"");
}
