import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ALL_ENV_VARS, loadBotConfig } from '../../src/platforms.js';

/**
 * docker-compose.yml cannot be run here (no Docker), so it is read: valid YAML in the shape Compose
 * reads, every variable it sets one the bot knows, and the settings the shared mode needs.
 */
const root = new URL('../../', import.meta.url);
const text = readFileSync(new URL('docker-compose.yml', root), 'utf8');

const service = z.looseObject({
  image: z.string().optional(),
  build: z.string().optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  env_file: z.string().optional(),
  ports: z.array(z.string()).optional(),
  configs: z.array(z.object({ source: z.string(), target: z.string() })).optional(),
  depends_on: z
    .union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }))])
    .optional(),
});
const compose = z.object({
  name: z.string(),
  'x-bot': z.unknown(),
  services: z.record(z.string(), service),
  configs: z.record(z.string(), z.object({ content: z.string() })),
  volumes: z.record(z.string(), z.null()),
});
// Compose reads YAML merge keys (`<<: *bot`): so must this.
const file = compose.parse(parse(text, { merge: true, uniqueKeys: true }));
const bots = Object.entries(file.services).filter(([, s]) => s.build !== undefined);

describe('docker-compose.yml', () => {
  it('runs Redis and two instances of the bot built from the Dockerfile', () => {
    expect(Object.keys(file.services).sort()).toEqual(['bot-a', 'bot-b', 'redis', 'slack-http']);
    expect(bots.map(([name]) => name)).toEqual(['bot-a', 'bot-b']);
    for (const [, bot] of bots) {
      expect(existsSync(new URL(`${bot.build}/Dockerfile`, root))).toBe(true);
      expect(bot.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
    }
  });

  it('sets Redis never to evict and to keep an append-only file, as BullMQ and the settings need', () => {
    const command = file.services.redis?.command?.join(' ');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(command).toContain('--appendonly yes');
  });

  it("sets only variables the bot knows, and they make a valid configuration in the shared mode on Redis's service", () => {
    for (const [, bot] of bots) {
      const env = bot.environment ?? {};
      expect(Object.keys(env).filter((name) => !(name in ALL_ENV_VARS))).toEqual([]);
      // .env adds the credentials: a signing secret stands for them here (Slack in HTTP mode).
      const config = loadBotConfig({ ...env, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
      expect(config.redis).toMatchObject({ url: 'redis://redis:6379/0', prefix: 'bitmind:' });
      expect(String(config.port)).toBe(env.PORT);
    }
  });

  it("sends Slack's requests on one port to both instances, at the port they listen on", () => {
    const proxy = file.services['slack-http'];
    expect(proxy?.ports).toEqual(['3000:3000']);
    const source = proxy?.configs?.[0]?.source ?? '';
    const nginx = file.configs[source]?.content ?? '';
    for (const [name, bot] of bots) expect(nginx).toContain(`server ${name}:${bot.environment?.PORT} `);
    expect(nginx).toContain('proxy_pass http://bitmind_bots;');
  });

  it("escapes every $ that is nginx's, so Compose does not take it for one of its variables", () => {
    expect(text).toContain('$$host');
    expect(text.replaceAll('$$', '')).not.toContain('$');
  });
});
