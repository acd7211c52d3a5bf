#!/usr/bin/env bash
# Installs the Debian packages of scripts/apt-packages.txt for a purpose (lab, or test = lab + test)
# that are not installed yet, at their pinned versions (any version if the pin is gone from the
# archive, with a warning). Does nothing when all are present.
set -euo pipefail
cd "$(dirname "$0")"
purpose=${1:-lab}
want=()
while read -r use spec; do
  case "$use" in ''|'#'*) continue ;; esac
  [ "$use" = lab ] || [ "$purpose" = test ] || continue
  dpkg -s "${spec%%=*}" >/dev/null 2>&1 || want+=("$spec")
done < apt-packages.txt
[ ${#want[@]} -eq 0 ] && exit 0
sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
echo "apt: installing ${want[*]}"
$sudo apt-get update -qq
if ! $sudo apt-get install -y -qq "${want[@]}" >/dev/null; then
  echo "apt: pinned versions unavailable, installing the archive's current ones" >&2
  $sudo apt-get install -y -qq "${want[@]%%=*}" >/dev/null
fi
