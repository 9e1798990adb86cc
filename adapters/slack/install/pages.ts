import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type CodedError, type Installation } from '@slack/oauth';
import { acceptedLocale } from '../../../src/i18n/accept-language.js';
import { t, type Locale, type MessageKey, type MessageParams } from '../../../src/i18n/i18n.js';
import { INSTALL_PATH } from '../config.js';
import { SLASH_COMMAND } from '../surface.js';
import { slackErrorOf } from '../web.js';

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * The page's language: the browser's (its Accept-Language), the only thing the install flow knows
 * of the person, since Slack has not said who they are yet.
 */
function browserLocale(req: IncomingMessage): Locale {
  return acceptedLocale(req.headers['accept-language']);
}

function page(
  res: ServerResponse,
  locale: Locale,
  status: number,
  title: string,
  body: string,
  again: boolean,
): void {
  const link = again
    ? `<p><a href="${INSTALL_PATH}">${escape(t(locale, 'slack.install.startAgain'))}</a></p>`
    : '';
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-language': locale,
      vary: 'accept-language',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
    })
    .end(
      `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
        `<body><h1>${escape(title)}</h1><p>${escape(body)}</p>${link}</body></html>`,
    );
}

/** The page after a workspace (or a Grid organisation) installed the app: what to do next. */
export function installedPage(req: IncomingMessage, res: ServerResponse, installation: Installation): void {
  const locale = browserLocale(req);
  const name = installation.isEnterpriseInstall ? installation.enterprise?.name : installation.team?.name;
  const joined =
    name !== undefined
      ? t(locale, 'slack.install.installedIn', { where: name })
      : t(
          locale,
          installation.isEnterpriseInstall
            ? 'slack.install.installedInOrganisation'
            : 'slack.install.installedInWorkspace',
        );
  const next = t(locale, 'slack.install.nextSteps', { command: SLASH_COMMAND });
  page(res, locale, 200, t(locale, 'slack.install.installedTitle'), `${joined} ${next}`, false);
}

/** Bolt's installer errors, by what the person did or met. */
const BAD_STATE: readonly string[] = [ErrorCode.InvalidStateError, ErrorCode.MissingStateError];
const DENIED: readonly string[] = [ErrorCode.AuthorizationError, ErrorCode.MissingCodeError];

/** Why the install failed, in a person's words: never the error itself, nor a stack trace. */
export function failedPage(req: IncomingMessage, res: ServerResponse, error: CodedError): { reason: string } {
  const locale = browserLocale(req);
  const failed = (status: number, key: MessageKey, params?: MessageParams) =>
    page(res, locale, status, t(locale, 'slack.install.failedTitle'), t(locale, key, params), true);
  const code: string = error.code;
  if (BAD_STATE.includes(code)) {
    failed(400, 'slack.install.badState');
    return { reason: 'bad_state' };
  }
  if (DENIED.includes(code)) {
    failed(400, 'slack.install.denied');
    return { reason: 'denied' };
  }
  const slack = slackErrorOf(error);
  if (slack !== 'no answer' && code !== String(ErrorCode.UnknownError)) {
    failed(502, 'slack.install.slackError', { code: slack });
    return { reason: slack };
  }
  failed(500, 'slack.install.unknown');
  return { reason: 'unknown' };
}
