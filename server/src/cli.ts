/**
 * The `tifa` command: lints files in CI with the same engine as the editor.
 *
 *   tifa lint <files or globs...> [--format text|json] [--glossary FILE...]
 *
 * Exit codes: 1 when a warning or error was reported, 0 otherwise, 2 on bad usage or an
 * unreadable or invalid glossary (with the reason on stderr).
 */
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { levelOf as settingLevel } from './settings';
import { loadProject, projectEngine } from './cliProject';
import { type ElsewhereLocation, toDiagnostics } from './lspDiagnostics';
import { checkedFix, documentKind, DRAFT_GLOB, exportGlossary, type Finding, findingLevel, type GlossaryFormat, inLocale, type Level, LIMITS, type Locale, localeOf, type SegmentSkip, memoryFindings, preferredFixEdits, shown, type TifaEngine } from './core';
import { DEFAULT_MAX_FILE_BYTES, globPattern, readTextFile } from './files';
import { readParallelSource } from './parallel';
import { RECORD_USAGE, recordMain, RecordUsageError } from './cliRecord';
import { buildMemory, candidateEngine, lineFinder, MEMORY_USAGE, memoryMain, MemoryUsageError, readMemories } from './cliMemory';
import { documentMemoryUnits } from './memoryFiles';
import { toGithub, toSarif } from './cliFormats';

/** Files larger than this are not checked (the editor's tifa.maxFileSize default). */
const MAX_FILE_BYTES = DEFAULT_MAX_FILE_BYTES;

declare const VERSION: string;

const USAGE = `Usage: tifa lint <files or globs...> [--format text|json|sarif|github] [--glossary FILE...] [--memory FILE...] [--fix] [--no-config] [--lang en|zh]
       tifa export --format tbx|csv|yaml [--out FILE] [--glossary FILE...] [--no-builtin]
${RECORD_USAGE}
${MEMORY_USAGE}

Flags canonical formulations (提法) in Chinese and English drafts (Markdown, plain text, XLIFF
and the CAT tools' .sdlxliff, .mqxliff, .mxliff, .txlf, TMX), checks their English renderings
against the glossary, and reports what it finds.

  --format FORMAT      text: path:line:col severity code message (default)
                       json: [{ "path", "diagnostics": [LSP diagnostics] }]
                       sarif: SARIF 2.1.0 (GitHub code scanning and other CI viewers)
                       github: GitHub Actions annotations (::warning file=…,line=…::message)
  --glossary FILE      also use this glossary (YAML, TBX or CSV); may be repeated
  --fix                replace deprecated and inconsistent renderings with the glossary's
                       preferred ones, in place, then report what remains
  --memory FILE        (lint) a translation memory (XLIFF, TMX, CSV/TSV, name.en.md beside
                       name.zh.md): renderings that depart from its clear majority are
                       reported (memory-inconsistent); may be repeated
  --no-builtin         do not use the built-in glossary
  --lang en|zh         the messages' language (default: the environment's, LC_ALL,
                       LC_MESSAGES or LANG; zh_CN.UTF-8 gives Chinese)
  --no-config          leave out the project (.tifa/config.yaml and the project's glossaries)
  --out FILE           (export) write to FILE instead of standard output
  -h, --help           show this help
  -v, --version        show the version

The project is the nearest folder, from here up, with a .tifa folder: its .tifa/config.yaml
(rule levels, glossary.*, maxFileSize, segments.skip, ignore; corpus.paths for record) and its
glossaries apply as they do in the editor; --glossary adds to them. node_modules and .git are
never walked.

Glossaries may be YAML (.yaml), TBX (.tbx) or CSV/TSV (.csv, .tsv). \`export\` writes the
glossaries in force (the built-in one and those given) as one file, e.g. for a CAT tool.

\`record\` lists the glossary's formulations in the record (the built-in government work and
congress reports, and --corpus folders of .txt/.md, dated by manifest.json, front matter or a
YYYY-MM-DD file name), with their first and latest attestation; \`timeline\` counts formulations
(any Chinese phrase) document by document; \`diff\` lists formulations added, dropped and changed
in count between two texts.

\`memory\` lists, for each formulation (the glossary's, and the record's candidates unless
--no-builtin-record), the English renderings translation memories use, with counts and units:
glossary renderings counted exactly, others mined from the units and marked observed.

Exit status: 0 no warnings or errors, 1 warnings or errors found, 2 bad usage or glossary.`;

class UsageError extends Error {}

interface Options {
  command: 'lint' | 'export';
  out?: string;
  files: string[];
  format: 'text' | 'json' | 'sarif' | 'github' | 'tbx' | 'csv' | 'yaml';
  glossaries: string[];
  builtin: boolean;
  fix: boolean;
  memories: string[];
  config: boolean;
  /** The messages' language: --lang, else the environment's (LC_ALL, LC_MESSAGES, LANG). */
  lang: Locale;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' | 'record' | 'memory' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('-v') || argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command === 'record' || command === 'timeline' || command === 'diff') return 'record';
  if (command === 'memory') return 'memory';
  if (command !== 'lint' && command !== 'export') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const formats = command === 'lint' ? ['text', 'json', 'sarif', 'github'] : ['tbx', 'csv', 'yaml'];
  const options: Options = { command, files: [], format: command === 'lint' ? 'text' : 'yaml', glossaries: [], builtin: true, fix: false, memories: [], config: true, lang: localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG) };
  let formatGiven = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const f = arg === '--format' ? value() : arg.slice('--format='.length);
      if (!formats.includes(f)) throw new UsageError(`--format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}, not "${f}"`);
      options.format = f as Options['format'];
      formatGiven = true;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      if (command !== 'export') throw new UsageError('--out goes with export');
      options.out = arg === '--out' ? value() : arg.slice('--out='.length);
    } else if (arg === '--glossary') options.glossaries.push(value());
    else if (arg.startsWith('--glossary=')) options.glossaries.push(arg.slice('--glossary='.length));
    else if (arg === '--no-builtin') options.builtin = false;
    else if (arg === '--no-config') options.config = false;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const l = arg === '--lang' ? value() : arg.slice('--lang='.length);
      if (!/^(en|zh)([-_].*)?$/i.test(l)) throw new UsageError(`--lang must be en or zh, not "${l}"`);
      options.lang = localeOf(l);
    }
    else if (arg === '--fix') options.fix = true;
    else if (arg === '--memory' && command === 'lint') options.memories.push(value());
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else options.files.push(arg);
  }
  if (command === 'export') {
    if (!formatGiven) throw new UsageError('export needs --format tbx, csv or yaml');
    if (options.files.length) throw new UsageError(`export takes no files ("${options.files[0]}"); give glossaries with --glossary`);
    return options;
  }
  if (options.files.length === 0) throw new UsageError('no files given');
  return options;
}

/** Folders a walk or a glob never enters: installed packages and version control are no one's drafts. */
const NEVER_WALKED = ['**/node_modules/**', '**/.git/**'];

async function expand(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = undefined;
    }
    // Folders are walked without following links into other folders (a link loop or a link to
    // "/" would otherwise list files again and again); what is found is checked file by file.
    if (stat?.isDirectory()) {
      for (const f of (await glob([DRAFT_GLOB], { cwd: arg, absolute: false, followSymbolicLinks: false, ignore: NEVER_WALKED })).sort()) out.push(`${arg.replace(/\/$/, '')}/${f}`);
    }
    else if (stat) out.push(arg);
    else {
      const found = (await glob([globPattern(arg)], { absolute: false, followSymbolicLinks: false, ignore: NEVER_WALKED })).sort();
      if (found.length === 0) throw new UsageError(`no file matches "${arg}"`);
      for (const f of found) out.push(f);
    }
  }
  return [...new Set(out)];
}


export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let options: Options | 'help' | 'version' | 'record' | 'memory';
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`tifa: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') return out(USAGE), 0;
  if (options === 'record' || options === 'memory') {
    try {
      return await (options === 'record' ? recordMain : memoryMain)(argv, out, err);
    } catch (e) {
      if (!(e instanceof RecordUsageError) && !(e instanceof MemoryUsageError)) throw e;
      err(`tifa: ${e.message}\n\n${USAGE}`);
      return 2;
    }
  }
  if (options === 'version') return out(VERSION), 0;

  const opened = await loadProject(options, err);
  if ('error' in opened) {
    err(`tifa: ${opened.error}`);
    return 2;
  }
  const { project, loaded } = opened;
  const engine = projectEngine(project, loaded);
  const levelOf = (code: string): Level => settingLevel(project.settings, code);
  const maxBytes = project.settings.maxFileSize || Number.MAX_SAFE_INTEGER;
  if (options.command === 'export') {
    const g = engine.glossary;
    const { text, warning } = exportGlossary(g, options.format as GlossaryFormat);
    if (warning) err(`tifa: ${warning}`);
    if (options.out) {
      try {
        writeFileSync(options.out, text);
      } catch (e) {
        err(`tifa: cannot write ${options.out}: ${(e as Error).message}`);
        return 2;
      }
      err(`tifa: wrote ${g.concepts.length} concepts to ${options.out}`);
    } else out(text.replace(/\n$/, ''));
    return 0;
  }

  let files: string[];
  try {
    // The project's ignore globs leave files out as if they had not been named.
    files = (await expand(options.files)).filter((f) => !project.config?.ignored(resolve(f)));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`tifa: ${e.message}`);
    return 2;
  }

  // --memory: the memories' observations, against which bilingual files are checked.
  let memory: { check: (path: string, text: string) => Finding[]; elsewhere: ElsewhereLocation } | undefined;
  if (options.memories.length) {
    const memories = readMemories(options.memories, err);
    if (memories.length === 0) return 2;
    const candidates = await candidateEngine(engine);
    const built = buildMemory(memories, engine, candidates);
    const lineOf = lineFinder(memories);
    memory = {
      check: (path, text) => {
        const kind = documentKind(undefined, path, text);
        const units = documentMemoryUnits(text, kind, readParallelSource(resolve(path), MAX_FILE_BYTES));
        return units.length ? memoryFindings(text, units, built, engine, candidates) : [];
      },
      elsewhere: (file, start) => {
        const line = lineOf(file, start) - 1;
        return { uri: pathToFileURL(resolve(file)).href, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
      },
    };
  }

  let worst = 0;
  const report: Array<{ path: string; diagnostics: Diagnostic[] }> = [];
  let unreadable = 0;
  let fixed = 0;
  const seenReal = new Set<string>();
  for (const path of files) {
    // Each file on its own: one that cannot be read or written is reported and the run goes on.
    const read = readTextFile(path, { maxBytes });
    if (!read.ok) {
      if (read.failure === 'binary' || read.failure === 'not-a-file') {
        err(`tifa: skipped ${path}: ${read.reason}`);
      } else {
        // Never reported as clean: a file Tifa could not read makes the run fail.
        err(`tifa: cannot read ${path}: ${read.reason}`);
        unreadable++;
      }
      continue;
    }
    if (seenReal.has(read.realPath)) continue; // the same file through another link
    seenReal.add(read.realPath);
    let text = read.text;
    if (options.fix) {
      const result = fixFile(engine, path, text, read.encoding, project.settings.skipSegments);
      if ('error' in result) {
        err(`tifa: cannot fix ${path}: ${result.error}`);
        unreadable++;
      } else if (result.count > 0) {
        fixed += result.count;
        text = result.text;
      }
    }
    const document = TextDocument.create(pathToFileURL(resolve(path)).href, 'plaintext', 1, text);
    let findings = lintFile(engine, path, text, project.settings.skipSegments).findings;
    if (memory) findings = [...findings, ...memory.check(path, text)].sort((a, b) => a.start - b.start || a.end - b.end);
    if (options.format !== 'text') {
      const diagnostics = toDiagnostics(document, findings, levelOf, false, memory?.elsewhere, options.lang);
      if (diagnostics.some((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)) worst = 1;
      report.push({ path, diagnostics: diagnostics.map(({ data: _data, ...d }) => d) });
      continue;
    }
    // Text: lines straight from the findings (what toDiagnostics would give, without building
    // tens of thousands of objects to print them). One write per file: a write per line cost a
    // tenth of a run with tens of thousands of findings.
    const lines: string[] = [];
    for (const f of findings) {
      const level = findingLevel(f, levelOf(f.code));
      if (level === 'off') continue;
      if (level === 'error' || level === 'warning') worst = 1;
      const { line, character } = document.positionAt(f.start);
      lines.push(`${path}:${line + 1}:${character + 1} ${level} ${f.code} ${shown(inLocale(options.lang, f), LIMITS.message)}`);
    }
    if (lines.length) out(lines.join('\n'));
  }
  if (options.fix) err(`tifa: fixed ${fixed} rendering${fixed === 1 ? '' : 's'}`);
  if (options.format === 'json') out(JSON.stringify(report, null, 2));
  else if (options.format === 'sarif') out(JSON.stringify(toSarif(report, VERSION), null, 2));
  else if (options.format === 'github') {
    const lines = toGithub(report);
    if (lines.length) out(lines.join('\n'));
  }
  return unreadable > 0 ? 2 : worst;
}

function lintFile(engine: TifaEngine, path: string, text: string, skipSegments: readonly SegmentSkip[] = []) {
  const parallel = readParallelSource(resolve(path), MAX_FILE_BYTES);
  return engine.lint(text, { kind: documentKind(undefined, path, text), parallelSource: parallel, skipSegments });
}

/** Every preferred fix, checked (see core/fixes), as the text it gives. */
export function applyFixes(engine: TifaEngine, path: string, text: string, skipSegments: readonly SegmentSkip[] = []): { text: string; count: number } | { error: string } {
  const edits = preferredFixEdits(lintFile(engine, path, text, skipSegments).findings);
  if (edits.length === 0) return { text, count: 0 };
  const check = checkedFix(documentKind(undefined, path, text), text, edits);
  return check.ok ? { text: check.text, count: edits.length } : { error: `the fixed file would not be right (${check.reason}); nothing was written` };
}

/** Applies the fixes to one file on disk; never writes a file that is read-only or not UTF-8. */
function fixFile(engine: TifaEngine, path: string, text: string, encoding: string, skipSegments: readonly SegmentSkip[] = []): { text: string; count: number } | { error: string } {
  const result = applyFixes(engine, path, text, skipSegments);
  if ('error' in result || result.count === 0) return result;
  if (encoding !== 'utf-8') return { error: `it is ${encoding.toUpperCase()}, and Tifa writes only UTF-8; nothing was written` };
  try {
    // A file without write permission is a deliverable someone locked: respected even as root.
    if ((statSync(path).mode & 0o222) === 0) return { error: 'it is read-only; nothing was written' };
    writeFileSync(path, result.text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'it cannot be written (permission denied)' : (e as Error).message };
  }
  return result;
}

if (require.main === module) {
  // `tifa lint … | head`: the reader has gone, and there is no one left to tell. Stop quietly
  // instead of dying of an unhandled EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (code) => { process.exitCode = code; },
    (e) => {
      process.stderr.write(`tifa: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
