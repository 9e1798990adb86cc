import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/index.js';
import { BOT_PERMISSIONS } from '../../adapters/discord/invite.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { runInProcess } from '../helpers/run-cli.js';

const manifest: unknown = JSON.parse(
  readFileSync(new URL('../../manifest/discord-commands.json', import.meta.url), 'utf8'),
);

async function run(args: string[], env: Record<string, string>) {
  const { code, stdout: out, stderr: err } = await runInProcess(['register-commands', ...args], env);
  return { code, out, err };
}

describe('Discord command definitions', () => {
  it('manifest/discord-commands.json is what adapters/discord defines (regenerate with register-commands --print)', () => {
    expect(manifest).toEqual(JSON.parse(JSON.stringify(commandDefinitions())));
  });

  it('--print writes exactly the definitions, without a token', async () => {
    const { code, out } = await run(['--print'], {});
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(manifest);
  });

  it('defines /bitmind check|help|status|autoscan|roles|modlog and the message command', () => {
    const names = commandDefinitions().map((c) => c.name);
    expect(names).toEqual(['bitmind', 'Check with BitMind']);
    const bitmind = commandDefinitions()[0] as { options: { name: string; options?: { name: string }[] }[] };
    expect(bitmind.options.map((o) => o.name)).toEqual([
      'check',
      'help',
      'status',
      'autoscan',
      'roles',
      'modlog',
    ]);
    expect(bitmind.options[0]!.options!.map((o) => o.name)).toEqual(['media', 'url', 'private']);
    expect(bitmind.options[3]!.options!.map((o) => o.name)).toEqual(['enable', 'disable', 'status']);
    expect(bitmind.options[4]!.options!.map((o) => o.name)).toEqual(['add', 'remove', 'list']);
    expect(bitmind.options[5]!.options!.map((o) => o.name)).toEqual(['set', 'off', 'status']);
  });
});

describe('Discord command localizations', () => {
  interface Node {
    name: string;
    type?: number;
    name_localizations?: Record<string, string>;
    description_localizations?: Record<string, string>;
    options?: Node[];
    choices?: Node[];
  }
  const LANGUAGES = ['de', 'es-ES', 'fr', 'ja', 'pt-BR'];
  /** Every command, subcommand, option and choice, with where it sits. */
  function walk(nodes: readonly Node[], path = ''): Array<{ path: string; node: Node }> {
    return nodes.flatMap((node) => [
      { path: `${path}/${node.name}`, node },
      ...walk(node.options ?? [], `${path}/${node.name}`),
      ...walk(node.choices ?? [], `${path}/${node.name}`),
    ]);
  }

  it('names every subcommand, option and choice in each language, by Discord’s locale codes, in its rules', () => {
    const [slash, menu] = manifest as Node[];
    for (const { path, node } of walk(slash!.options ?? [], '/bitmind')) {
      expect(Object.keys(node.name_localizations ?? {}).sort(), path).toEqual(LANGUAGES);
      if (node.choices === undefined && node.type !== undefined) {
        expect(Object.keys(node.description_localizations ?? {}).sort(), path).toEqual(LANGUAGES);
        // Discord's rule for command and option names: lower case, 1 to 32 letters, digits, - or _.
        for (const name of Object.values(node.name_localizations!)) {
          expect(name, path).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
          expect(name, path).toBe(name.toLowerCase());
        }
      }
    }
    expect(Object.keys(slash!.description_localizations ?? {}).sort()).toEqual(LANGUAGES);
    expect(menu!.name_localizations).toMatchObject({ fr: 'Vérifier avec BitMind', ja: 'BitMindでチェック' });
    const check = walk(slash!.options ?? []).find((e) => e.path === '/check')!.node;
    expect(check.name_localizations).toMatchObject({ 'es-ES': 'comprobar', de: 'prüfen', ja: 'チェック' });
  });
});

describe('bitmind-bot register-commands against the fake Discord REST', () => {
  let fake: FakeDiscord;
  let env: Record<string, string>;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    env = { ...fake.env(), LOG_LEVEL: 'silent' };
  });
  afterAll(() => fake.close());

  it('reads the application id, then PUTs the checked-in JSON as global commands and says they take time', async () => {
    const before = fake.calls.length;
    const { code, out } = await run([], env);
    expect(code).toBe(0);
    const calls = fake.calls.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${fake.world.application.id}/commands`,
    ]);
    expect(calls[1]!.body).toEqual(manifest);
    expect(calls[1]!.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(out).toMatch(/up to an hour/);
    expect(out).toContain(`client_id=${fake.world.application.id}`);
    expect(out).toContain(`permissions=${BOT_PERMISSIONS.bitfield}`);
    expect(out).toContain('scope=bot+applications.commands');
  });

  it('--guild registers in one server, available at once', async () => {
    const guild = fake.world.guild.id;
    const { code, out } = await run(['--guild', guild], env);
    expect(code).toBe(0);
    const [put] = fake.callsTo('PUT', new RegExp(`/guilds/${guild}/commands$`));
    expect(put!.body).toEqual(manifest);
    expect(out).toMatch(/available now/);
  });

  it('works the same from a process that runs some of the shards: REST only, no gateway connection', async () => {
    const identifies = fake.gateway.identifies.length;
    const before = fake.calls.length;
    const { code } = await run([], { ...env, DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '2-3' });
    expect(code).toBe(0);
    expect(fake.calls.slice(before).map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${fake.world.application.id}/commands`,
    ]);
    expect(fake.gateway.identifies).toHaveLength(identifies);
  });

  it('waits out a 429 with retry_after and still registers', async () => {
    fake.rest.rateLimitNext({ method: 'PUT', path: /\/commands$/, retryAfterSeconds: 0.2 });
    const before = fake.calls.length;
    const { code } = await run([], env);
    expect(code).toBe(0);
    const puts = fake.calls.slice(before).filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.status)).toEqual([429, 200]);
    expect(puts[1]!.at - puts[0]!.at).toBeGreaterThanOrEqual(150);
  });

  it('a wrong token gets one clear sentence, not a stack trace', async () => {
    const { code, err } = await run([], { ...env, DISCORD_TOKEN: 'not-the-token' });
    expect(code).toBe(1);
    expect(err).toMatch(/rejected DISCORD_TOKEN \(401/);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).not.toContain('not-the-token');
  });

  it('a malformed --guild is a usage error', async () => {
    const { code, err } = await run(['--guild', 'general'], env);
    expect(code).toBe(2);
    expect(err).toMatch(/--guild: a server id is a number/);
  });
});
