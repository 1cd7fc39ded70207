/**
 * Tifa's one message catalogue: every diagnostic message, hover label, code-action title and
 * notice, in English and in Chinese. A finding keeps its English message (what the CLI's JSON,
 * SARIF and the tests read by default) and the key and arguments it was made from, so that the
 * server can show it in the client's language (the LSP `initialize` locale) and the CLI with
 * `--lang zh`. A test checks that every key has both languages with the same placeholders.
 *
 * Arguments are either the same in both languages (a phrase, a number, a file name) or a pair.
 */
import { taiwanText } from './text/chineseVariants';

/** English, Chinese, and Chinese in traditional characters (zh-TW, zh-HK, zh-Hant: the Chinese catalogue through OpenCC). */
export type Locale = 'en' | 'zh' | 'zh-Hant';
export type Arg = string | number | { en: string; zh: string; hant?: string };
export interface Localized {
  key: MessageKey;
  args: Record<string, Arg>;
  /** What follows the message: the CAT segment it lies in. */
  suffix?: Localized;
}

/**
 * The locale Tifa speaks for a client's or an environment's: Chinese for zh, zh-cn, zh_CN.UTF-8…,
 * traditional characters for zh-tw, zh-hk, zh-mo, zh-Hant; English otherwise.
 */
export function localeOf(tag: string | undefined | null): Locale {
  const t = (tag ?? '').trim();
  if (!/^zh(\b|[-_])/i.test(t)) return 'en';
  return /^zh[-_](tw|hk|mo|hant)\b/i.test(t) ? 'zh-Hant' : 'zh';
}

export const MESSAGES = {
  // Findings.
  'verbatim': { en: '{text}', zh: '{text}' },
  'formulation': { en: '{zh} — {en}{provenance}', zh: '{zh} — {en}{provenance}' },
  'deprecated-rendering': { en: '{original} is a {status} rendering of {concept}: use {preferred}{who}.', zh: '{original}是{concept}{status}的译法，宜用{preferred}{who}。' },
  'inconsistent-rendering': { en: '{concept} is rendered {here} here but {majority} {times} elsewhere in this document.', zh: '{concept}此处译作{here}，本文件其他地方{times}译作{majority}。' },
  'related.here': { en: '{phrase} here', zh: '此处为{phrase}' },
  'inconsistent-rendering.source': { en: 'The source has {concept}, rendered here as {original}, the glossary rendering of {other}: use {preferred}{who}.', zh: '原文是{concept}，此处译作{original}，而这是词表中{other}的译法，宜用{preferred}{who}。' },
  'variant-rendering': { en: '{original} is a variant of {rendering}, the glossary rendering of {concept}{who}.', zh: '{original}是{concept}的词表译法{rendering}{who}的变体。' },
  'number-mismatch': { en: 'The source has {concept}, rendered {rendering}{who}, but the translation says {original}: {numbers} where the rendering has {expected}.', zh: '原文是{concept}，译作{rendering}{who}，但译文写作{original}：数字为 {numbers}，译法中为 {expected}。' },
  'missing-rendering': { en: 'The source has {concept}{within} but the translation has none of its renderings: expected {preferred}{who}.', zh: '原文有{concept}{within}，但译文中没有它的任何译法，应为{preferred}{who}。' },
  'missing-rendering.within': { en: ' (in {whole})', zh: '（属于{whole}）' },
  'candidate-formulation': { en: '{zh} is not in the glossary; the record has it {count} in {documents}, first {first}({title}). 候选提法，未收入词表。', zh: '候选提法，未收入词表：{zh}在文献记录中出现 {count}，见于 {documents}，最早{first}（{title}）。' },
  'memory-inconsistent': { en: '{zh} is rendered {here} here, but your translations render it {majority} in {count} of {observed} units. 与译文记忆的多数译法不一致。', zh: '{zh}此处译作{here}，而你的译文记忆在 {observed} 个翻译单元中有 {count} 个译作{majority}，与多数译法不一致。' },
  'segment': { en: ' (segment {mid}{status})', zh: '（句段 {mid}{status}）' },
  'segment.with-status': { en: ': {status}', zh: '：{status}' },
  'segment.status': { en: ' ({status})', zh: '（{status}）' },
  'segment.locked': { en: '{status}, locked', zh: '{status}，已锁定' },
  'word.locked': { en: 'locked', zh: '已锁定' },
  'word.not-confirmed': { en: 'not confirmed', zh: '未确认' },
  'word.confirmed-level': { en: 'confirmed at level {n}', zh: '已确认（第 {n} 级）' },
  'word.approved': { en: 'approved', zh: '已批准' },
  // document-notice.
  'notice.too-large': { en: 'This file is {size} MB, more than the {limit} MB of the setting tifa.maxFileSize, so Tifa does not check it. 文件过大，未检查。', zh: '此文件 {size} MB，超过设置 tifa.maxFileSize 的 {limit} MB，Tifa 不检查它。' },
  'notice.markdown-depth': { en: 'Lists or quotes here nest {depth} levels deep, more than the {max} Tifa parses: the file is read as plain text, so code and links in it are checked too.', zh: '此处列表或引用嵌套 {depth} 层，超过 Tifa 解析的 {max} 层：文件按纯文本读取，其中的代码和链接也会被检查。' },
  'notice.paragraphs': { en: 'The Chinese file has {zh} paragraphs and this one has {en}: paragraphs are not paired, so renderings are not checked against the source.', zh: '中文文件有 {zh} 段，此文件有 {en} 段：段落无法配对，因此不对照原文检查译法。' },
  'notice.xml-depth': { en: 'The XML nests elements more than {max} deep (at offset {offset}); Tifa reads no deeper and ignores the rest of the file.', zh: 'XML 元素嵌套超过 {max} 层（位于偏移 {offset}）；Tifa 不再深入读取，忽略文件其余部分。' },
  'notice.too-many': { en: 'Tifa shows {shown} of the {total} findings in this file (errors and warnings first); {hidden} more are not shown. Run `tifa lint <file>` to list them all. 问题过多，仅显示部分。', zh: '问题过多：Tifa 显示此文件 {total} 个问题中的 {shown} 个（错误和警告优先），另有 {hidden} 个未显示。运行 `tifa lint <文件>` 可全部列出。' },
  'notice.doctype': { en: 'The DOCTYPE is ignored: entities declared in it are not expanded.', zh: 'DOCTYPE 被忽略：其中声明的实体不会展开。' },
  // Words used in messages.
  'word.deprecated': { en: 'deprecated', zh: '不推荐' },
  'word.superseded': { en: 'superseded', zh: '已废止' },
  'word.once': { en: 'once', zh: '一次' },
  'word.time': { en: '{n} time', zh: '{n} 次' },
  'word.times': { en: '{n} times', zh: '{n} 次' },
  'word.document': { en: '{n} document', zh: '{n} 份文件' },
  'word.documents': { en: '{n} documents', zh: '{n} 份文件' },
  'word.one-document': { en: 'one document', zh: '一份文件' },
  'word.in-year': { en: 'in {year} ', zh: '于 {year} 年' },
  // Hover.
  'hover.candidate': { en: '**{zh}**: a candidate formulation, not in the glossary 候选提法（未收入词表）. {found}Add it with the quick fix; its English is yours to give.', zh: '**{zh}**：候选提法，未收入词表。{found}可用快速修复将其加入词表，英文译法由你提供。' },
  'hover.candidate.found': { en: 'Found in the record as {why}. ', zh: '在文献记录中：{why}。' },
  'hover.preferred': { en: 'Preferred 首选', zh: '首选' },
  'hover.admitted': { en: 'Admitted 可用', zh: '可用' },
  'hover.deprecated': { en: 'Deprecated 不推荐', zh: '不推荐' },
  'hover.superseded': { en: ' (superseded 已废止)', zh: '（已废止）' },
  'hover.uses': { en: 'This text uses **{rendering}** ({status}).', zh: '此处用的是 **{rendering}**（{status}）。' },
  'hover.provenance': { en: '**Provenance 出处**', zh: '**出处**' },
  'hover.as-here': { en: ' ← *as here 与此处同*', zh: ' ← *与此处同*' },
  'hover.note': { en: 'Note 说明', zh: '说明' },
  'hover.contains': { en: 'Contains 包含', zh: '包含' },
  'hover.source': { en: 'source 来源', zh: '来源' },
  'hover.preferred-by': { en: 'preferred by {who}', zh: '{who}首选' },
  'hover.from-file': { en: 'from {file}', zh: '见 {file}' },
  'hover.record': { en: '**In the record 文献** · {count} in {documents}', zh: '**文献记录** · {documents}中出现 {count}' },
  'hover.first': { en: 'First 最早', zh: '最早' },
  'hover.latest': { en: 'Latest 最近', zh: '最近' },
  'hover.undated': { en: 'undated 无日期', zh: '无日期' },
  'hover.memory': { en: '**In your translations 译文** · {units}{seen}', zh: '**译文记忆** · {units}{seen}' },
  'hover.memory.units': { en: '{n} units', zh: '{n} 个翻译单元' },
  'hover.memory.one-unit': { en: 'one unit', zh: '一个翻译单元' },
  'hover.memory.seen': { en: ', a rendering seen in {n}', zh: '，其中 {n} 个有译法' },
  'hover.memory.glossary': { en: 'glossary, {status}', zh: '词表，{status}' },
  'hover.memory.observed': { en: 'observed, not in the glossary; confidence {confidence}', zh: '观察所得，不在词表中；置信度 {confidence}' },
  'hover.memory.more': { en: 'and {n} more', zh: '另有 {n} 个' },
  'status.preferred': { en: 'preferred', zh: '首选' },
  'status.admitted': { en: 'admitted', zh: '可用' },
  'status.deprecated': { en: 'deprecated', zh: '不推荐' },
  'status.superseded': { en: 'superseded', zh: '已废止' },
  // Notices.
  'notice.pattern-absolute': { en: '{setting}: "{pattern}" is an absolute path: {kind} are relative to the workspace folder; {tail}', zh: '{setting}：“{pattern}”是绝对路径，而{kind}须相对于工作区文件夹；{tail}' },
  'notice.pattern-outside': { en: '{setting}: "{pattern}" leads outside the workspace folder; {tail}', zh: '{setting}：“{pattern}”指向工作区文件夹之外；{tail}' },
  'word.glossary-patterns': { en: 'glossary patterns', zh: '词表路径' },
  'word.memory-patterns': { en: 'memory patterns', zh: '译文记忆路径' },
  'word.corpus-paths': { en: 'corpus paths', zh: '语料路径' },
  'word.ignored': { en: 'it is ignored.', zh: '已忽略。' },
  'word.not-read': { en: 'not read', zh: '未读取。' },
  'notice.open-folder': { en: 'Tifa: open a folder to keep a workspace glossary. 请先打开一个文件夹。', zh: 'Tifa：请先打开一个文件夹，才能保存工作区词表。' },
  'notice.cannot-add': { en: 'Tifa: cannot add to {path}: {reason}', zh: 'Tifa：无法写入 {path}：{reason}' },
  'notice.no-attestation': { en: 'Tifa: the record has no attestation of {zh} (yet); nothing added.', zh: 'Tifa：文献记录中（尚）无{zh}的出处，未添加。' },
  // Code actions.
  'action.replace': { en: 'Replace with {rendering} ({status}{who}){tail}', zh: '替换为{rendering}（{status}{who}）{tail}' },
  'action.replace-memory': { en: 'Replace with {rendering}, the rendering most of your translations use 替换为译文记忆的多数译法', zh: '替换为{rendering}（译文记忆的多数译法）' },
  'action.add-candidate': { en: 'Add {zh} to the workspace glossary, with its first attestations 将此提法加入工作区词表', zh: '将{zh}加入工作区词表（附最早的出处）' },
  'action.add-to-glossary': { en: 'Add to glossary', zh: '加入词表' },
  'action.add-rendering': { en: 'Add {phrase} to the workspace glossary as admitted 将此译法加入工作区词表', zh: '将{phrase}作为可用译法加入工作区词表' },
  'action.ignore': { en: 'Ignore this occurrence 忽略此处', zh: '忽略此处' },
  'action.fix-all': { en: 'Fix all glossary renderings in this file 修正本文件所有译法', zh: '修正本文件所有译法' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type MessageKey = keyof typeof MESSAGES;

const traditional = new Map<string, string>();
/** Catalogue text in traditional characters, converted once. Only Tifa's own words: arguments (a formulation, a quotation) are shown as written. */
const hant = (s: string) => {
  let t = traditional.get(s);
  if (t === undefined) traditional.set(s, (t = taiwanText(s)));
  return t;
};

/** The message for key in locale, its {placeholders} filled; an argument pair gives the locale's side. */
export function localize(locale: Locale, key: MessageKey, args: Record<string, Arg> = {}): string {
  const side = locale === 'en' ? 'en' : 'zh';
  const template = locale === 'zh-Hant' ? hant(MESSAGES[key].zh) : MESSAGES[key][side];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const a = args[name];
    if (a === undefined) return whole;
    // A pair made by word() has its traditional side; one made by hand holds data (a name) and is shown as written.
    return typeof a === 'object' ? (locale === 'zh-Hant' ? (a.hant ?? a.zh) : a[side]) : String(a);
  });
}

/** Both languages of a catalogue word, as an argument (its traditional side computed only when asked for). */
export function word(key: MessageKey, args: Record<string, Arg> = {}): { en: string; zh: string; hant?: string } {
  const pair = { en: localize('en', key, args), zh: localize('zh', key, args) };
  Object.defineProperty(pair, 'hant', { get: () => localize('zh-Hant', key, args), enumerable: false });
  return pair;
}

/** "1 time", "3 times" (一次, 3 次): a count with its noun, in both languages. */
export function counted(n: number, one: 'word.time' | 'word.document'): { en: string; zh: string } {
  const key = n === 1 ? one : one === 'word.time' ? 'word.times' : 'word.documents';
  return word(key, { n });
}

/** A finding's (or related item's) message and what makes it in another language. */
export function said(key: MessageKey, args: Record<string, Arg> = {}): { message: string; l10n: Localized } {
  return { message: localize('en', key, args), l10n: { key, args } };
}

/** The message of something said, in locale: its catalogue text if it has one, else its English. */
export function inLocale(locale: Locale, item: { message: string; l10n?: Localized }): string {
  if (locale === 'en' || !item.l10n) return item.message;
  const { key, args, suffix } = item.l10n;
  // (a suffix is localized the same way, arguments as written)
  return localize(locale, key, args) + (suffix ? localize(locale, suffix.key, suffix.args) : '');
}
