import { z } from 'zod';
import type { BitmindApi, Permissions } from '../bitmind/index.js';
import { fail, pass, skip, type Finding, type Section } from './checklist.js';
import { messageOf, withDeadline } from './deadline.js';

export interface BitmindProbeTarget {
  /** A client built for probing: no retries, short timeouts. */
  readonly api: BitmindApi;
  /** Where it points, shown to the operator (the simulator's address when simulated). */
  readonly baseUrl: string;
  /** How it authenticates, in words ("OAuth client credentials"…). */
  readonly method: string;
  readonly simulated: boolean;
  readonly timeoutMs: number;
}

/** The fields of /health and /status worth showing; the client has already checked the rest. */
const healthShape = z.looseObject({ status: z.string(), region: z.string().optional() });
const statusShape = z.looseObject({
  client: z.looseObject({ name: z.string().optional(), tier: z.string().optional() }),
});

const SIMULATED_NOTE = [
  'No BitMind credentials are configured: these checks run against the embedded simulator, and the',
  'bot would give SIMULATED verdicts. Set BITMIND_CLIENT_ID and BITMIND_CLIENT_SECRET (or another',
  'method, see the configuration table) for real ones.',
].join('\n');

/** BitMind: reachable (/health), credentials accepted (a token, then /status), permissions granted. */
export async function probeBitmind(target: BitmindProbeTarget): Promise<Section> {
  const findings: Finding[] = [];
  const section = (): Section => ({
    name: 'BitMind',
    ...(target.simulated ? { note: SIMULATED_NOTE } : {}),
    findings,
  });
  const where = new URL(target.baseUrl).origin;

  try {
    const health = healthShape.parse(
      await withDeadline(target.timeoutMs, 'BitMind /health', (signal) => target.api.health({ signal })),
    );
    const region = health.region ? `, region ${health.region}` : '';
    findings.push(pass(`Reachable at ${where} (/health: ${health.status}${region})`));
  } catch (err) {
    findings.push(
      fail(
        `Not reachable at ${where}`,
        'check BITMIND_BASE_URL, and that this machine can reach it (DNS, firewall, proxy).',
        messageOf(err),
      ),
      skip('Credentials not tried: BitMind is not reachable'),
      skip('Permissions not read: BitMind is not reachable'),
    );
    return section();
  }

  try {
    const status = statusShape.parse(
      await withDeadline(target.timeoutMs, 'BitMind /status', (signal) => target.api.status({ signal })),
    );
    const { name, tier } = status.client;
    const client = name ? ` as "${name}"${tier ? ` (${tier})` : ''}` : '';
    findings.push(pass(`Credentials accepted (${target.method})${client}`));
  } catch (err) {
    // The client's message names the variables to check and carries no secret.
    findings.push(
      fail(`Credentials not accepted (${target.method})`, messageOf(err)),
      skip('Permissions not read: /status needs accepted credentials'),
    );
    return section();
  }

  try {
    const granted = await withDeadline(target.timeoutMs, 'BitMind /status', (signal) =>
      target.api.permissions({ signal }),
    );
    findings.push(permissionsFinding(granted));
  } catch (err) {
    findings.push(
      fail('Permissions could not be read from /status', 'run the doctor again.', messageOf(err)),
    );
  }
  return section();
}

/** What each missing permission means for the bot, as the Checker behaves. */
function permissionsFinding(granted: Permissions): Finding {
  const missing: string[] = [];
  const effects: string[] = [];
  if (!granted.image) {
    missing.push('image_inference');
    effects.push('images are not checked: the bot answers that this account may not check images');
  }
  if (!granted.video) {
    missing.push('video_inference');
    effects.push('videos are not checked: the bot answers that this account may not check videos');
  }
  if (!granted.image || !granted.video) {
    if (!granted.batch) missing.push('batch_processing');
    return fail(
      `Permissions missing: ${missing.join(', ')}`,
      'ask BitMind to grant them to this client, then restart the bot (it reads them at start).',
      `Until then ${effects.join('; ')}.`,
    );
  }
  // Batches only save requests: every file still gets checked, one request each.
  return granted.batch
    ? pass('Permissions: image, video and batch checks')
    : pass(
        'Permissions: image and video checks (no batch_processing)',
        'Without batch_processing the bot sends one file per request: slower, and more of your rate limit.',
      );
}
