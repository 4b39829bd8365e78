/**
 * Compiles an ignore entry's resource glob: `*` matches within one segment (segments are separated by `.` or
 * `/`, as in Terraform addresses and `Stack/LogicalId`), `**` matches across segments, `?` one character.
 */
export function compileResourceGlob(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (char === '*' && glob[index + 1] === '*') {
      pattern += '.*';
      index += 1;
    } else if (char === '*') {
      pattern += '[^./]*';
    } else if (char === '?') {
      pattern += '[^./]';
    } else {
      pattern += char.replace(/[\\^$+.()|[\]{}]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`);
}
