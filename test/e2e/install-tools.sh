#!/usr/bin/env bash
# Installs what the real-editor tests need, into .tools/ (outside the extension's dependencies):
# Debian packages (chromium, fonts, neovim, emacs + eglot, build tools for code-server's native
# modules) and code-server 4.100.3 (VS Code 1.100.3) with playwright-core from npm.
# Idempotent: a second run on the same machine takes seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=${TOOLS_DIR:-$PWD/.tools}
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1

export DEBIAN_FRONTEND=noninteractive
need_apt=()
for p in build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium fonts-wqy-zenhei neovim emacs-nox elpa-eglot; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-tools: apt-get install ${need_apt[*]}"
  # Bounded waits: a dpkg lock held by another apt, or a mirror that stops answering, fails the
  # step with apt's message instead of hanging CI.
  apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::http::Timeout=60 -o Acquire::Retries=3)
  apt-get "${apt_opts[@]}" update -qq
  apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

mkdir -p "$TOOLS"
if [ ! -x "$TOOLS/node_modules/.bin/code-server" ] || [ ! -d "$TOOLS/node_modules/playwright-core" ]; then
  echo "install-tools: code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION into $TOOLS"
  # @vscode/ripgrep's postinstall downloads rg from a host we cannot reach: seed its cache with Debian's rg.
  seed=$(mktemp -d)
  cp "$(command -v rg)" "$seed/rg"
  mkdir -p "${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  tar czf "${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$seed" rg
  rm -rf "$seed"
  (
    cd "$TOOLS"
    [ -f package.json ] || echo '{"name":"tifa-test-tools","private":true}' > package.json
    # unsafe_perm: code-server refuses root otherwise; yes: node-pty's postinstall runs npx node-gyp.
    npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --no-save \
      "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" > npm.log 2>&1 || { tail -40 npm.log; exit 1; }
  )
fi
"$TOOLS/node_modules/.bin/code-server" --version | tail -1
