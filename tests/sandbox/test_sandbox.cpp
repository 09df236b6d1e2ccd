// The capability sandbox (--sandbox / --deny): each denied builtin raises
// `Permission error: BUILTIN: the 'CAP' capability is denied` before it does
// anything, the error is catchable as :permission, and allowed capabilities
// keep working. The builtin list comes from stdlib.md (§5 io, §7 sys, §9
// http), not from the plugins' code, so a builtin that forgets its check fails here.
#include <sema_test.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// What --sandbox denies (apps/sema/cli_options.cpp).
const std::vector<std::string> kSandbox = {"fs-write", "net", "shell", "env"};

sema::RuntimeOptions options_denying(std::vector<std::string> deny) {
  sema::RuntimeOptions o;
  o.plugin_path.push_back(sema::test::plugin_dir());
  o.argv = {"sema-test"};
  o.deny = std::move(deny);
  return o;
}

struct Sandboxed {
  explicit Sandboxed(std::vector<std::string> deny, std::string_view plugins = "std") : rt(options_denying(std::move(deny))) {
    std::string err;
    if (!rt.load_plugins(plugins, &err)) FAIL("loading plugins: " << err);
  }
  // The first line of the error report, or "ok: VALUE".
  std::string first_line(std::string_view src) {
    sema::Outcome o = rt.eval(src);
    if (o.ok) return "ok: " + o.value;
    return o.error.substr(0, o.error.find('\n'));
  }
  sema::Runtime rt;
};

std::string denied(std::string_view builtin, std::string_view cap) {
  return "Error: Permission error: " + std::string(builtin) + ": the '" + std::string(cap) + "' capability is denied";
}

// A scratch folder with one file "f.txt" and one subfolder "d".
std::string scratch() {
  std::string dir = sema::test::temp_dir();
  std::ofstream(dir + "/f.txt") << "line one\nline two\n";
  fs::create_directory(dir + "/d");
  return dir;
}

struct Case {
  std::string builtin;
  std::string cap;
  std::string source;  // a call that would succeed (or at least act) if allowed
};

}  // namespace

TEST_CASE("sandbox flag: every fs-write builtin is refused and nothing is written") {
  std::string dir = scratch();
  std::string f = dir + "/f.txt", nf = dir + "/new.txt";
  std::vector<Case> cases = {
      {"file/write", "fs-write", "(file/write \"" + nf + "\" \"x\")"},
      {"file/append", "fs-write", "(file/append \"" + f + "\" \"x\")"},
      {"file/write-lines", "fs-write", "(file/write-lines \"" + nf + "\" '(\"a\" \"b\"))"},
      {"file/delete", "fs-write", "(file/delete \"" + f + "\")"},
      {"file/rename", "fs-write", "(file/rename \"" + f + "\" \"" + nf + "\")"},
      {"file/copy", "fs-write", "(file/copy \"" + f + "\" \"" + nf + "\")"},
      {"file/mkdir", "fs-write", "(file/mkdir \"" + dir + "/newdir/sub\")"},
  };
  Sandboxed s(kSandbox);
  for (const auto& c : cases) {
    INFO(c.source);
    CHECK(s.first_line(c.source) == denied(c.builtin, c.cap));
  }
  // Nothing happened to the folder.
  CHECK_FALSE(fs::exists(nf));
  CHECK_FALSE(fs::exists(dir + "/newdir"));
  std::ifstream in(f);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  CHECK(content == "line one\nline two\n");
}

TEST_CASE("sandbox flag: net, shell and env builtins are refused") {
  std::string dir = scratch();
  std::string marker = dir + "/ran";
  std::vector<Case> cases = {
      // Unroutable address: if the check were missing the call would fail
      // with an IO error, never with the permission error.
      {"http/get", "net", "(http/get \"http://127.0.0.1:9/\")"},
      {"http/post", "net", "(http/post \"http://127.0.0.1:9/\" \"body\")"},
      {"http/put", "net", "(http/put \"http://127.0.0.1:9/\" \"body\")"},
      {"http/delete", "net", "(http/delete \"http://127.0.0.1:9/\")"},
      {"http/request", "net", "(http/request \"GET\" \"http://127.0.0.1:9/\")"},
      {"shell", "shell", "(shell \"touch " + marker + "\")"},
      {"shell", "shell", "(shell \"touch\" \"" + marker + "\")"},
      {"env", "env", "(env \"HOME\")"},
      {"sys/set-env", "env", "(sys/set-env \"SEMA_SANDBOX_PROBE\" \"set\")"},
      {"sys/env-all", "env", "(sys/env-all)"},
  };
  Sandboxed s(kSandbox);
  for (const auto& c : cases) {
    INFO(c.source);
    CHECK(s.first_line(c.source) == denied(c.builtin, c.cap));
  }
  CHECK_FALSE(fs::exists(marker));
  CHECK(std::getenv("SEMA_SANDBOX_PROBE") == nullptr);
}

TEST_CASE("deny fs-read: every reading builtin is refused") {
  std::string dir = scratch();
  std::string f = dir + "/f.txt";
  std::vector<Case> cases = {
      {"file/read", "fs-read", "(file/read \"" + f + "\")"},
      {"file/read-lines", "fs-read", "(file/read-lines \"" + f + "\")"},
      {"file/for-each-line", "fs-read", "(file/for-each-line \"" + f + "\" println)"},
      {"file/fold-lines", "fs-read", "(file/fold-lines \"" + f + "\" (fn (acc l) (+ acc 1)) 0)"},
      {"file/exists?", "fs-read", "(file/exists? \"" + f + "\")"},
      {"file/is-file?", "fs-read", "(file/is-file? \"" + f + "\")"},
      {"file/is-directory?", "fs-read", "(file/is-directory? \"" + dir + "\")"},
      {"file/is-symlink?", "fs-read", "(file/is-symlink? \"" + f + "\")"},
      {"file/list", "fs-read", "(file/list \"" + dir + "\")"},
      {"file/info", "fs-read", "(file/info \"" + f + "\")"},
      {"path/absolute", "fs-read", "(path/absolute \"" + f + "\")"},
  };
  for (std::string_view plugins : {"std", "std,fastio"}) {
    Sandboxed s({"fs-read"}, plugins);
    for (const auto& c : cases) {
      INFO(plugins << ": " << c.source);
      CHECK(s.first_line(c.source) == denied(c.builtin, c.cap));
    }
  }
}

TEST_CASE("deny fs-read: load and import cannot read source files") {
  std::string dir = scratch();
  std::ofstream(dir + "/lib.sema") << "(define loaded-value 42)\n";
  Sandboxed s({"fs-read"});
  std::string lib = dir + "/lib.sema";
  // The builtin form (a value: the unevaluated forms), the special form and import.
  CHECK(s.first_line("(let ((l load)) (l \"" + lib + "\"))") == denied("load", "fs-read"));
  CHECK(s.first_line("(load \"" + lib + "\")") == denied("load", "fs-read"));
  CHECK(s.first_line("(import \"" + lib + "\")") == denied("import", "fs-read"));
  CHECK(s.first_line("loaded-value").rfind("Error: Unbound variable: loaded-value", 0) == 0);
}

TEST_CASE("a permission error is an ordinary catchable error") {
  Sandboxed s(kSandbox);
  CHECK(s.first_line("(try (shell \"true\") (catch e (:type e)))") == "ok: :permission");
  CHECK(s.first_line("(try (env \"HOME\") (catch e (:message e)))") ==
        "ok: \"env: the 'env' capability is denied\"");
  // The check comes before argument validation: a bad argument still says denied.
  CHECK(s.first_line("(shell 42)") == denied("shell", "shell"));
}

TEST_CASE("denying some capabilities leaves the others working") {
  std::string dir = scratch();
  std::string nf = dir + "/written.txt";
  Sandboxed s({"net", "shell"});
  CHECK(s.first_line("(file/write \"" + nf + "\" \"hello\")") == "ok: nil");
  CHECK(s.first_line("(file/read \"" + nf + "\")") == "ok: \"hello\"");
  CHECK(s.first_line("(string? (env \"PATH\"))") == "ok: #t");
  CHECK(s.first_line("(shell \"true\")") == denied("shell", "shell"));
  // --sandbox keeps reading allowed.
  Sandboxed sb(kSandbox);
  CHECK(sb.first_line("(file/read \"" + nf + "\")") == "ok: \"hello\"");
  CHECK(sb.first_line("(+ 1 2)") == "ok: 3");
}

TEST_CASE("without a sandbox nothing is denied") {
  Sandboxed s({});
  CHECK(s.first_line("(:exit-code (shell \"true\"))") == "ok: 0");
  CHECK(s.first_line("(string? (env \"PATH\"))") == "ok: #t");
}
