/**
 * The command tifa.addToGlossary: adds a rendering (and, for a selection, a Chinese form) to the
 * workspace glossary .tifa/glossary.yaml, as text insertions that keep every other byte, through
 * workspace/applyEdit at the open document's version. The result is parsed before it is sent.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type TifaContext, uriToPath } from '../context';
import { addConceptInsertions, addRenderingInsertions, applyInsertions, candidateId, checkConceptAddition, checkGlossaryAddition, describeCandidate, localize, type NewConcept, type TextInsertion } from '../core';
import { showMessage } from '../guard';
import type { AddCandidateArgs, AddToGlossaryArgs } from '../protocol';

export const WORKSPACE_GLOSSARY_DIR = '.tifa';
export const WORKSPACE_GLOSSARY_FILE = 'glossary.yaml';

type Written = (path: string, text: string) => Promise<void>;

/**
 * Writes insertions to the workspace glossary of the document's folder: computed on the text the
 * editor has (unsaved edits included) at its version, so that the edit lands where it was
 * computed or not at all; parsed again before anything is sent.
 */
async function writeToWorkspaceGlossary(ctx: TifaContext, docUri: string, label: string, compute: (existing: string | undefined) => TextInsertion[], check: (existing: string | undefined, after: string) => string | undefined, onGlossaryWritten: Written): Promise<boolean | null> {
  const { connection, documents } = ctx;
  const docPath = uriToPath(docUri);
  const folder = docPath ? ctx.glossaries.folderFor(docPath) ?? ctx.glossaries.folders[0] ?? dirname(docPath) : ctx.glossaries.folders[0];
  if (!folder) {
    showMessage(connection, 'warning', localize(ctx.locale, 'notice.open-folder'));
    return null;
  }
  const path = join(folder, WORKSPACE_GLOSSARY_DIR, WORKSPACE_GLOSSARY_FILE);
  const uri = pathToFileURL(path).href;
  const open = documents.get(uri);
  const existing = open ? open.getText() : ctx.glossaries.currentText(path);
  let insertions: TextInsertion[];
  try {
    insertions = compute(existing);
    const problem = check(existing, applyInsertions(existing ?? '', insertions));
    if (problem) throw new Error(problem);
  } catch (e) {
    showMessage(connection, 'error', localize(ctx.locale, 'notice.cannot-add', { path, reason: (e as Error).message }));
    return null;
  }
  const before = TextDocument.create(uri, 'yaml', 0, existing ?? '');
  const edits: TextEdit[] = insertions.map((ins) => ({ range: { start: before.positionAt(ins.offset), end: before.positionAt(ins.offset) }, newText: ins.text }));
  const edit: WorkspaceEdit = {
    documentChanges: [
      ...(existing === undefined ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }] : []),
      { textDocument: { uri, version: open ? open.version : null }, edits },
    ],
  };
  const result = await connection.workspace.applyEdit({ label, edit });
  if (result.applied) await onGlossaryWritten(path, applyInsertions(existing ?? '', insertions));
  return result.applied;
}

/** The command's handler; onGlossaryWritten reloads the glossaries with the text just written. */
export function addToGlossaryHandler(ctx: TifaContext, onGlossaryWritten: Written): (argv: unknown[]) => Promise<boolean | null> {
  return async (argv: unknown[]) => {
    const args = (argv[0] ?? {}) as Partial<AddToGlossaryArgs>;
    if (!args.uri || !args.text) return null;
    const text = args.text;
    // "Add Selection to Glossary" names no concept: find it by its Chinese form, or make a new one.
    const glossary = ctx.engineFor(args.uri).glossary;
    const known = args.conceptId ?? glossary.concepts.find((c) => (args.zh && c.zh.includes(args.zh)) || c.en.some((r) => r.text.toLowerCase() === text.toLowerCase()))?.id;
    const conceptId = known ?? (text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || `term-${Date.now()}`);
    const zh = !known && args.zh ? [args.zh] : [];
    return writeToWorkspaceGlossary(
      ctx,
      args.uri,
      `Add “${text}” to the workspace glossary`,
      (existing) => addRenderingInsertions(existing, conceptId, text, args.status ?? 'admitted', zh, { authority: args.authority, source: args.source }),
      (existing, after) => checkGlossaryAddition(existing, after, conceptId, text),
      onGlossaryWritten,
    );
  };
}

/** A glossary id (ASCII letters, digits, . _ -) for any text: the text where it is one, else its ASCII part and a hash. */
function glossaryId(prefix: string, text: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text)) return `${prefix}${text}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const ascii = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  return `${prefix}${ascii ? `${ascii}-` : ''}${h.toString(16).padStart(8, '0')}`;
}

/** How many of a candidate's earliest attestations are written with it. */
const ATTESTATIONS_WRITTEN = 3;

/**
 * tifa.addCandidateToGlossary: a candidate from the record becomes a concept of the workspace
 * glossary, with its Chinese form and its earliest attestations (documents as speeches, the
 * sentences as appearances). No English: that is the translator's to give.
 */
export function addCandidateHandler(ctx: TifaContext, onGlossaryWritten: Written): (argv: unknown[]) => Promise<boolean | null> {
  return async (argv: unknown[]) => {
    const args = (argv[0] ?? {}) as Partial<AddCandidateArgs>;
    if (!args.uri || typeof args.zh !== 'string' || !args.zh) return null;
    const zh = args.zh;
    const record = ctx.record.ready(ctx.engineFor(args.uri));
    const attestations = record?.index.attestations(candidateId(zh)) ?? [];
    if (!attestations.length) {
      showMessage(ctx.connection, 'warning', localize(ctx.locale, 'notice.no-attestation', { zh }));
      return null;
    }
    const earliest = [...attestations].filter((a) => a.document.date).sort((a, b) => a.document.date!.localeCompare(b.document.date!) || a.start - b.start);
    const chosen: typeof earliest = [];
    for (const a of earliest.length ? earliest : attestations) if (chosen.length < ATTESTATIONS_WRITTEN && !chosen.some((c) => c.document === a.document)) chosen.push(a);
    const concept: NewConcept = {
      id: glossaryId('zh-', zh),
      zh,
      note: `Added from the record (${record!.candidates.find((c) => c.zh === zh) ? describeCandidate(record!.candidates.find((c) => c.zh === zh)!) : 'a candidate'}); English to be given.`,
      speeches: chosen.map((a) => ({ id: glossaryId('record-', a.document.id), title: a.document.title, date: a.document.date, source: a.document.source })),
      appearances: chosen.map((a) => ({ speech: glossaryId('record-', a.document.id), zh: a.document.text.slice(...a.sentence) })),
    };
    return writeToWorkspaceGlossary(
      ctx,
      args.uri,
      `Add “${zh}” to the workspace glossary`,
      (existing) => addConceptInsertions(existing, concept),
      (existing, after) => checkConceptAddition(existing, after, zh),
      onGlossaryWritten,
    );
  };
}
