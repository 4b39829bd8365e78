/** Lines of Markdown outside fenced code blocks, where GitHub parses structure. */
export function linesOutsideFences(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const opener = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && opener !== undefined) {
      fence = opener;
      continue;
    }
    if (fence !== undefined) {
      if (line.startsWith(fence) && line.slice(fence.length).trim() === '') fence = undefined;
      continue;
    }
    lines.push(line);
  }
  return lines;
}

/** Counts the cell separators of a table line: pipes not escaped by an odd run of backslashes. */
export function countUnescapedPipes(line: string): number {
  let count = 0;
  let backslashes = 0;
  for (const char of line) {
    if (char === '\\') {
      backslashes += 1;
      continue;
    }
    if (char === '|' && backslashes % 2 === 0) count += 1;
    backslashes = 0;
  }
  return count;
}

/** Every table: the header's separator count and each row's, so a test can see a row that grew a column. */
export function tableShapes(markdown: string): { header: number; rows: number[] }[] {
  const lines = linesOutsideFences(markdown);
  const tables: { header: number; rows: number[] }[] = [];
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const header = lines[index] ?? '';
    if (!header.startsWith('|') || !/^\|(---\|)+$/.test(lines[index + 1] ?? '')) continue;
    const rows: number[] = [];
    let row = index + 2;
    while (row < lines.length && (lines[row] ?? '') !== '') {
      rows.push(countUnescapedPipes(lines[row] ?? ''));
      row += 1;
    }
    tables.push({ header: countUnescapedPipes(header), rows });
    index = row;
  }
  return tables;
}

/** HTML tags GitHub would see (outside code blocks), lower-cased: `<details>`, `</summary>`, `<img ...>`. */
export function htmlTags(markdown: string): string[] {
  return linesOutsideFences(markdown).flatMap((line) =>
    Array.from(line.matchAll(/<\/?[A-Za-z][^>]*>|<!--/g), (match) => match[0].toLowerCase()),
  );
}

/** `@name` sequences GitHub would turn into a mention that notifies someone. */
export function mentions(markdown: string): string[] {
  return linesOutsideFences(markdown).flatMap((line) =>
    Array.from(line.matchAll(/(?:^|[^A-Za-z0-9`])@[A-Za-z0-9][A-Za-z0-9-]*/g), (match) => match[0]),
  );
}

/** `#123` sequences GitHub would link to an issue or pull request. */
export function issueReferences(markdown: string): string[] {
  return linesOutsideFences(markdown).flatMap((line) =>
    Array.from(line.matchAll(/(?:^|[^&A-Za-z0-9])#[0-9]+/g), (match) => match[0]),
  );
}

/** Markdown links and images whose destination is not the http(s) URL the renderer built. */
export function unsafeLinks(markdown: string): string[] {
  return linesOutsideFences(markdown).flatMap((line) =>
    Array.from(line.matchAll(/!?\[[^\]]*\]\((?!https:\/\/)[^)]*\)/g), (match) => match[0]),
  );
}

/** Bare URLs GitHub would turn into links by itself (outside code blocks and outside the links the renderer made). */
export function bareUrls(markdown: string): string[] {
  return linesOutsideFences(markdown).flatMap((line) =>
    Array.from(
      line.replace(/\]\(https:\/\/[^)\s]*\)/g, '](link)').matchAll(/https?:\/\/|\bwww\./gi),
      (match) => match[0],
    ),
  );
}
