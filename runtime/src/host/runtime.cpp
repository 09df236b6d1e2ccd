// sema::Runtime — the embedding API over the interpreter and the plugin host.
#include <sema/runtime.hpp>

#include "eval/interp.hpp"
#include "host/big_stack.hpp"
#include "host/memory_limit.hpp"
#include "host/plugin_host.hpp"
#include "host/registry.hpp"
#include "value/interner.hpp"

#include <sema/utf8.hpp>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sema {

struct Runtime::Impl {
  explicit Impl(RuntimeOptions o)
      : options(std::move(o)), interp(options), host(interp, rt::plugin_search_dirs(options.plugin_path)) {
    rt::set_process_argv(options.argv);
    interp.set_unbound_hint([this](std::string_view name) { return host.unbound_hint(name); });
    // --max-memory (issue 6): crossing the limit interrupts the evaluation.
    if (options.max_memory_mb > 0)
      rt::memory::set_limit(options.max_memory_mb << 20, [](void* i) { static_cast<rt::Interp*>(i)->interrupt(); },
                            &interp);
  }
  ~Impl() {
    if (options.max_memory_mb > 0) rt::memory::set_limit(0);
  }

  // An evaluation stopped by the memory limit or by --timeout says so
  // instead of the bare "interrupted" (issue 6).
  void explain_stop(rt::Error& e) {
    if (e.flow != rt::Error::Flow::Error) return;
    if (rt::memory::tripped()) {
      e.kind = SEMA_ERR_EVAL;
      e.message = rt::memory::message();
    } else if (timed_out.load(std::memory_order_relaxed) && e.message == "interrupted") {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%g", options.timeout_seconds);
      e.message = std::string("timeout (--timeout ") + secs + " s exceeded)";
    }
  }

  Outcome run_chunk(std::string_view source, std::string_view file) {
    Outcome out;
    rt::memory::clear_tripped();
    rt::run_with_big_stack([&] {
      rt::Result<rt::Value> r = [&]() -> rt::Result<rt::Value> {
        // Nothing may escape the evaluation thread: an allocation refused by
        // --max-memory (or by the system) is a Sema error.
        try {
          return interp.eval_chunk(source, file);
        } catch (const std::bad_alloc&) {
          return rt::eval_error(rt::memory::message());
        } catch (const std::exception& ex) {
          return rt::eval_error(std::string("internal error: ") + ex.what());
        }
      }();
      if (!r) explain_stop(r.error());
      if (r) {
        out.ok = true;
        out.is_nil = r->get() == SEMA_NIL;
        out.value = rt::to_text(r->get(), false);
        return;
      }
      out.ok = false;
      if (r.error().flow == rt::Error::Flow::Exit) {
        out.exit_code = r.error().exit_code;
        return;
      }
      out.error = r.error().report();
    });
    std::fflush(stdout);
    return out;
  }

  RuntimeOptions options;
  std::atomic<bool> timed_out{false};
  rt::Interp interp;
  rt::PluginHost host;
};

Runtime::Runtime(RuntimeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Runtime::~Runtime() = default;

bool Runtime::load_plugins(std::string_view spec, std::string* error, std::vector<std::string>* warnings) {
  std::string ignored;
  return impl_->host.load_list(spec, false, error ? error : &ignored, warnings);
}

bool Runtime::load_default_plugins(std::string* error, std::vector<std::string>* warnings) {
  std::string ignored;
  return impl_->host.load_list(rt::kDefaultPlugins, true, error ? error : &ignored, warnings);
}

std::vector<PluginSummary> Runtime::plugins() const { return impl_->host.summaries(); }

Outcome Runtime::eval(std::string_view source, std::string_view file) { return impl_->run_chunk(source, file); }

Outcome Runtime::run_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) {
    int err = std::filesystem::is_directory(path, ec) ? EISDIR : errno;
    Outcome o;
    o.ok = false;
    o.error = "Error reading " + path + ": " + std::strerror(err) + " (os error " + std::to_string(err) + ")\n";
    return o;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  // Source text must be UTF-8, as in the original (issue 6: strings the
  // reader builds are assumed valid everywhere else).
  if (!utf8::valid(ss.view())) {
    Outcome o;
    o.ok = false;
    o.error = "Error reading " + path + ": stream did not contain valid UTF-8\n";
    return o;
  }
  std::string canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec).string();
  if (canonical.empty()) canonical = path;
  return impl_->run_chunk(ss.str(), canonical);
}

void Runtime::interrupt() { impl_->interp.interrupt(); }

void Runtime::interrupt_timeout() {
  impl_->timed_out.store(true, std::memory_order_relaxed);
  impl_->interp.interrupt();
}

std::vector<std::pair<std::string, std::string>> Runtime::user_globals() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [id, value] : impl_->interp.globals()) {
    if (rt::type_of(value) == SEMA_T_NATIVE) continue;
    out.emplace_back(std::string(rt::id_name(id)), rt::to_text(value, false));
  }
  return out;
}

}  // namespace sema
