import { createHmac } from 'node:crypto';
import { request } from 'undici';

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function signatureHeaders(
  signingSecret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

export interface HttpDeliveryOptions {
  /** Sign with this secret instead of the right one (a forged request). */
  readonly signWith?: string;
  /** Timestamp of the signature, in seconds (an old one plays a replayed request). */
  readonly timestamp?: number;
  /** Slack's retry headers: x-slack-retry-num and x-slack-retry-reason. */
  readonly retryNum?: number;
  readonly retryReason?: string;
}

export interface HttpDeliveryResult {
  readonly status: number;
  readonly body: string;
}

/**
 * Posts to an app's request URL the way Slack does: Events API callbacks as JSON, slash commands as
 * form fields, interactions as a form field `payload` holding JSON; every request signed.
 */
export class SlackHttpSender {
  constructor(
    readonly url: string,
    private readonly signingSecret: string,
  ) {}

  async post(
    kind: 'json' | 'form' | 'payload',
    data: Record<string, unknown>,
    options: HttpDeliveryOptions = {},
  ): Promise<HttpDeliveryResult> {
    const body =
      kind === 'json'
        ? JSON.stringify(data)
        : kind === 'form'
          ? new URLSearchParams(data as Record<string, string>).toString()
          : new URLSearchParams({ payload: JSON.stringify(data) }).toString();
    const headers: Record<string, string> = {
      'content-type': kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...signatureHeaders(options.signWith ?? this.signingSecret, body, options.timestamp),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
    }
    const response = await request(this.url, {
      method: 'POST',
      headers,
      body,
      headersTimeout: 5000,
      bodyTimeout: 5000,
    });
    return { status: response.statusCode, body: await response.body.text() };
  }
}
