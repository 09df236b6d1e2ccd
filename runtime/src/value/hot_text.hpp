// Where the code that runs once per loop iteration lives. The evaluator's
// calls, the mini-eval and the value functions under a hot loop are put in
// one section, next to each other: spread over the library, their hot cache
// lines landed in whichever of the L1 instruction cache's sets their
// addresses gave them (64 sets of 8 lines here), a few sets got more than
// eight, and any unrelated change in size moved which ones (performance.md
// §30). Consecutive, they fill consecutive sets. The linker's default script
// already groups `.text.hot*` input sections.
#pragma once

#define SEMA_HOT_TEXT gnu::section(".text.hot.sema")

// The hot code only fastio's rows run (the mini-eval's run functions, the
// fastcall, the host entries of fastio's calls). The default script puts
// `.text.sorted.*` right after `.text.hot*`, so this code still follows the
// shared hot code it calls, but its size no longer moves the lines std's
// rows use: a change in the mini-eval had put twelve of those into one set
// (performance.md §36).
#define SEMA_FASTIO_HOT_TEXT gnu::section(".text.sorted.sema_fastio")
