#!/usr/bin/env bash
# npm run check:package — the npm package as a user gets it: `npm pack` (which builds dist/ on
# prepack), the tarball installed into an empty folder, then `tifa` and `tifa-language-server` run
# from there. Also what the .vsix holds (`vsce ls`, from the same `files` list): every runtime
# bundle, the README's images.
# Prints PASS/FAIL lines; exits 1 if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
check() { # check "what" command...: PASS when the command succeeds
  local what=$1
  shift
  if "$@" >"$work/out" 2>&1; then echo "PASS $what"; else echo "FAIL $what"; sed 's/^/    /' "$work/out" | head -20; failed=1; fi
}

tgz=$(npm pack --pack-destination "$work" --silent 2>/dev/null | tail -1)
mkdir "$work/user"
cd "$work/user"
printf '{ "name": "a-translation-project", "version": "1.0.0", "private": true }\n' > package.json
check "the tarball installs into an empty folder, with no dependency to fetch" \
  bash -c "npm install --no-audit --no-fund --offline '$work/$tgz' && [ \"\$(ls node_modules | grep -v '^\.' )\" = tifa ]"
printf '\xef\xbb\xbf# 讲话\r\n\r\n建设网络强国，发展核心技术。\r\n' > draft.zh.md
check "npx tifa --version prints the package's version" \
  bash -c "[ \"\$(npx --no-install tifa --version)\" = \"\$(node -p \"require('$root/package.json').version\")\" ]"
check "npx tifa lint finds the formulations (JSON)" \
  bash -c "npx --no-install tifa lint draft.zh.md --format json | node -e 'const r = JSON.parse(require(\"fs\").readFileSync(0, \"utf8\")); const codes = r[0].diagnostics.map((d) => d.code); if (codes.filter((c) => c === \"formulation\").length !== 2) { console.error(JSON.stringify(r)); process.exit(1); }'"
check "npx tifa lint --format sarif writes SARIF 2.1.0 with the findings" \
  bash -c "npx --no-install tifa lint draft.zh.md --format sarif | node -e 'const s = JSON.parse(require(\"fs\").readFileSync(0, \"utf8\")); if (s.version !== \"2.1.0\" || s.runs[0].results.length !== 2 || s.runs[0].columnKind !== \"utf16CodeUnits\") { console.error(JSON.stringify(s)); process.exit(1); }'"
check "npx tifa lint --format github writes workflow commands" \
  bash -c "[ \"\$(npx --no-install tifa lint draft.zh.md --format github | grep -c '^::notice file=draft.zh.md,line=3,')\" = 2 ]"
check "npx tifa-language-server --stdio answers initialize with its capabilities" \
  node -e '
    const { spawn } = require("child_process");
    const p = spawn("npx", ["--no-install", "tifa-language-server", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    p.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let buf = "";
    const timer = setTimeout(() => { console.error("no answer in 30 s"); p.kill(); process.exit(1); }, 30000);
    p.stdout.on("data", (d) => {
      buf += d;
      const at = buf.indexOf("\r\n\r\n");
      if (at < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(buf)[1]);
      const json = Buffer.from(buf.slice(at + 4));
      if (json.length < length) return;
      const msg = JSON.parse(json.subarray(0, length).toString());
      clearTimeout(timer);
      p.kill();
      if (!msg.result || !msg.result.capabilities.hoverProvider || msg.result.serverInfo.name !== "tifa-language-server") { console.error(JSON.stringify(msg)); process.exit(1); }
    });'
cd "$root"
npx vsce ls --no-dependencies > "$work/vsix.txt" 2>/dev/null
check "the .vsix holds every runtime bundle" \
  bash -c "for f in dist/client.js dist/server.js dist/recordWorker.js dist/cli.js dist/tifa-cli.js dist/opencc.js dist/common-words.js glossary/builtin.tifa.yaml glossary/record/manifest.json; do grep -qx \"\$f\" '$work/vsix.txt' || { echo \"missing \$f\"; exit 1; }; done"
check "the .vsix holds every image the README shows" \
  bash -c "for f in \$(grep -o '](images/[^)]*)' README.md | sed 's/](//; s/)//' | sort -u); do grep -qx \"\$f\" '$work/vsix.txt' || { echo \"missing \$f\"; exit 1; }; done"
exit "$failed"
