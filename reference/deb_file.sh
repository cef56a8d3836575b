# Sourced by the reference/ extraction scripts: fetch one file out of a Debian package without
# installing the package.
#
#   deb_file PACKAGE FILE_NAME DIR   downloads PACKAGE's .deb into DIR, unpacks it into DIR/root
#                                    and sets deb_version and deb_path (the one file named
#                                    FILE_NAME in it); exits with a message otherwise.
deb_file() {
  local package="$1" name="$2" dir="$3" script
  script="$(basename "$0")"
  # apt-get download runs as _apt when it can; let it write into the directory.
  chmod 0777 "$dir"
  (cd "$dir" && apt-get download "$package" >/dev/null)
  local deb
  deb="$(find "$dir" -maxdepth 1 -name "${package}_*.deb" -print -quit)"
  if [[ -z "$deb" ]]; then
    echo "$script: apt-get download $package produced no .deb (run apt-get update?)" >&2
    exit 1
  fi
  deb_version="$(dpkg-deb -f "$deb" Version)"
  dpkg-deb -x "$deb" "$dir/root"
  local found
  mapfile -t found < <(find "$dir/root" -type f -name "$name")
  if [[ ${#found[@]} -ne 1 ]]; then
    echo "$script: expected exactly one $name in $deb, found ${#found[@]}" >&2
    exit 1
  fi
  deb_path="${found[0]}"
}
