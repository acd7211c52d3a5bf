#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100, the last release for Node 20) into DIR from the npm
# registry alone: its postinstall would download ripgrep and prebuilt binaries, so its steps run
# here by hand (Debian's ripgrep, native modules rebuilt against Debian's node headers).
# Usage: install-code-server.sh DIR   (skips when DIR already holds this version)
set -euo pipefail
VERSION=4.100.3
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: install-code-server.sh DIR}
mkdir -p "$dir" && cd "$dir"
dir=$PWD
[ -f "$dir/.ready-$VERSION" ] && exit 0
"$here/../../scripts/apt.sh" test   # ripgrep, pkg-config, libkrb5-dev, build-essential
[ -f package.json ] || echo '{"name": "code-server-install", "private": true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION"
export npm_config_nodedir=/usr npm_config_yes=true   # Debian's node headers; node-pty runs `npx node-gyp`
npm rebuild argon2                                    # builds from source when the prebuilt download fails
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild                                           # node-pty, spdlog, kerberos, native-watchdog, …
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)
touch "$dir/.ready-$VERSION"
echo "code-server ready: node $dir/node_modules/code-server/out/node/entry.js"
