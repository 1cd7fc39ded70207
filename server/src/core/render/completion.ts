/**
 * Completion of formulations: the end of the text before the cursor is matched against the
 * start of every Chinese form and English rendering, so that typing 网络 offers 网络强国 and
 * 网络空间命运共同体, and typing "cyber su" offers "cyber superpower".
 */
import { earliestProvenance } from '../checks/formulations';
import { type Concept, type Glossary, preferredRendering } from '../glossary/model';

export interface CompletionCandidate {
  /** The whole form or rendering to insert. */
  text: string;
  /** How many UTF-16 units before the cursor it replaces. */
  replace: number;
  concept: Concept;
  language: 'zh' | 'en';
  detail: string;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const MAX_ITEMS = 50;

export function completionCandidates(glossary: Glossary, before: string): CompletionCandidate[] {
  const out: CompletionCandidate[] = [];
  const seen = new Set<string>();
  const detail = (c: Concept, language: 'zh' | 'en') => {
    const preferred = preferredRendering(c)?.text;
    const provenance = earliestProvenance(glossary, c);
    const head = language === 'zh' ? preferred : c.zh[0];
    return [head, provenance].filter(Boolean).join(' — ');
  };
  const add = (text: string, replace: number, concept: Concept, language: 'zh' | 'en') => {
    if (out.length >= MAX_ITEMS || seen.has(text)) return;
    seen.add(text);
    out.push({ text, replace, concept, language, detail: detail(concept, language) });
  };

  // Chinese: the run of Chinese characters before the cursor; longer typed prefixes rank first.
  let run = 0;
  while (run < before.length && run < 24 && HAN.test(before[before.length - 1 - run])) run++;
  for (let k = run; k >= 1; k--) {
    const typed = before.slice(before.length - k);
    const found: Array<[string, Concept]> = [];
    for (const c of glossary.concepts) for (const form of c.zh) if (form.startsWith(typed) && form !== typed) found.push([form, c]);
    // Shorter forms first: the likelier completion of what was typed.
    found.sort((a, b) => a[0].length - b[0].length);
    for (const [form, c] of found) add(form, k, c, 'zh');
  }

  // English: the last words before the cursor (letters, spaces, hyphens), at word starts.
  const m = /[A-Za-z][A-Za-z -]*$/.exec(before.slice(-80));
  if (m) {
    const tail = m[0];
    for (let i = 0; i < tail.length; i++) {
      if (i > 0 && /[A-Za-z]/.test(tail[i - 1])) continue; // only from the start of a word
      const typed = tail.slice(i);
      if (typed.trim().length < 2) continue;
      const lower = typed.toLowerCase();
      for (const c of glossary.concepts) {
        for (const r of c.en) {
          if (r.status !== 'preferred' && r.status !== 'admitted') continue;
          if (r.text.toLowerCase().startsWith(lower) && r.text.length > typed.length) add(r.text, typed.length, c, 'en');
        }
      }
    }
  }
  return out;
}
