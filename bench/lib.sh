# Shared by the bench scripts: an optimised build of the project in _build-bench.
BENCH_BUILD=${BENCH_BUILD:-_build-bench}

bench_build () {
  if [ ! -f "$BENCH_BUILD/build.ninja" ]; then
    meson setup "$BENCH_BUILD" --buildtype=release >/dev/null
  fi
  ninja -C "$BENCH_BUILD" "$@" >/dev/null
  for target in "$@"; do
    [ -x "$BENCH_BUILD/bench/$target" ] || ninja -C "$BENCH_BUILD" "bench/$target" >/dev/null
  done
}
