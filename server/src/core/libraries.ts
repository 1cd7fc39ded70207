/**
 * Libraries that only some inputs need, loaded on first use rather than when the bundle starts:
 * a `tifa lint` of a text file with the built-in glossary needs none of them, and loading them
 * all was about 10 ms of a 130 ms start (ajv 4 ms, chardet 3.5, htmlparser2 3, yaml 2; profiled).
 * Loading is not I/O the core could not do: they are bundled.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a lazy load is the point */
import type * as Ajv from 'ajv';
import type * as Htmlparser2 from 'htmlparser2';
import type * as Yaml from 'yaml';

let ajv: typeof Ajv | undefined;
let yaml: typeof Yaml | undefined;
let htmlparser2: typeof Htmlparser2 | undefined;

/** ajv: validating a glossary that is not already known to be valid. */
export const ajvLibrary = (): typeof Ajv => (ajv ??= require('ajv'));
/** yaml: YAML the block reader does not read, positions of problems, edits that keep comments. */
export const yamlLibrary = (): typeof Yaml => (yaml ??= require('yaml'));
/** htmlparser2: XLIFF and TMX. */
export const htmlparser2Library = (): typeof Htmlparser2 => (htmlparser2 ??= require('htmlparser2'));
