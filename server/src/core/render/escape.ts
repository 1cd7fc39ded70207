/**
 * Makes glossary text inert in Markdown. Glossaries come from other people: a note must never
 * become a link, an image, a command URI, raw HTML, emphasis that swallows the card, or a block.
 *
 * Escaped with a backslash (CommonMark allows it before any ASCII punctuation): the characters
 * that open inline syntax (\ ` * _ [ ] < > ! | ~ & #), "@" (e-mail autolinks), and the "://" and
 * "www." that GFM needs for bare-URL autolinks. Other punctuation is left alone so that clients
 * showing Markdown as plain text (Neovim, Emacs) stay readable. White space is folded to single
 * spaces, so glossary text can never start a line, and so never a list, heading or code block.
 */
/** Glossary text longer than this is cut in hovers and messages (a hostile note can be megabytes). */
export const MAX_SHOWN = 2000;

export function escapeMarkdown(text: string): string {
  // Cut before a surrogate pair rather than through it.
  const cut = MAX_SHOWN - (/[\ud800-\udbff]/.test(text.charAt(MAX_SHOWN - 1)) ? 1 : 0);
  const shown = text.length > MAX_SHOWN ? text.slice(0, cut) + '…' : text;
  return shown
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>!|~&#@$]/g, (c) => '\\' + c)
    .replace(/:\/\//g, '\\:\\/\\/')
    .replace(/\b(www)\./gi, '$1\\.');
}
