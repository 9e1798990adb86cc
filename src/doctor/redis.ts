import { Redis } from 'ioredis';
import type { RedisSettings } from '../state/redis-connection.js';
import { fail, pass, skip, type Finding, type Section } from './checklist.js';
import { messageOf, withDeadline } from './deadline.js';

export interface RedisProbeTarget {
  readonly redis: RedisSettings;
  readonly timeoutMs: number;
}

/**
 * Redis for the shared mode: reachable with these credentials, recent enough for BullMQ, set never
 * to evict keys (BullMQ requires it: an evicted job or lock is a lost check), and how it persists.
 * One connection of its own that never retries, so a dead server is one failed line.
 */
export async function probeRedis(target: RedisProbeTarget): Promise<Section> {
  const { url, username, password } = target.redis;
  const findings: Finding[] = [];
  const section = (): Section => ({ name: 'Redis (shared state)', findings });
  const client = new Redis(url, {
    username,
    password: password?.reveal(),
    lazyConnect: true,
    connectTimeout: target.timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // A refused password shows only here: the promise is then rejected with "Connection is closed".
  let reported: Error | undefined;
  client.on('error', (err: Error) => (reported = err));
  try {
    let info: Map<string, string>;
    try {
      info = await withDeadline(target.timeoutMs, `Redis at ${url}`, async () => {
        await client.connect();
        return parseInfo(await client.info());
      });
    } catch (err) {
      const reason = messageOf(reported ?? err);
      const refused = /NOAUTH|WRONGPASS|invalid password|invalid username-password/i.test(reason);
      findings.push(
        refused
          ? fail(
              `Credentials refused at ${url}`,
              'check the password (in REDIS_URL or REDIS_PASSWORD) and, with Redis ACLs, the user name in REDIS_URL.',
              reason,
            )
          : fail(
              `Not reachable at ${url}`,
              'check REDIS_URL (host, port, database; rediss:// for TLS), and that this machine can reach Redis.',
              reason,
            ),
        skip('Version, eviction policy and persistence not read: no connection'),
      );
      return section();
    }
    findings.push(pass(`Reachable at ${url}`));
    findings.push(versionFinding(info.get('redis_version') ?? 'unknown'));
    findings.push(evictionFinding(info.get('maxmemory_policy') ?? 'unknown'));
    findings.push(persistenceFinding(info, await saveSetting(client, target.timeoutMs)));
    return section();
  } finally {
    client.disconnect();
  }
}

function versionFinding(version: string): Finding {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 6 || (major === 6 && minor >= 2)
    ? pass(`Version ${version} (6.2 or later, as BullMQ needs)`)
    : fail(
        `Version ${version} is older than 6.2`,
        'upgrade Redis to 6.2 or later: BullMQ, which runs the shared check queue, needs it.',
      );
}

function evictionFinding(policy: string): Finding {
  return policy === 'noeviction'
    ? pass('Eviction policy noeviction (no key is dropped under memory pressure)')
    : fail(
        `Eviction policy is ${policy}, not noeviction`,
        'set maxmemory-policy noeviction (in redis.conf, or CONFIG SET maxmemory-policy noeviction): any other policy lets Redis drop queued checks, their locks and settings when memory runs short, and BullMQ requires it.',
      );
}

function persistenceFinding(info: Map<string, string>, save: string | undefined): Finding {
  const kinds = [
    ...(info.get('aof_enabled') === '1' ? ['append-only file'] : []),
    ...(save ? [`snapshots (save ${save})`] : []),
  ];
  if (kinds.length > 0) return pass(`Persistence: ${kinds.join(' and ')}`);
  return pass(
    save === undefined
      ? 'Persistence: append-only file off; snapshots not readable (CONFIG is restricted)'
      : 'Persistence: none',
    'A Redis restart forgets channel settings and checks waiting in the queue; appendonly yes keeps them.',
  );
}

/** `CONFIG GET save`, which managed services often forbid: undefined when it cannot be read. */
async function saveSetting(client: Redis, timeoutMs: number): Promise<string | undefined> {
  try {
    const reply = await withDeadline(timeoutMs, 'CONFIG GET save', () => client.config('GET', 'save'));
    return Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1].trim() : undefined;
  } catch {
    return undefined;
  }
}

/** INFO's `name:value` lines, sections and comments aside. */
function parseInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields.set(line.slice(0, at), line.slice(at + 1).trim());
  }
  return fields;
}
