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
