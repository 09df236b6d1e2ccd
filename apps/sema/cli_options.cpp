#include "cli_options.hpp"

#include <CLI/CLI.hpp>

#include <cstring>
#include <iostream>

namespace sema::cli {
namespace {

void add_runtime_options(CLI::App& app, Options& o) {
  app.add_option("--plugins", o.plugins,
                 "Comma-separated plugins to load: names, packs (std = core,string,map,io,math,sys) or .so paths "
                 "(default: std,fastio)");
  app.add_option("--plugin-path", o.plugin_path, "Extra folder to search for plugins (repeatable)");
  app.add_option("--max-depth", o.max_depth, "Maximum non-tail evaluation depth (default 10000)")
      ->check(CLI::Range(1, 100000000));
  app.add_option("--max-memory", o.max_memory_mb, "Memory limit in MB; allocation beyond it is a Sema error");
  app.add_option("--timeout", o.timeout_seconds, "Stop evaluation with an error after S seconds")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--sandbox", o.sandbox, "Deny fs-write, net, shell and env to the script");
  app.add_option("--deny", o.deny, "Deny capabilities: fs-read,fs-write,net,shell,env")
      ->delimiter(',')
      ->check(CLI::IsMember({"fs-read", "fs-write", "net", "shell", "env"}));
}

}  // namespace

std::optional<int> parse(int argc, char** argv, Options& o) {
  o.argv.assign(argv, argv + argc);
  // Everything after "--" belongs to the script; only (sys/args) sees it.
  int cli_argc = argc;
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--") == 0) {
      cli_argc = i;
      break;
    }

  CLI::App app{"Sema: a Lisp with Clojure-style keywords, maps and vectors, on a modular plugin runtime", "sema"};
  app.set_version_flag("-V,--version", "sema 0.8.0");
  app.footer(
      "Examples:\n  sema script.sema -- arg1 arg2\n  sema -e '(+ 1 2)'\n"
      "  sema --plugins=std,fastio run benchmarks/1brc/1brc.sema -- data.txt\n  sema ast --json -e '(+ 1 2)'");
  app.add_option("file", o.file, "Script to run");
  auto* eval_opt = app.add_option("-e,--eval", o.eval_expr, "Evaluate EXPR and print the result unless nil");
  auto* print_opt = app.add_option("-p,--print", o.print_expr, "Evaluate EXPR and always print the result");
  eval_opt->excludes(print_opt);
  app.add_option("-l,--load", o.load_files, "Load FILE before anything else (repeatable)");
  app.add_flag("-q,--quiet", o.quiet, "Suppress the REPL banner");
  app.add_flag("-i,--interactive", o.interactive, "Enter the REPL after -e/-p/FILE");
  bool no_init = false, no_llm = false;
  auto* no_init_opt = app.add_flag("--no-init", no_init, "Skip LLM auto-configuration (accepted; no llm plugin yet)");
  auto* no_llm_opt = app.add_flag("--no-llm", no_llm, "Same as --no-init");
  no_init_opt->excludes(no_llm_opt);
  app.add_option("--model", o.model, "Set SEMA_DEFAULT_MODEL");
  app.add_option("--provider", o.provider, "Set SEMA_LLM_PROVIDER");
  add_runtime_options(app, o);

  auto* run = app.add_subcommand("run", "Run a script file");
  run->add_option("file", o.file, "Script to run")->required();
  run->fallthrough();
  auto* ast = app.add_subcommand("ast", "Print the syntax tree of a file or of -e EXPR without evaluating it");
  std::optional<std::string> ast_file, ast_expr;
  ast->add_option("file", ast_file, "File to parse");
  ast->add_option("-e,--eval", ast_expr, "Source text to parse");
  ast->add_flag("--json", o.ast_json, "Print JSON instead of the tree");
  auto* plugins = app.add_subcommand("plugins", "List the loaded plugins with their builtin and hook counts");
  plugins->fallthrough();
  app.require_subcommand(0, 1);

  try {
    app.parse(cli_argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  if (*ast) {
    o.command = Options::Command::Ast;
    o.file = ast_file;
    o.eval_expr = ast_expr;
  } else if (*plugins) {
    o.command = Options::Command::Plugins;
  }
  if (o.sandbox)
    for (const char* cap : {"fs-write", "net", "shell", "env"}) o.deny.emplace_back(cap);
  return std::nullopt;
}

}  // namespace sema::cli
