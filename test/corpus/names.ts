/**
 * File names a person (or an attacker) controls, as data. Wherever a name is shown (the Slack reply,
 * the Discord embed, the CLI table) it must be shown safely: markup escaped, bidi and control
 * characters gone, long names cut without splitting a character. It is never used as a path.
 */
export interface NameCase {
  readonly name: string;
  readonly raw: string;
  /** Text that must still be visible on every surface: the test cannot pass by showing nothing. */
  readonly visible: string;
}

export const NAME_CASES: readonly NameCase[] = [
  { name: 'path traversal', raw: '../../etc/passwd', visible: 'etc/passwd' },
  {
    name: 'Windows path traversal',
    raw: '..\\..\\Windows\\System32\\config\\SAM',
    visible: 'config',
  },
  { name: 'an absolute path', raw: '/etc/shadow', visible: 'etc/shadow' },
  { name: 'right-to-left override', raw: 'invoice_\u202Egnp.exe', visible: 'gnp.exe' },
  {
    name: 'bidi marks, embeddings and isolates',
    raw: '\u200Fleft\u200E\u202Bmid\u202C\u2067right\u2069\u061C.png',
    visible: 'right',
  },
  { name: 'a thousand characters', raw: `${'x'.repeat(996)}.png`, visible: 'xxxxxxxxxx' },
  {
    name: 'Slack markup: mentions and links',
    raw: '<!channel> <@U0ADMIN> <https://evil.example|click me> & co.png',
    visible: 'click me',
  },
  {
    name: 'Discord markdown and @everyone',
    raw: '**bold** __under__ `code` @everyone ||spoiler||.png',
    visible: 'bold',
  },
  {
    name: 'control characters and a terminal escape',
    raw: 'line1\nline2\r\t\u0007\u001b[31mred\u0000.png',
    visible: 'line2',
  },
  { name: 'accents, CJK and emoji', raw: 'Café 漢字 🐱‍👤 e\u0301.png', visible: 'Café 漢字 🐱‍👤' },
  { name: 'two hundred emoji', raw: '🐱'.repeat(200), visible: '🐱🐱🐱' },
];

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What no rendered name may contain; `\n` and `\t` are allowed only because layouts use them. */
export const UNSAFE_IN_OUTPUT: readonly [string, RegExp][] = [
  ['a bidi control', BIDI],
  ['a control character', CONTROL],
  ['half of a surrogate pair', LONE_SURROGATE],
];
