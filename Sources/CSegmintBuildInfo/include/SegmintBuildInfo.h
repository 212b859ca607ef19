#ifndef SEGMINT_BUILD_INFO_H
#define SEGMINT_BUILD_INFO_H

/// The git commit the binary was built from (Package.swift passes it in from the environment
/// variable SEGMINT_GIT_COMMIT), or "unknown".
const char *segmint_build_commit(void);

#endif
