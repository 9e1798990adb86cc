/**
 * The exact values of the process's secrets, so they can be masked wherever they turn up, whatever
 * their shape: a server that echoes our client secret in an error body, a secret pasted into the
 * wrong variable. Every `Secret` registers its value when made, and the configuration registers the
 * raw value of every variable marked secret before it validates anything; nothing is listed by hand.
 */

const REDACTED = '[redacted]';

/** Shorter values would mask ordinary words; no real credential is this short. */
const MIN_SECRET_LENGTH = 8;
/** A line of a PEM body, or of any multi-line secret, is a leak on its own. */
const MIN_LINE_LENGTH = 16;

const forms = new Set<string>();
let pattern: RegExp | undefined;

/** Remembers a secret's value and the forms it travels in: URL-encoded, base64, JSON-escaped, by line. */
export function rememberSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  const before = forms.size;
  for (const form of formsOf(value)) forms.add(form);
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed !== value && trimmed.length >= MIN_LINE_LENGTH && !trimmed.startsWith('-----')) {
      forms.add(trimmed);
    }
  }
  if (forms.size !== before) pattern = undefined;
}

function formsOf(value: string): string[] {
  const base64 = Buffer.from(value, 'utf8').toString('base64');
  const base64url = Buffer.from(value, 'utf8').toString('base64url');
  return [
    value,
    encodeURIComponent(value),
    // Form bodies encode spaces as '+'.
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    base64,
    base64.replace(/=+$/, ''),
    base64url,
  ];
}

/** Whether `value` is, exactly, one of the remembered secrets (in any of its forms). */
export function isKnownSecret(value: string): boolean {
  return forms.has(value);
}

/** `text` with every remembered secret, in every remembered form, replaced by "[redacted]". */
export function maskKnownSecrets(text: string): string {
  if (forms.size === 0) return text;
  // Longest first, so a value is masked whole before any shorter form inside it.
  pattern ??= new RegExp(
    [...forms]
      .sort((a, b) => b.length - a.length)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  return text.replace(pattern, REDACTED);
}

/**
 * Whether a value given to a variable that is not secret looks like one: it is another secret's
 * value, or long and random-looking (a token or key pasted into the wrong variable). Such a value
 * is described by its length in error messages, never shown.
 */
export function looksSecret(value: string): boolean {
  if (isKnownSecret(value)) return true;
  if (value.length < 16 || /\s/.test(value) || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return bitsPerCharacter(value) >= 3.5;
}

function bitsPerCharacter(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}
