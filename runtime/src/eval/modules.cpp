// load and import (language.md §4.11). Paths are relative to the directory of
// the file the code was read from, or the working directory for -e/REPL input.
//
// A module runs in its own top scope: a local frame whose parent is the
// global environment. Its definitions stay private (globals persist across
// chunks, so running it in the global scope would leak them); only its
// exports are copied into the importer's scope.
#include "eval/analyze.hpp"
#include "value/interner.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sema::rt {

namespace {

namespace fs = std::filesystem;

std::string os_error(int err) { return std::string(std::strerror(err)) + " (os error " + std::to_string(err) + ")"; }

std::string resolve(std::string_view path, const std::string* file) {
  fs::path p(path);
  if (p.is_relative() && file != nullptr && !file->empty()) p = fs::path(*file).parent_path() / p;
  return p.string();
}

// Reads a whole file; on failure returns the OS error text.
std::optional<std::string> slurp(const std::string& path, std::string* why) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *why = os_error(EISDIR);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *why = os_error(errno ? errno : ENOENT);
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The sandbox (--deny=fs-read): load and import read files like file/read.
std::optional<Error> read_denied(const RuntimeOptions& o, const char* form) {
  if (std::find(o.deny.begin(), o.deny.end(), "fs-read") == o.deny.end()) return std::nullopt;
  Error e;
  e.kind = SEMA_ERR_PERMISSION;
  e.message = std::string(form) + ": the 'fs-read' capability is denied";
  return e;
}

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path c = fs::canonical(path, ec);
  return ec ? fs::absolute(path, ec).lexically_normal().string() : c.string();
}

}  // namespace

void Interp::State::bind_in_scope(const Rc<CScope>& scope, Env* env, uint32_t id, Value v) {
  if (scope->global || env == nullptr) {
    set_global(cell(id), std::move(v));
    return;
  }
  if (scope->find(id) < 0) {
    scope->dynamic = true;
    any_dynamic = true;
    ++globals_epoch;  // the mini-eval's remembered checks test any_dynamic again
  }
  env->put(static_cast<uint32_t>(scope->add(id)), v.take());
}

Result<Value> Interp::State::load_file(Word path, const Rc<CScope>& scope, Env* env, const std::string* file) {
  if (auto e = read_denied(options, "load")) return std::unexpected(std::move(*e));
  if (!is_type(path, SEMA_T_STRING)) return type_error("string", path);
  std::string resolved = resolve(string_of(path), file);
  std::string why;
  std::optional<std::string> text = slurp(resolved, &why);
  if (!text) return make_error(SEMA_ERR_IO, "load " + resolved + ": " + why);
  Result<ReadResult> rd = read_all(*text);
  if (!rd) return std::unexpected(std::move(rd.error()));
  const std::string* f = intern_file(canonical(resolved));
  return run_forms(rd->forms, &rd->spans, scope, env, f);
}

Result<Value> Interp::State::import_file(Word path, const std::vector<uint32_t>& names, const Rc<CScope>& scope,
                                         Env* env, const std::string* file) {
  if (auto e = read_denied(options, "import")) return std::unexpected(std::move(*e));
  if (!is_type(path, SEMA_T_STRING)) return type_error("string", path);
  std::string given(string_of(path));
  std::string resolved = resolve(given, file);
  std::string why;
  std::error_code ec;
  if (!fs::exists(resolved, ec)) return make_error(SEMA_ERR_IO, "import " + given + ": " + os_error(ENOENT));
  std::string key = canonical(resolved);

  auto cached = module_cache.find(key);
  if (cached == module_cache.end()) {
    if (std::find(importing.begin(), importing.end(), key) != importing.end())
      return eval_error("import: cyclic import of " + key);
    std::optional<std::string> text = slurp(resolved, &why);
    if (!text) return make_error(SEMA_ERR_IO, "import " + given + ": " + why);
    Result<ReadResult> rd = read_all(*text);
    if (!rd) return std::unexpected(std::move(rd.error()));

    // The module's top scope: private, parent = global. Its defines are
    // pre-scanned so functions can refer to later definitions.
    auto ms = make_rc<CScope>();
    ms->parent = global_scope;
    Rc<Env> mf = Env::make(ms, Rc<Env>());
    ModuleCtx mctx;
    ModuleCtx* saved = std::exchange(module_ctx, &mctx);
    importing.push_back(key);
    const std::string* f = intern_file(key);
    Analyzer scan(*this, nullptr, f, true);
    for (Value& form : rd->forms) scan.prescan(form.get(), ms.get());
    mf->slots.resize(ms->names.size(), kUnset);
    Result<Value> r = run_forms(rd->forms, &rd->spans, ms, mf.get(), f);
    importing.pop_back();
    module_ctx = saved;
    if (!r) return std::unexpected(std::move(r.error()));

    std::vector<std::pair<uint32_t, Value>> exports;
    auto add_export = [&](uint32_t id) {
      int s = ms->find(id);
      if (s < 0) return;
      Word w = mf->get(static_cast<uint32_t>(s));
      if (w != kUnset) exports.emplace_back(id, Value::borrow(w));
    };
    if (mctx.declared) {
      for (uint32_t id : mctx.exports) add_export(id);
    } else {
      for (uint32_t id : ms->names) add_export(id);
    }
    cached = module_cache.emplace(key, std::move(exports)).first;
  }

  const auto& exports = cached->second;
  if (names.empty()) {
    for (const auto& [id, v] : exports) bind_in_scope(scope, env, id, v);
    return Value();
  }
  for (uint32_t id : names) {
    auto it = std::find_if(exports.begin(), exports.end(), [&](const auto& e) { return e.first == id; });
    if (it == exports.end()) return eval_error("import: module does not export '" + std::string(id_name(id)) + "'");
    bind_in_scope(scope, env, id, it->second);
  }
  return Value();
}

}  // namespace sema::rt
