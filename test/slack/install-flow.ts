import { request } from 'undici';
import type { Consent } from '../fakes/slack/index.js';
import type { SlackRig } from './rig.js';

/** One step of the install flow as a browser sees it: the status, where it points next, the page. */
export interface Step {
  readonly status: number;
  readonly location: string | undefined;
  readonly cookie: string | undefined;
  /** Content-Language: the language the page is written in. */
  readonly language: string | undefined;
  readonly body: string;
}

/** What the browser sends besides the address: the state cookie, its languages (Accept-Language). */
interface Browser {
  readonly cookie?: string;
  readonly language?: string;
}

async function get(url: string, browser: Browser = {}): Promise<Step> {
  const headers: Record<string, string> = {};
  if (browser.cookie !== undefined) headers.cookie = browser.cookie;
  if (browser.language !== undefined) headers['accept-language'] = browser.language;
  const response = await request(url, { headers });
  const setCookie = response.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const location = response.headers.location;
  const language = response.headers['content-language'];
  return {
    status: response.statusCode,
    location: typeof location === 'string' ? location : undefined,
    cookie: first?.split(';')[0],
    language: typeof language === 'string' ? language : undefined,
    body: await response.body.text(),
  };
}

/** What one run through "Add to Slack" went through: the redirect back (with its cookie) and the final page. */
export interface Installed {
  readonly authorizeUrl: URL;
  /** The app's /slack/oauth_redirect URL with the code and state, as Slack sent the browser back. */
  readonly redirect: string;
  readonly cookie: string;
  readonly page: Step;
}

/**
 * A person installs the app, as a browser would, following each redirect with undici: the bot's
 * /slack/install (a redirect to Slack's consent page, the state in a cookie), Slack's consent page
 * (which does what `consent` says and sends the browser back with a code and the state), then the
 * bot's /slack/oauth_redirect with the cookie. `language` is the browser's Accept-Language, sent
 * at every step as a browser does.
 */
export async function installThroughSlack(
  rig: Pick<SlackRig, 'origin' | 'slack'>,
  consent: Consent,
  language?: string,
): Promise<Installed> {
  const start = await get(`${rig.origin}/slack/install`, { language });
  if (start.status !== 302 || !start.location || !start.cookie)
    throw new Error(`/slack/install answered ${start.status} without a redirect and a state cookie`);
  rig.slack.oauth.consentNext(consent);
  const consentPage = await get(start.location, { language });
  if (consentPage.status !== 302 || !consentPage.location)
    throw new Error(`the consent page answered ${consentPage.status}: ${consentPage.body}`);
  const page = await get(consentPage.location, { cookie: start.cookie, language });
  return {
    authorizeUrl: new URL(start.location),
    redirect: consentPage.location,
    cookie: start.cookie,
    page,
  };
}

/** Sends the browser to `url` again (a replay, a forged link), with a cookie and languages when given. */
export function visit(url: string, cookie?: string, language?: string): Promise<Step> {
  return get(url, { cookie, language });
}
