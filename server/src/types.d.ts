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
declare module '*.yaml' {
  const text: string;
  export default text;
}
