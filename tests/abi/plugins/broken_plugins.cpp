// Deliberately broken plugins, one per refusal case; the macro BROKEN_CASE
// picks which one this library is.
#include <sema/sema.hpp>

#include <stdexcept>

namespace {

[[maybe_unused]] sema::Result<sema::Value> ok_builtin(sema_ctx*, sema::Args) { return sema::Value::integer(1); }
[[maybe_unused]] sema::Result<sema::Value> throwing(sema_ctx*, sema::Args) { throw std::runtime_error("kaboom"); }
[[maybe_unused]] sema::Result<sema::Value> raising(sema_ctx*, sema::Args) { return sema::eval_error("the plugin says no"); }
[[maybe_unused]] sema_status silent_failure(sema_ctx*, const sema_value*, size_t, sema_value*) { return SEMA_ERROR; }

void register_builtins(sema::Registry& r) {
#if BROKEN_CASE == 5  // the same name twice
  r.add<ok_builtin>("broken/twice", 0, 0).add<ok_builtin>("broken/twice", 0, 0);
#elif BROKEN_CASE == 6  // redefines core's car without declaring an override
  r.add<ok_builtin>("car", 1, 1);
#elif BROKEN_CASE == 7  // declares the override: accepted
  r.add<ok_builtin>("car", 1, 1);
#elif BROKEN_CASE == 8  // faults at call time, reported cleanly
  r.add<throwing>("broken/throw", 0, 0).add<raising>("broken/raise", 0, 0).add_raw("broken/silent", &silent_failure, 0, 0);
#else
  r.add<ok_builtin>("broken/ok", 0, 0);
#endif
}


[[maybe_unused]] sema_status init(const sema_host_api* host, sema_registry* reg) {
  sema::api = host;
  sema::Registry r(reg);
  register_builtins(r);
  return r.status();
}

[[maybe_unused]] const char* const car_override[] = {"car", nullptr};

}  // namespace

#if BROKEN_CASE == 9  // references a function no library defines
extern "C" int sema_test_function_that_does_not_exist(void);
extern "C" SEMA_EXPORT int sema_test_use_missing(void) { return sema_test_function_that_does_not_exist(); }
#endif

#if BROKEN_CASE != 1  // case 1: no entry symbol at all
extern "C" SEMA_EXPORT const sema_plugin_info* sema_plugin_entry(void) {
  static sema_plugin_info info = {SEMA_PLUGIN_INFO_HEADER, "broken", "0.0.1", nullptr, nullptr, &init};
#if BROKEN_CASE == 2
  info.abi_minor = SEMA_ABI_MINOR + 1;
#elif BROKEN_CASE == 3
  info.abi_major = SEMA_ABI_MAJOR + 1;
#elif BROKEN_CASE == 4
  info.value_size = 16;
  info.config = 0x2;
#elif BROKEN_CASE == 7
  info.overrides = car_override;
#endif
  return &info;
}
#endif
