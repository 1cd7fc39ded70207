// Loaded before every test (and by the fuzzer): the core gets OpenCC's data from its host, as the
// bundles get it from dist/opencc.js.
import { provideOpenCC } from '../server/src/core';
import { openccData } from '../server/src/opencc';

provideOpenCC(() => openccData);
