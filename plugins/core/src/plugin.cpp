// Entry point of the core plugin: lists, higher-order functions, predicates,
// comparison, arithmetic and gensym (stdlib.md §2, 113 builtins).
#include "common.hpp"

namespace {

void register_core(sema::Registry& r) {
  core::register_sequences(r);
  core::register_sequence_ops(r);
  core::register_ranges(r);
  core::register_aggregates(r);
  core::register_higher_order(r);
  core::register_sort(r);
  core::register_cxr(r);
  core::register_predicates(r);
  core::register_comparison(r);
  core::register_arithmetic(r);
  core::register_meta(r);
}

}  // namespace

SEMA_PLUGIN("core", "1.0.0", register_core)
