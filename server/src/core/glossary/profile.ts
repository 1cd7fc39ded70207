/**
 * Rendering profiles: whose renderings count as preferred. With a profile (an authority's name,
 * e.g. "DigiChina" or a team's), a concept's rendering from that authority becomes preferred;
 * the renderings other authorities prefer become admitted and remember it ("preferred by …").
 */
import type { Glossary } from './model';

export function applyProfile(glossary: Glossary, profile: string): Glossary {
  const wanted = profile.trim().toLowerCase();
  if (!wanted) return glossary;
  const concepts = glossary.concepts.map((c) => {
    const ours = c.en.find((r) => r.authority?.toLowerCase() === wanted && (r.status === 'preferred' || r.status === 'admitted'));
    if (!ours) return c;
    const en = c.en.map((r) => {
      if (r === ours) return { ...r, status: 'preferred' as const };
      if (r.status === 'preferred') return { ...r, status: 'admitted' as const, preferredBy: r.authority ?? 'another glossary' };
      return r;
    });
    // The profile's rendering comes first, as the preferred one is shown and offered first.
    en.sort((a, b) => Number(b.status === 'preferred') - Number(a.status === 'preferred'));
    return { ...c, en };
  });
  return { ...glossary, concepts };
}
