// The fastio accelerator: overrides the io plugin's line streaming builtins.
#include <sema/sema.hpp>

namespace fastio {
void register_fold_lines(sema::Registry& r);
}

namespace {
const char* const kOverrides[] = {"file/fold-lines", "file/for-each-line", nullptr};
void register_all(sema::Registry& r) { fastio::register_fold_lines(r); }
}  // namespace

SEMA_PLUGIN_EX("fastio", "1.0.0", nullptr, kOverrides, register_all)
