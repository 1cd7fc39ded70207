/**
 * The analysis core's entry point: a glossary in, findings out. Built once per glossary (the
 * automaton is the expensive part), then used for every document.
 */
import { type Finding, formulationFindings } from './formulations';
import { hoverCard } from './hoverCard';
import { type FormulationMatch, FormulationMatcher } from './matcher';
import type { Glossary } from './model';

export interface Analysis {
  matches: FormulationMatch[];
  findings: Finding[];
}

export class TifaEngine {
  private readonly matcher: FormulationMatcher;

  constructor(readonly glossary: Glossary) {
    this.matcher = new FormulationMatcher(glossary);
  }

  get conceptCount(): number {
    return this.glossary.concepts.length;
  }

  analyze(text: string): Analysis {
    const matches = this.matcher.find(text);
    return { matches, findings: formulationFindings(this.glossary, matches) };
  }

  /** The match covering a UTF-16 offset (a hover position), if any. */
  static matchAt(analysis: Analysis, offset: number): FormulationMatch | undefined {
    const ms = analysis.matches;
    let lo = 0;
    let hi = ms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].end <= offset) lo = mid + 1;
      else if (ms[mid].start > offset) hi = mid - 1;
      else return ms[mid];
    }
    return undefined;
  }

  hover(match: Pick<FormulationMatch, 'concept' | 'contains' | 'rendering'>): string {
    return hoverCard(this.glossary, match);
  }
}
