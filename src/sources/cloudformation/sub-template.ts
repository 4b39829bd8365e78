/** One piece of an `Fn::Sub` string: literal text, or a `${Name}` / `${Resource.Attribute}` placeholder. */
export type SubPiece = { readonly text: string } | { readonly variable: string };

/**
 * Splits an `Fn::Sub` string into literal text and placeholders. `${!Literal}` is the documented escape for a
 * literal `${Literal}`; an unclosed `${` stays literal text, as CloudFormation leaves it.
 */
export function splitSubTemplate(template: string): SubPiece[] {
  const pieces: SubPiece[] = [];
  let text = '';
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('${', pos);
    if (open < 0) break;
    const close = template.indexOf('}', open + 2);
    if (close < 0) break;
    text += template.slice(pos, open);
    const inner = template.slice(open + 2, close);
    if (inner.startsWith('!')) {
      text += `\${${inner.slice(1)}}`;
    } else {
      if (text !== '') pieces.push({ text });
      text = '';
      pieces.push({ variable: inner.trim() });
    }
    pos = close + 1;
  }
  text += template.slice(pos);
  if (text !== '') pieces.push({ text });
  return pieces;
}
