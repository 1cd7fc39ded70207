// opencc-js ships its dictionaries as ES modules without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/from/*' {
  const locale: string[][];
  export default locale;
}
declare module 'opencc-js/to/*' {
  const locale: string[][];
  export default locale;
}
declare module 'tifa:prebuilt' {
  import type { Glossary, RegionalTriggers, Speech } from './core';
  const prebuilt: { glossary: Omit<Glossary, 'speeches'> & { speeches: Speech[] }; regional: Record<string, string[]>; commonPhrases: Record<string, boolean>; triggers: RegionalTriggers; pairs: string; tables: { fold: string; flags: string } };
  export default prebuilt;
}
declare module 'tifa:common-words' {
  const words: string;
  export default words;
}
declare module '*.yaml' {
  const text: string;
  export default text;
}
