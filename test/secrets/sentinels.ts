import { expect } from 'vitest';

/**
 * Distinctive stand-ins for every secret, so a leak is found by plain substring search. Shaped like
 * the real thing where the shape matters to the redaction (xoxb-, xapp-, enterprise-).
 */
export const SENTINEL = {
  clientSecret: 'sentinel-client-secret-7f3a',
  apiKey: 'enterprise-SENTINEL-apikey-5b2e9',
  slackBotToken: 'xoxb-SENTINEL-1111-bot-token-c4f1',
  slackAppToken: 'xapp-1-SENTINEL-2222-app-token-e7d2',
  slackSigningSecret: 'sentinel-signing-secret-9c1d',
  /** A password and a signed query string inside links people paste. */
  urlPassword: 'sentinel-url-password-88aa',
  urlSignature: 'sentinel-signed-query-4d2c',
} as const;

/** An RS256 JWT (the simulator's access tokens), wherever it turns up. */
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/;

/**
 * Fails with the first offending line when any secret appears in `texts`. `secrets` are exact
 * values; PEM bodies are checked line by line, since a fragment of a key is a leak too.
 */
export function expectNoSecret(texts: readonly string[], secrets: readonly string[], what: string): void {
  const needles = secrets.flatMap((s) =>
    s.includes('-----BEGIN')
      ? s.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----'))
      : [s],
  );
  expect(needles.length).toBeGreaterThan(0);
  for (const text of texts) {
    for (const needle of needles) {
      if (text.includes(needle))
        expect.fail(`${what} holds a secret (${needle.slice(0, 12)}…): ${text.slice(0, 400)}`);
    }
    if (JWT.test(text)) expect.fail(`${what} holds an access token: ${text.slice(0, 400)}`);
  }
}
