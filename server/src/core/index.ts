/**
 * The analysis core's front door: everything the server, the CLI and the benchmark use. Pure:
 * strings in, findings out, offsets in UTF-16 code units. Nothing outside core/ imports a core
 * file but this one (ESLint's no-restricted-imports keeps it so).
 *
 *   glossary/  the model, merging, profiles, and edits to a glossary's YAML text
 *   formats/   YAML, TBX and CSV: one file per format, one registry to read and write them
 *   text/      normalization, the Aho–Corasick matcher, Markdown and XML reading
 *   checks/    the rule registry, findings, the checks, and fixes checked before they are written
 *   render/    hover cards, completion candidates, summaries, and display-safe text
 *   record/    the record: dated official texts and the attestations of formulations in them
 *   memory/    translation memories: their units, the renderings they use, and where a file departs from them
 */
export { type Analysis, type DocumentKind, documentKind, DRAFT_GLOB, ignoreInsertion, type LintOptions, type SegmentSkip, sniffXml, type TextSlices, TifaEngine } from './engine';

export { type Concept, conceptLabel, type Glossary, preferredRendering, type Rendering, type Speech } from './glossary/model';
export { mergeGlossaries } from './glossary/merge';
export { applyProfile } from './glossary/profile';
export { addConceptInsertions, addRenderingInsertions, applyInsertions, checkConceptAddition, checkGlossaryAddition, type NewConcept, type RenderingOrigin, type TextInsertion } from './glossary/edit';

export { exportGlossary, FORMAT_NAMES, type GlossaryFormat, glossaryFormat, loadGlossaryText } from './formats/registry';
export { type GlossaryLoadResult, type GlossaryProblem, loadGlossaryYaml } from './formats/yaml';

export type { FormulationMatch } from './text/matcher';
export { type OpenCCData, provideOpenCC, type RegionalTriggers, regionalForms, regionalTriggers, seedRegionalForms, seedRegionalTriggers, seedSimplifiedTable, simplifiedPairs } from './text/chineseVariants';
export { type NormalizationTables, normalizationTables, seedNormalizationTables } from './text/normalize';

export type { Finding, FixData, FormulationData } from './checks/findings';
export { findingLevel, type Level, LEVELS, parseLevel, RULE_CODES, RULES, type RuleCode } from './checks/rules';
export { earliestProvenance } from './checks/formulations';
export { candidateFindings, candidateMessage } from './checks/candidates';
export { applyEdits, checkedFix, type FixCheck, isFixData, preferredFixEdits, type TextEdit } from './checks/fixes';

export { completionCandidates } from './render/completion';
export { clip, LIMITS, neutralize, shown } from './render/display';
export { formulationSummary } from './render/summary';
export { lowerBound } from './text/search';
export { LineIndex } from './text/lineIndex';
export { isCommonPhrase, needsContext, provideCommonWords, seedCommonPhrases } from './text/english';
export { type Attestation, type FlatAttestations, type RecordDocument, RecordIndex, type RecordSummary, sentenceAround, sparkline } from './record/attestations';
export { type Candidate, type CandidateSignal, candidateGlossary, candidateId, describeCandidate, discover, isCandidateId } from './record/discovery';
export { timelineSvg, type TimelineSeries } from './render/timelineSvg';
export { analyzeRecord, analyzeRecordSteps, type RecordAnalysis } from './record/build';
export { countByConcept, diffFormulations, type FormulationDiff, inventory, type InventoryEntry, timeline, type TimelinePoint } from './record/inventory';
export { memoryFormat, type MemoryFormat, type MemoryUnit, memoryUnits, parallelUnits, readMemoryText } from './memory/units';
export { buildMemorySteps, type MemoryEntry, type MemoryFile, type ObservedRendering, TranslationMemory } from './memory/observe';
export { majorityOf, memoryFindings } from './memory/check';
export { memorySection } from './render/memorySection';
export { CONFIG_KEYS, CONFIG_PATH, EMPTY_CONFIG, layerSettings, parseProjectConfig, type ProjectConfig } from './config';
export { type Arg, counted, inLocale, type Locale, localeOf, type Localized, localize, type MessageKey, MESSAGES, said, word } from './l10n';
