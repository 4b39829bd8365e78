import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeLinkUrl,
  escapeMarkdown,
  escapeTerminal,
  fenceFor,
} from '../../src/report/escape.js';

const ZWJ = '\u200D';

describe('escapeMarkdown', () => {
  it.each([
    ['<details>', '&lt;details&gt;'],
    ['</details><img src=x onerror=alert(1)>', '&lt;/details&gt;&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['| a | b |', '\\| a \\| b \\|'],
    ['```', '\\`\\`\\`'],
    ['@octocat', `@${ZWJ}octocat`],
    ['@org/team', `@${ZWJ}org/team`],
    ['see #1', `see #${ZWJ}1`],
    ['owner/repo#42', `owner/repo#${ZWJ}42`],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert\\(1\\)\\)'],
    ['<!--', '&lt;\\!--'],
    ['line one\nline two', 'line one line two'],
    ['cr\r\nlf', 'cr lf'],
    ['**bold** _em_ ~~del~~', '\\*\\*bold\\*\\* \\_em\\_ \\~\\~del\\~\\~'],
    ['back\\slash', 'back\\\\slash'],
    ['$x^2$', '\\$x^2\\$'],
    ['![img](https://evil.example/x.png)', `\\!\\[img\\]\\(https:${ZWJ}//evil.example/x.png\\)`],
    ['a & b', 'a &amp; b'],
    ['&lt;', '&amp;lt;'],
    ['ESC\u001b[31mred', 'ESC\\[31mred'],
    ['bidi\u202Eoverride', 'bidioverride'],
    ['arn:aws:s3:::bucket/key-1.txt', 'arn:aws:s3:::bucket/key-1.txt'],
    ['mail@ example', 'mail@ example'],
    ['#heading-ish', '#heading-ish'],
    ['visit https://evil.example/login', `visit https:${ZWJ}//evil.example/login`],
    ['or www.evil.example', `or www${ZWJ}.evil.example`],
    ['not awww.x', 'not awww.x'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('never returns a line break, whatever kind', () => {
    expect(escapeMarkdown('a\nb\rc\u2028d\u2029e\u0085f')).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
  });
});

describe('escapeHtml', () => {
  it('turns tags and quotes into entities', () => {
    expect(escapeHtml('<script>"x" & y</script>')).toBe('&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;');
  });
});

describe('escapeTerminal', () => {
  it('strips escape sequences and line breaks', () => {
    expect(escapeTerminal('ok\u001b]0;title\u0007\u001b[2Jdone\nnext')).toBe('ok]0;title[2Jdone next');
  });
});

describe('fenceFor', () => {
  it.each([
    ['plain', '```'],
    ['has ``` inside', '````'],
    ['has ````` five', '``````'],
  ])('picks a fence longer than the backtick runs of %j', (content, fence) => {
    expect(fenceFor(content)).toBe(fence);
  });
});

describe('escapeLinkUrl', () => {
  it('keeps an ordinary GitHub blob URL as it is', () => {
    const url = 'https://github.com/o/r/blob/abc/infra/main.tf#L12';
    expect(escapeLinkUrl(url)).toBe(url);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', '//evil.example', 'vbscript:x', ''])(
    'refuses %j',
    (url) => {
      expect(escapeLinkUrl(url)).toBeUndefined();
    },
  );

  it('percent-encodes what could end the link or start HTML', () => {
    const escaped = escapeLinkUrl('https://github.com/o/r/blob/abc/dir with space/a(1)<b>|"q".tf');
    expect(escaped).toBe('https://github.com/o/r/blob/abc/dir%20with%20space/a%281%29%3Cb%3E%7C%22q%22.tf');
  });
});
