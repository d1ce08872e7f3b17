#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian packages (Chromium, ripgrep, build headers) and
# code-server (= VS Code's real workbench served to a browser), into a cache folder outside the repo.
# Idempotent: every step is skipped when its result is already there. Runs as root on a fresh Debian.
# See ../shared/reference/real-vscode-e2e.md for why each workaround exists.
#
# Env: OCIP_E2E_HOME  cache folder (default $HOME/.cache/ocip-e2e); code-server goes to $OCIP_E2E_HOME/code-server.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
E2E_HOME="${OCIP_E2E_HOME:-$HOME/.cache/ocip-e2e}"
CS_DIR="$E2E_HOME/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
LOG="$E2E_HOME/setup.log"
APT_PACKAGES=(libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium python3 make g++ git)

mkdir -p "$E2E_HOME"
# Several test files may call this at once on a fresh machine: one installs, the others wait.
exec 9>"$E2E_HOME/.setup.lock"
flock 9
: >"$LOG"
STEP="start"
trap 'echo "setup-e2e: FAILED at step: $STEP (full log: $LOG)" >&2; tail -n 30 "$LOG" >&2' ERR

step() { STEP="$1"; echo "setup-e2e: $1"; }
# Runs a command with its output going to the log only; the ERR trap shows the tail when it fails.
quiet() { echo "+ $*" >>"$LOG"; "$@" >>"$LOG" 2>&1; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  step "apt-get install ${missing[*]}"
  quiet $SUDO apt-get update -q
  quiet $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup-e2e: Debian packages already installed"
fi

if [ -x "$CS_BIN" ] && "$CS_BIN" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  echo "setup-e2e: code-server $CODE_SERVER_VERSION already installed in $CS_DIR"
  exit 0
fi

# node-pty's install runs `npx node-gyp`, which will not fetch it non-interactively. `command -v node-gyp`
# is no test for it: under `npm test`, npm puts its own node-gyp shim on PATH, which npx does not use.
if [ ! -x "$(npm prefix -g)/bin/node-gyp" ]; then
  step "npm i -g node-gyp@12"
  quiet npm i -g --no-audit --no-fund node-gyp@12
fi

export npm_config_unsafe_perm=true   # code-server's scripts refuse to run as root without it
step "npm install code-server@$CODE_SERVER_VERSION (without scripts) into $CS_DIR"
mkdir -p "$CS_DIR"
[ -f "$CS_DIR/package.json" ] || echo '{"name":"ocip-e2e-code-server","private":true}' >"$CS_DIR/package.json"
quiet npm install --prefix "$CS_DIR" --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION"

VS="$CS_DIR/node_modules/code-server/lib/vscode"
step "install VS Code's own dependencies"
(cd "$VS" && quiet npm install --omit=dev --no-audit --no-fund --ignore-scripts)

step "rebuild native modules (node-pty, watcher, spdlog, watchdog, kerberos, deviceid)"
(cd "$VS" && quiet npm rebuild node-pty @parcel/watcher @vscode/spdlog native-watchdog kerberos @vscode/deviceid)

step "link ripgrep and the remote-cli/browser helpers"
(
  cd "$VS"
  # @vscode/ripgrep would download rg from GitHub; Debian's rg does the same job.
  mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
)

step "install built-in extensions' dependencies"
(cd "$VS/extensions" && quiet npm install --omit=dev --no-audit --no-fund --ignore-scripts)

step "rebuild argon2"
(cd "$CS_DIR" && quiet npm rebuild argon2)

step "check code-server --version"
# It may print an info line (default config written) before the version line.
version="$("$CS_BIN" --version 2>>"$LOG" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n 1 || true)"
case "$version" in
  "$CODE_SERVER_VERSION "*) echo "setup-e2e: code-server ready: $version ($CS_BIN)" ;;
  *) echo "setup-e2e: FAILED: code-server --version printed '$version', wanted $CODE_SERVER_VERSION" >&2; exit 1 ;;
esac
