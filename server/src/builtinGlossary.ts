/** The built-in glossary, embedded in the bundle at build time (esbuild's text loader). */
import text from '../../glossary/builtin.tifa.yaml';

export const BUILTIN_GLOSSARY_TEXT: string = text;
export const BUILTIN_GLOSSARY_LABEL = 'built-in glossary';
