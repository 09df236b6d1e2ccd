// The plugin host's handshake and refusal rules (architecture.md §5), and
// faults reported cleanly at the ABI boundary.
#include "sema_test.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using sema::test::Session;

namespace {

std::string abi_plugin(const std::string& name) { return std::string(ABI_PLUGIN_DIR) + "/libsema-" + name + ".so"; }

// Loads spec into a session that already has core; returns the error text.
std::string refusal(const std::string& spec) {
  Session s("core");
  std::string error;
  bool ok = s.runtime().load_plugins(spec, &error);
  return ok ? "loaded" : error;
}

}  // namespace

TEST_CASE("a plugin written in plain C11 loads and its builtins work") {
  Session s("core");
  std::string error;
  REQUIRE(s.runtime().load_plugins(abi_plugin("cplugin"), &error));
  CHECK(s.eval("(c/add3 1 2 3)") == "6");
  CHECK(s.eval("(c/greet \"ada\")") == "\"hello, ada\"");
  CHECK(s.eval("(c/twice 21)") == "42");
  CHECK(s.eval("c/answer") == "42");
  CHECK(s.eval("(c/add3 1 2)") == "Arity error: c/add3 expects 3 args, got 2");
  CHECK(s.eval("(c/add3 1 2 \"x\")") == "Type error: expected int, got string");
  auto plugins = s.runtime().plugins();
  REQUIRE(plugins.size() == 2);
  CHECK(plugins[1].name == "cplugin");
  CHECK(plugins[1].builtins == 3);
  CHECK(plugins[1].hooks == 1);  // the unknown hook kind was skipped
}

TEST_CASE("a library without the entry symbol is refused") {
  auto e = refusal(abi_plugin("no_entry"));
  CHECK_THAT(e, Catch::Contains("libsema-no_entry.so"));
  CHECK_THAT(e, Catch::Contains("no sema_plugin_entry symbol"));
}

TEST_CASE("a plugin built for a newer minor ABI is refused, naming both versions") {
  auto e = refusal(abi_plugin("newer_minor"));
  CHECK_THAT(e, Catch::Contains("libsema-newer_minor.so"));
  CHECK_THAT(e, Catch::Contains("ABI 1.1"));
  CHECK_THAT(e, Catch::Contains("ABI 1.0"));
}

TEST_CASE("a plugin built for another major ABI is refused") {
  auto e = refusal(abi_plugin("other_major"));
  CHECK_THAT(e, Catch::Contains("ABI 2.0"));
  CHECK_THAT(e, Catch::Contains("major versions differ"));
}

TEST_CASE("a plugin built for another value representation is refused") {
  auto e = refusal(abi_plugin("bad_config"));
  CHECK_THAT(e, Catch::Contains("different value representation"));
  CHECK_THAT(e, Catch::Contains("sizeof(sema_value) 16"));
}

TEST_CASE("a plugin that registers a name twice is refused and leaves no trace") {
  Session s("core");
  std::string error;
  CHECK_FALSE(s.runtime().load_plugins(abi_plugin("duplicate_name"), &error));
  CHECK_THAT(error, Catch::Contains("registers the builtin 'broken/twice' twice"));
  CHECK(s.eval("broken/twice") == "Unbound variable: broken/twice");
  CHECK(s.runtime().plugins().size() == 1);
}

TEST_CASE("redefining another plugin's builtin needs a declared override") {
  auto e = refusal(abi_plugin("undeclared_override"));
  CHECK_THAT(e, Catch::Contains("redefines 'car' from plugin 'core' without declaring an override"));

  Session s("core");
  std::string error;
  REQUIRE(s.runtime().load_plugins(abi_plugin("declared_override"), &error));
  CHECK(s.eval("(car '(5 6))") == "1");  // the declaring plugin's car
}

TEST_CASE("faults inside builtins are reported as Sema errors") {
  Session s("core");
  std::string error;
  REQUIRE(s.runtime().load_plugins(abi_plugin("faults"), &error));
  CHECK(s.eval("(broken/throw)") == "Eval error: internal error in builtin: kaboom");
  CHECK(s.eval("(broken/raise)") == "Eval error: the plugin says no");
  CHECK_THAT(s.eval("(broken/silent)"), Catch::Contains("broken/silent"));
  CHECK(s.eval("(try (broken/raise) (catch e (:message e)))") == "\"the plugin says no\"");
}

TEST_CASE("files that are not loadable plugins are refused clearly") {
  std::string dir = sema::test::temp_dir();
  std::string text = dir + "/libsema-text.so";
  std::ofstream(text) << "this is not an ELF file\n";
  CHECK_THAT(refusal(text), Catch::Contains("cannot load it as a shared library"));

  // A real plugin cut in half.
  std::string truncated = dir + "/libsema-truncated.so";
  {
    std::ifstream in(abi_plugin("cplugin"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  CHECK_THAT(refusal(truncated), Catch::Contains("cannot load it as a shared library"));

  CHECK_THAT(refusal(abi_plugin("unresolved_symbol")), Catch::Contains("sema_test_function_that_does_not_exist"));
  CHECK_THAT(refusal(dir + "/libsema-missing.so"), Catch::Contains("does not exist"));
  CHECK_THAT(refusal("nosuchplugin"), Catch::Contains("plugin 'nosuchplugin' not found"));
}

TEST_CASE("a name from a plugin that is not loaded says which plugin provides it") {
  Session s("core");
  CHECK(s.eval("(string/upper \"a\")") ==
        "Unbound variable: string/upper (provided by the string plugin, which is not loaded; try --plugins=std)");
}
