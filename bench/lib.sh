# Shared by the bench scripts: an optimised build of the project in _build-bench.
BENCH_BUILD=${BENCH_BUILD:-_build-bench}

# bench_build TARGET…: builds bench/TARGET for each, the bundled content and the
# settings schema.
bench_build () {
  if [ ! -f "$BENCH_BUILD/build.ninja" ]; then
    meson setup "$BENCH_BUILD" --buildtype=release >/dev/null
  fi
  targets="data/content/repository data/gschemas.compiled"
  for target in "$@"; do
    targets="$targets bench/$target"
  done
  # shellcheck disable=SC2086
  ninja -C "$BENCH_BUILD" $targets >/dev/null
}
