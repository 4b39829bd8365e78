/**
 * Every string in a Report comes from pull-request content and is hostile until escaped. These functions turn it
 * into text that cannot change the structure around it: no HTML tags, no links, no table columns, no line breaks,
 * no mentions or issue references that notify people, no terminal control sequences.
 */

/** Joins characters without showing anything; it breaks `@name` and `#123` so GitHub neither notifies nor links. */
const ZERO_WIDTH_JOINER = '\u200D';

/**
 * C0 and C1 controls (ESC starts terminal sequences), line and paragraph separators, and the bidirectional
 * overrides that can make text read differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose of this pattern
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** ASCII punctuation that Markdown (with GitHub's extensions: tables, strikethrough, math) gives a meaning. */
const MARKDOWN_PUNCTUATION = new Set(['\\', '`', '*', '_', '~', '[', ']', '(', ')', '|', '!', '$']);

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** Makes text one line: line breaks and tabs become spaces, other control characters disappear. */
export function flattenText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROL_CHARACTERS, '');
}

/**
 * Escapes untrusted text for GitHub Markdown, inline or inside a table cell: one line, HTML special characters as
 * entities, Markdown punctuation backslash-escaped, mentions, issue references and bare URLs broken so that GitHub
 * neither notifies nor links.
 */
export function escapeMarkdown(text: string): string {
  const flat = flattenText(text);
  let escaped = '';
  for (let index = 0; index < flat.length; index += 1) {
    const char = flat.charAt(index);
    const next = flat.charAt(index + 1);
    const entity = HTML_ENTITIES[char];
    if (entity !== undefined) escaped += entity;
    else if (MARKDOWN_PUNCTUATION.has(char)) escaped += `\\${char}`;
    else if (char === '@' && /[A-Za-z0-9_-]/.test(next)) escaped += `@${ZERO_WIDTH_JOINER}`;
    else if (char === '#' && /[0-9]/.test(next)) escaped += `#${ZERO_WIDTH_JOINER}`;
    else if (char === ':' && flat.startsWith('//', index + 1)) escaped += `:${ZERO_WIDTH_JOINER}`;
    else if (char === '.' && /(^|[^A-Za-z0-9])www$/i.test(flat.slice(Math.max(0, index - 4), index)))
      escaped += `${ZERO_WIDTH_JOINER}.`;
    else escaped += char;
  }
  return escaped;
}

/** Escapes text for an HTML context (an attribute or element body) where Markdown is not parsed. */
export function escapeHtml(text: string): string {
  return flattenText(text).replace(/[&<>"]/g, (char) => HTML_ENTITIES[char] ?? char);
}

/** Makes untrusted text safe to print on a terminal: one line, no escape sequences, no bidirectional overrides. */
export function escapeTerminal(text: string): string {
  return flattenText(text);
}

/**
 * Chooses a code fence longer than any run of backticks in the content, so the content cannot close it early.
 */
export function fenceFor(content: string): string {
  const longestRun = Math.max(0, ...Array.from(content.matchAll(/`+/g), (match) => match[0].length));
  return '`'.repeat(Math.max(3, longestRun + 1));
}

/** Characters a link destination may hold as they are; anything else is percent-encoded. */
const URL_SAFE = /[A-Za-z0-9\-._~:/?#@!$&*+,;=%]/;

/**
 * Accepts only http(s) URLs and percent-encodes every character that could end a Markdown link destination or
 * start HTML (parentheses, brackets, angle brackets, quotes, spaces, pipes). Returns undefined for anything else.
 */
export function escapeLinkUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^/\s]/i.test(url)) return undefined;
  let encoded = '';
  for (const char of url) {
    encoded += URL_SAFE.test(char)
      ? char
      : Array.from(
          new TextEncoder().encode(char),
          (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        ).join('');
  }
  return encoded;
}
