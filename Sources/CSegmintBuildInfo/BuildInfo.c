#include "SegmintBuildInfo.h"

// A C target because only C defines carry a value from the build into the binary.
#ifndef SEGMINT_GIT_COMMIT
#define SEGMINT_GIT_COMMIT "unknown"
#endif

const char *segmint_build_commit(void) { return SEGMINT_GIT_COMMIT; }
