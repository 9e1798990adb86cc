import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BOT_EVENTS,
  BOT_SCOPES,
  SHORTCUT_CALLBACK_ID,
  SHORTCUT_NAME,
  SLASH_COMMAND,
  WEB_API_METHODS,
} from '../../adapters/slack/index.js';

const root = resolve(import.meta.dirname, '../..');

const manifestSchema = z.object({
  features: z.object({
    slash_commands: z.array(
      z.object({ command: z.string(), url: z.string().optional(), should_escape: z.boolean() }),
    ),
    shortcuts: z.array(z.object({ name: z.string(), type: z.string(), callback_id: z.string() })),
    app_home: z.object({ home_tab_enabled: z.boolean() }),
  }),
  oauth_config: z.object({
    redirect_urls: z.array(z.string()).optional(),
    scopes: z.object({ bot: z.array(z.string()) }),
  }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()), request_url: z.string().optional() }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string().optional() }),
    socket_mode_enabled: z.boolean(),
  }),
});

function manifest(name: string) {
  return manifestSchema.parse(parse(readFileSync(resolve(root, 'manifest', name), 'utf8')));
}

describe.each([
  { file: 'slack.yaml', socket: true },
  { file: 'slack-http.yaml', socket: false },
])('manifest/$file', ({ file, socket }) => {
  const m = manifest(file);

  it('asks for exactly the bot scopes the code needs', () => {
    expect([...m.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('subscribes to exactly the events the adapter handles', () => {
    expect([...m.settings.event_subscriptions.bot_events].sort()).toEqual(Object.keys(BOT_EVENTS).sort());
  });

  it('declares the slash command and the message shortcut the adapter listens for', () => {
    expect(m.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(m.features.shortcuts).toEqual([
      { name: SHORTCUT_NAME, type: 'message', callback_id: SHORTCUT_CALLBACK_ID },
    ]);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    // Escaped text carries a channel as <#C0123|name>: `/bitmind modlog` needs its id.
    expect(m.features.slash_commands.map((c) => c.should_escape)).toEqual([true]);
  });

  it('turns the Home tab on, which app_home_opened needs', () => {
    expect(m.features.app_home.home_tab_enabled).toBe(true);
  });

  it(
    socket ? 'turns Socket Mode on and needs no request URL' : 'points every request URL at /slack/events',
    () => {
      expect(m.settings.socket_mode_enabled).toBe(socket);
      const urls = [
        m.settings.event_subscriptions.request_url,
        m.settings.interactivity.request_url,
        ...m.features.slash_commands.map((c) => c.url),
      ];
      if (socket) expect(urls.filter(Boolean)).toEqual([]);
      else for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    },
  );

  it(
    socket
      ? 'has no redirect URL: a Socket Mode app is not distributed'
      : 'sends people back to /slack/oauth_redirect after an install (distributed mode)',
    () => {
      const redirects = m.oauth_config.redirect_urls ?? [];
      if (socket) expect(redirects).toEqual([]);
      else expect(redirects).toEqual([expect.stringMatching(/^https:\/\/[^/]+\/slack\/oauth_redirect$/)]);
    },
  );
});

describe('the declared surface', () => {
  it('covers every scope an event or a method needs, and nothing else', () => {
    const needed = new Set([
      'commands',
      ...Object.values(BOT_EVENTS).filter((scope) => scope !== null),
      ...Object.values(WEB_API_METHODS).flat(),
    ]);
    expect(new Set(BOT_SCOPES)).toEqual(needed);
  });

  it('is the only way the adapter calls Slack: web.ts calls declared methods, no other file calls any', () => {
    const dir = resolve(root, 'adapters/slack');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const web = readFileSync(resolve(dir, 'web.ts'), 'utf8');
    const called = [...web.matchAll(/call\(\s*'([a-z]+\.[A-Za-z.]+)'/g)].map((m) => m[1]);
    expect(called.length).toBeGreaterThan(5);
    for (const method of called) expect(Object.keys(WEB_API_METHODS)).toContain(method);
    const direct = files
      .filter((f) => f !== 'web.ts')
      .filter((f) => /\.apiCall\(|\bclient\.[a-z]+\.[a-zA-Z]+\(/.test(readFileSync(resolve(dir, f), 'utf8')));
    expect(direct).toEqual([]);
  });
});
