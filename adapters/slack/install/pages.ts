import type { ServerResponse } from 'node:http';
import { ErrorCode, type CodedError, type Installation } from '@slack/oauth';
import { INSTALL_PATH } from '../config.js';
import { slackErrorOf } from '../web.js';
import { INSTALL_WORDING as W } from './wording.js';

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(res: ServerResponse, status: number, title: string, body: string, again: boolean): void {
  const link = again ? `<p><a href="${INSTALL_PATH}">${escape(W.startAgain)}</a></p>` : '';
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
    })
    .end(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
        `<body><h1>${escape(title)}</h1><p>${escape(body)}</p>${link}</body></html>`,
    );
}

/** The page after a workspace (or a Grid organisation) installed the app: what to do next. */
export function installedPage(res: ServerResponse, installation: Installation): void {
  const where = installation.isEnterpriseInstall
    ? (installation.enterprise?.name ?? 'your organisation')
    : (installation.team?.name ?? 'your workspace');
  page(res, 200, W.successTitle, W.success(where), false);
}

/** Bolt's installer errors, by what the person did or met. */
const BAD_STATE: readonly string[] = [ErrorCode.InvalidStateError, ErrorCode.MissingStateError];
const DENIED: readonly string[] = [ErrorCode.AuthorizationError, ErrorCode.MissingCodeError];

/** Why the install failed, in a person's words: never the error itself, nor a stack trace. */
export function failedPage(res: ServerResponse, error: CodedError): { reason: string } {
  const code: string = error.code;
  if (BAD_STATE.includes(code)) {
    page(res, 400, W.failureTitle, W.badState, true);
    return { reason: 'bad_state' };
  }
  if (DENIED.includes(code)) {
    page(res, 400, W.failureTitle, W.denied, true);
    return { reason: 'denied' };
  }
  const slack = slackErrorOf(error);
  if (slack !== 'no answer' && code !== String(ErrorCode.UnknownError)) {
    page(res, 502, W.failureTitle, W.slackError(slack), true);
    return { reason: slack };
  }
  page(res, 500, W.failureTitle, W.unknown, true);
  return { reason: 'unknown' };
}
