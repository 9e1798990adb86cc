/**
 * Whether `url` is one of Slack's own hosts for `service` (`files` for downloads with the bot
 * token, `hooks` for response URLs): `<service>.slack.com`, or `<service>.<domain>` of the configured
 * Web API (GovSlack's `files.slack-gov.com`), over HTTPS on the default port; or the Web API's own
 * origin (the tests' fake). Anything else is not Slack's, and gets no token and no answer.
 */
export function isSlackHost(url: string, apiUrl: string, service: 'files' | 'hooks'): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const api = new URL(apiUrl);
  const hosts = [`${service}.slack.com`, `${service}.${api.hostname}`];
  if (target.protocol === 'https:' && target.port === '' && hosts.includes(target.hostname)) return true;
  return target.origin === api.origin;
}
