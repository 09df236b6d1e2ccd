#include "repl.hpp"

#include <editline/readline.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

namespace sema::cli {
namespace {

std::atomic<Runtime*> g_evaluating{nullptr};
volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_sigint(int) {
  g_interrupted = 1;
  if (Runtime* rt = g_evaluating.load()) rt->interrupt();  // only stores an atomic flag
}

std::string history_path() {
  const char* home = std::getenv("HOME");
  return home ? std::string(home) + "/.sema/history.txt" : std::string();
}

constexpr const char* kHelp =
    "Sema REPL commands:\n"
    "  ,help ,h    show this help\n"
    "  ,env        list user-defined global bindings\n"
    "  ,quit ,q    leave (also ,exit or Ctrl-D)\n"
    "Enter any expression to evaluate it; input continues until brackets balance.\n"
    "Ctrl-C interrupts a running evaluation.\n";

// Reads one line; nullopt at EOF. Prompts only when stdin is a terminal.
std::optional<std::string> read_line(bool tty, const char* prompt) {
  if (tty) {
    char* line = readline(prompt);
    if (line == nullptr) return std::nullopt;
    std::string s(line);
    std::free(line);
    return s;
  }
  std::string s;
  if (!std::getline(std::cin, s)) return std::nullopt;
  return s;
}

}  // namespace

bool input_complete(std::string_view text) {
  long depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
  }
  return depth <= 0 && !in_string;
}

int repl(Runtime& rt, bool quiet) {
  bool tty = isatty(STDIN_FILENO);
  if (!quiet) std::printf("Sema v0.8.0 — A Lisp with LLM primitives\nType ,help for help, ,quit to exit\n\n");
  std::fflush(stdout);

  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  struct sigaction previous {};
  sigaction(SIGINT, &sa, &previous);

  std::string hist = history_path();
  if (tty && !hist.empty()) {
    using_history();
    read_history(hist.c_str());
  }

  std::string buffer;
  while (true) {
    g_interrupted = 0;
    auto line = read_line(tty, buffer.empty() ? "sema> " : "  ... ");
    if (!line) {
      if (g_interrupted && !buffer.empty()) {  // Ctrl-C inside a multi-line input
        std::printf("^C\n");
        buffer.clear();
        continue;
      }
      break;
    }
    if (buffer.empty()) {
      std::string cmd = *line;
      cmd.erase(0, cmd.find_first_not_of(" \t\r"));
      cmd.erase(cmd.find_last_not_of(" \t\r") + 1);
      if (cmd == ",quit" || cmd == ",exit" || cmd == ",q") break;
      if (cmd == ",help" || cmd == ",h") {
        std::fputs(kHelp, stdout);
        continue;
      }
      if (cmd == ",env") {
        auto globals = rt.user_globals();
        if (globals.empty()) std::printf("(no user-defined bindings)\n");
        for (const auto& [name, value] : globals) std::printf("  %s = %s\n", name.c_str(), value.c_str());
        continue;
      }
      if (cmd.empty()) continue;
    }
    buffer += buffer.empty() ? *line : "\n" + *line;
    if (!input_complete(buffer)) continue;
    if (tty) add_history(buffer.c_str());

    g_evaluating.store(&rt);
    Outcome out = rt.eval(buffer);
    g_evaluating.store(nullptr);
    buffer.clear();
    if (out.exit_code) {
      if (tty && !hist.empty()) write_history(hist.c_str());
      sigaction(SIGINT, &previous, nullptr);
      return *out.exit_code;
    }
    if (!out.ok) {
      std::fflush(stdout);
      std::fputs(out.error.c_str(), stderr);
      std::fflush(stderr);
    } else if (!out.is_nil) {
      std::printf("%s\n", out.value.c_str());
    }
    std::fflush(stdout);
  }

  if (tty && !hist.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(hist).parent_path(), ec);
    write_history(hist.c_str());
  }
  sigaction(SIGINT, &previous, nullptr);
  std::printf("Goodbye!\n");
  return 0;
}

}  // namespace sema::cli
