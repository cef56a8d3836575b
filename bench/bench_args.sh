# Sourced by the whole-process benchmarks: `bench_args DEFAULT_SIZE_MB HELP_LINES "$@"` sets
# size_mb, threads (default: all cores), extra (the arguments after --), seed ($SEED, default 1)
# and mirhit ($MIRHIT, default build/app/mirhit), checking each; it checks for GNU time and
# prepares bench/work/ (ignored by git). Run from the repository root.
bench_args() {
  local script default_size="$1" help_lines="$2"
  script="$(basename "$0")"
  shift 2
  size_mb="$default_size"
  threads="$(nproc)"
  extra=()
  local positional=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --) shift; extra=("$@"); break ;;
      -h|--help) sed -n "${help_lines}s/^# \{0,1\}//p" "$0"; exit 0 ;;
      *) positional+=("$1"); shift ;;
    esac
  done
  if [[ ${#positional[@]} -gt 2 ]]; then
    echo "$script: too many arguments (usage: [SIZE_MB] [THREADS] [-- EXTRA...])" >&2
    exit 2
  fi
  [[ ${#positional[@]} -ge 1 ]] && size_mb="${positional[0]}"
  [[ ${#positional[@]} -ge 2 ]] && threads="${positional[1]}"
  if ! [[ "$size_mb" =~ ^([0-9]+\.?[0-9]*|\.[0-9]+)$ ]]; then
    echo "$script: SIZE_MB must be a positive number, got '$size_mb'" >&2
    exit 2
  fi
  if ! [[ "$threads" =~ ^[1-9][0-9]*$ ]]; then
    echo "$script: THREADS must be a positive integer, got '$threads'" >&2
    exit 2
  fi
  seed="${SEED:-1}"
  mirhit="${MIRHIT:-build/app/mirhit}"
  if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time --version 2>&1 | grep -q 'GNU'; then
    echo "$script: GNU time (/usr/bin/time) is missing; install the Debian package 'time'" \
         "(the project's set-up script does)" >&2
    exit 1
  fi
  if [[ ! -x "$mirhit" ]]; then
    echo "$script: mirhit binary '$mirhit' not found or not executable (build it, or set MIRHIT=/path/to/mirhit)" >&2
    exit 1
  fi
  mkdir -p bench/work
  [[ -f bench/work/.gitignore ]] || printf '*\n' > bench/work/.gitignore
}

# `generated_input KIND` sets input to bench/work/KIND_${size_mb}mb_seed${seed}.fa, made once by
# bench/generate_KIND.py (utrs or genome) and reused.
generated_input() {
  input="bench/work/${1}_${size_mb}mb_seed${seed}.fa"
  if [[ ! -s "$input" ]]; then
    echo "generating $input ..." >&2
    python3 "bench/generate_$1.py" "$size_mb" --seed "$seed" -o "$input.tmp"
    mv "$input.tmp" "$input"
  fi
}
