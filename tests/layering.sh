#!/usr/bin/env bash
# The layering of DESIGN.md, checked rather than kept by habit: src/core and src/scene include no
# GL, GLFW, EGL, ImGui, render/ or ui/ header (the core is used by the command line without a GPU,
# and the scene is what both the screen and the exports draw from).
#   tests/layering.sh SRC_DIR      checks SRC_DIR/core and SRC_DIR/scene; exit 1 naming each breach
#   tests/layering.sh --self-test  proves the check fails on a breach and passes on a clean tree
set -euo pipefail

check() {
    local src=$1 bad
    bad=$(grep -rnE '^\s*#\s*include\s*[<"](GL/|GLFW/|EGL/|glad/|imgui|backends/imgui|render/|ui/)' \
        "$src/core" "$src/scene" 2>/dev/null || true)
    if [ -n "$bad" ]; then
        echo "layering: these files of the core or the scene include what only render/ and ui/ may:" >&2
        echo "$bad" >&2
        return 1
    fi
}

if [ "${1:-}" = --self-test ]; then
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/src/core/model" "$tmp/src/scene"
    printf '#include <vector>\n#include "core/model/date.h"\n' >"$tmp/src/core/model/a.cpp"
    printf '#include "scene/scene.h"\n' >"$tmp/src/scene/b.cpp"
    check "$tmp/src" || { echo "layering self-test: a clean tree was refused" >&2; exit 1; }
    for breach in '#include <imgui.h>' '#include <GLFW/glfw3.h>' '#include "render/renderer.h"' \
                  '  #  include "ui/viewer.h"' '#include <glad/gl.h>' '#include <EGL/egl.h>'; do
        printf '%s\n' "$breach" >"$tmp/src/scene/c.cpp"
        if check "$tmp/src" 2>/dev/null; then echo "layering self-test: '$breach' passed" >&2; exit 1; fi
    done
    echo "layering self-test passed"
    exit 0
fi
check "${1:?usage: $0 SRC_DIR | --self-test}"
echo "layering: src/core and src/scene include no GL, ImGui, render/ or ui/ header"
