// Builds glossary/record/ from a folder holding gov_work_reports/ and cpc_congress_reports/ (the
// texts of aldohemsn/chinese-political-corpora, one .txt per document): each official text
// gzip-compressed, and manifest.json saying what each is, when it was delivered and who says so.
// A developer's tool, run once when the texts change: tests, the demo and the extension read
// what it wrote, in the project.
//
//   node scripts/make-record.mjs --corpus DIR
//
// Dates: a text's own statement of when it was delivered (“——2017年3月5日在第十二届全国人民代表大会
// 第五次会议上”, “（2022年10月16日）”) wins; else, for a government work report, the year its title
// states; else, for a congress report, the day the congress opened as a named source gives it
// (SOURCES below, each read on 2026-11-29). Nothing else is guessed.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const corpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : undefined;
if (!corpus) {
  console.error('make-record: --corpus DIR is needed (a folder with gov_work_reports/ and cpc_congress_reports/)');
  process.exit(2);
}
const out = join(import.meta.dirname, '..', 'glossary', 'record');

const SOURCES = [
  { id: 'chinese-political-corpora', title: 'aldohemsn/chinese-political-corpora (government_work_reports.jsonl, cpc_congress_reports.jsonl), commit 99bc4b01d11c2b884a83ecc8f966d97e17cd450e; texts from zh.wikisource', url: 'https://github.com/aldohemsn/chinese-political-corpora' },
  { id: 'wikipedia-1st-congress', title: 'Wikipedia, “1st National Congress of the Chinese Communist Party” (Begins: 1921-07-23)', url: 'https://en.wikipedia.org/wiki/1st_National_Congress_of_the_Chinese_Communist_Party' },
  { id: 'wikipedia-3rd-congress', title: 'Wikipedia, “3rd National Congress of the Chinese Communist Party” (Begins: 1923-06-12)', url: 'https://en.wikipedia.org/wiki/3rd_National_Congress_of_the_Chinese_Communist_Party' },
  { id: 'wikipedia-9th-congress', title: 'Wikipedia, “9th National Congress of the Chinese Communist Party” (Begins: 1969-04-01)', url: 'https://en.wikipedia.org/wiki/9th_National_Congress_of_the_Chinese_Communist_Party' },
  { id: 'wikipedia-10th-congress', title: 'Wikipedia, “10th National Congress of the Chinese Communist Party” (revision of 5 November 2016: “The congress was opened on 24 August, with … Zhou Enlai delivering the political report”, 1973)', url: 'https://en.wikipedia.org/wiki/10th_National_Congress_of_the_Communist_Party_of_China?oldid=747920774' },
  { id: 'chinadaily-congresses', title: 'China Daily, CPC fast facts, “Congresses” (11th: August 12-18, 1977 … 17th: October 15-21, 2007)', url: 'http://cpcchina.chinadaily.com.cn/fastfacts/congresses.html' },
  { id: 'wikipedia-18th-congress', title: 'Wikipedia, “18th National Congress of the Chinese Communist Party” (Begins: 2012-11-08)', url: 'https://en.wikipedia.org/wiki/18th_National_Congress_of_the_Chinese_Communist_Party' },
];

// The day each congress opened, from the sources above (the report is the one delivered to it).
const CONGRESS_OPENED = {
  1: ['1921-07-23', 'wikipedia-1st-congress'],
  3: ['1923-06-12', 'wikipedia-3rd-congress'],
  9: ['1969-04-01', 'wikipedia-9th-congress'],
  10: ['1973-08-24', 'wikipedia-10th-congress'],
  11: ['1977-08-12', 'chinadaily-congresses'],
  12: ['1982-09-01', 'chinadaily-congresses'],
  13: ['1987-10-25', 'chinadaily-congresses'],
  14: ['1992-10-12', 'chinadaily-congresses'],
  15: ['1997-09-12', 'chinadaily-congresses'],
  16: ['2002-11-08', 'chinadaily-congresses'],
  17: ['2007-10-15', 'chinadaily-congresses'],
  18: ['2012-11-08', 'wikipedia-18th-congress'],
};

const pad = (n) => String(n).padStart(2, '0');

/** The delivery date a text states near its top, with the words that state it. */
function statedDate(text) {
  const head = text.slice(0, 3000);
  const m = /(?:——|（|\()?\s*(\d{4})年(\d{1,2})月(\d{1,2})日(?:在[^\n。]{0,40}?会[議议]上|）|\))/.exec(head);
  return m ? { date: `${m[1]}-${pad(m[2])}-${pad(m[3])}`, quote: m[0].trim() } : undefined;
}

/**
 * The text without Wikisource's licence notice and page furniture at its end ("本作品是中华人民共和国的
 * 法律、法规…", "本作品来自1949年10月1日（含）之后的中国共产党文件…", "Public domain"): they are no part of
 * the document, and discovery would take their phrases, found in every text, for formulations.
 */
function withoutFooter(text) {
  const lines = text.split('\n');
  const from = lines.findIndex((l, i) => i > lines.length / 2 && /^(本作品(是|来自)|Public domain$)/.test(l.trim()));
  return from < 0 ? text : lines.slice(0, from).join('\n').replace(/\s+$/, '') + '\n';
}

const documents = [];
// Only what this script writes is replaced (the folder's README is written by hand).
rmSync(join(out, 'texts'), { recursive: true, force: true });
mkdirSync(join(out, 'texts'), { recursive: true });
for (const [folder, kind] of [['gov_work_reports', 'government-work-report'], ['cpc_congress_reports', 'party-congress-report']]) {
  for (const file of readdirSync(join(corpus, folder)).sort()) {
    if (!file.endsWith('.txt')) continue;
    const text = withoutFooter(readFileSync(join(corpus, folder, file), 'utf8'));
    const [title, address] = text.split(/\r?\n/, 2);
    const id = file.replace(/_zh\.txt$/, '');
    const stated = statedDate(text);
    let date;
    if (stated) date = { value: stated.date, from: 'text', quote: stated.quote };
    else if (kind === 'government-work-report') {
      const y = /^(\d{4})年/.exec(title);
      if (y) date = { value: y[1], from: 'title', quote: title };
    } else {
      const n = Number(/^cpc(\d+)/.exec(id)[1]);
      const known = CONGRESS_OPENED[n];
      if (known) date = { value: known[0], from: 'source', source: known[1], what: 'the day the congress opened' };
    }
    const body = kind === 'government-work-report' ? { zh: '国务院', en: 'State Council' } : { zh: `中国共产党第${id.replace(/^cpc(\d+).*/, '$1')}次全国代表大会` };
    const congress = kind === 'party-congress-report' ? Number(/^cpc(\d+)/.exec(id)[1]) : undefined;
    writeFileSync(join(out, 'texts', `${id}.txt.gz`), gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
    documents.push({ id, file: `texts/${id}.txt.gz`, kind, title: { zh: title.trim() }, ...(congress ? { congress } : {}), body, ...(date ? { date } : {}), address: address.trim(), source: 'chinese-political-corpora', characters: text.length });
  }
}
documents.sort((a, b) => (a.date?.value ?? '9999').localeCompare(b.date?.value ?? '9999') || a.id.localeCompare(b.id));
writeFileSync(join(out, 'manifest.json'), JSON.stringify({ description: 'The built-in record: official texts with their dates and where each fact comes from. Written by scripts/make-record.mjs; see glossary/record/README.md.', sources: SOURCES, documents }, null, 1) + '\n');
console.log(`record: ${documents.length} documents, ${documents.filter((d) => !d.date).length} undated, into ${out}`);
