import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t, type Locale } from '../../src/i18n/i18n.js';
import { startFakeSlack, type FakeSlack, type FakeWorkspace } from '../fakes/slack/index.js';
import { installThroughSlack, visit, type Step } from './install-flow.js';
import { startSlackRig, type SlackRig } from './rig.js';

/** The page is wholly in `locale`: the header, `<html lang>`, and its title as the heading. */
function expectWrittenIn(page: Step, locale: Locale, title: 'installedTitle' | 'failedTitle') {
  expect(page.language).toBe(locale);
  expect(page.body.startsWith(`<!DOCTYPE html><html lang="${locale}">`)).toBe(true);
  expect(page.body).toContain(`<h1>${t(locale, `slack.install.${title}`)}</h1>`);
}

describe('Slack distributed mode: the install pages speak the browser’s language', () => {
  let slack: FakeSlack;
  let rig: SlackRig;
  let dataDir: string;
  let team: FakeWorkspace;

  beforeAll(async () => {
    slack = await startFakeSlack();
    team = slack.addWorkspace({ teamId: 'T0KOBE', domain: 'kobe', name: 'Kobe & Söhne' });
    dataDir = await mkdtemp(join(tmpdir(), 'bitmind-slack-install-languages-'));
    rig = await startSlackRig({ mode: 'http', slack, dataDir, distributed: true });
  });
  afterAll(async () => {
    await rig?.close();
    await slack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The failure page a forged state gets (no install needed), for a browser sending `language`. */
  const forgedPage = (language?: string) =>
    visit(`${rig.origin}/slack/oauth_redirect?code=c&state=forged`, 'slack-app-oauth-state=forged', language);

  it('tells a Japanese and a German browser, in their language, that the app is installed and what to do next', async () => {
    const ja = await installThroughSlack(rig, { approve: team }, 'ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7');
    expect(ja.page.status).toBe(200);
    expectWrittenIn(ja.page, 'ja', 'installedTitle');
    // The workspace's name escaped inside the Japanese sentence, and the commands as typed.
    expect(ja.page.body).toContain('BitMindがKobe &amp; Söhneに追加されました。');
    expect(ja.page.body).toContain('/invite @BitMind でチャンネルに招待し');
    expect(ja.page.body).toContain('/bitmind help と入力すると');

    const de = await installThroughSlack(rig, { approve: team }, 'de-CH, de;q=0.9, en;q=0.5');
    expect(de.page.status).toBe(200);
    expectWrittenIn(de.page, 'de', 'installedTitle');
    expect(de.page.body).toContain('BitMind ist jetzt Teil von Kobe &amp; Söhne.');
    expect(de.page.body).toContain('/invite @BitMind');
    expect(de.page.body).toContain('/bitmind help');
    expect(de.page.body).not.toContain('Invite it');
  });

  it('refuses a reused install link in Spanish, with the link to start again in Spanish', async () => {
    const done = await installThroughSlack(rig, { approve: team }, 'es-419,es;q=0.9');
    expectWrittenIn(done.page, 'es', 'installedTitle');
    const reused = await visit(done.redirect, done.cookie, 'es-419,es;q=0.9');
    expect(reused.status).toBe(400);
    expectWrittenIn(reused, 'es', 'failedTitle');
    expect(reused.body).toContain(`<p>${t('es', 'slack.install.badState')}</p>`);
    expect(reused.body).toContain('<a href="/slack/install">Volver a empezar</a>');
  });

  it('escapes Slack’s error in a translated page', async () => {
    slack.web.failNext('oauth.v2.access', '<img src=x onerror=alert(1)>');
    const failed = await installThroughSlack(rig, { approve: team }, 'fr-FR,fr;q=0.9');
    expect(failed.page.status).toBe(502);
    expectWrittenIn(failed.page, 'fr', 'failedTitle');
    expect(failed.page.body).toContain(
      'Slack n’a pas terminé l’installation (&lt;img src=x onerror=alert(1)&gt;)',
    );
    expect(failed.page.body).not.toContain('<img');
  });

  it('follows the weights: the heaviest language it speaks, the first of equal ones, never one weighted 0', async () => {
    expectWrittenIn(await forgedPage('en;q=0.3, ja;q=0.8, de;q=0.5'), 'ja', 'failedTitle');
    expectWrittenIn(await forgedPage('ko, zh-CN;q=0.9, pt;q=0.4, es;q=0.2'), 'pt-BR', 'failedTitle');
    expectWrittenIn(await forgedPage('de;q=0.5, es;q=0.5'), 'de', 'failedTitle');
    expectWrittenIn(await forgedPage('ja;q=0, es;q=0.1'), 'es', 'failedTitle');
  });

  it('speaks English to a browser that names no language, one it does not speak, or a header it cannot read', async () => {
    const mark = rig.core.logLines.length;
    const languages = [undefined, '', 'ko-KR,zh;q=0.5', '*', 'ja;q=abc, ;;;, <b>de</b>', 'ja;q=7'];
    for (const language of languages) {
      const page = await forgedPage(language);
      expect(page.status).toBe(400);
      expectWrittenIn(page, 'en', 'failedTitle');
      // English as it always read.
      expect(page.body).toContain(
        '<p>This install link has expired, was already used, or was opened in another browser. Start again from the install link.</p>',
      );
      expect(page.body).toContain('<a href="/slack/install">Start again</a>');
    }
    // Each of those was one person's doing: a warning each, never an error.
    const lines = rig.core.logLines.slice(mark);
    expect(lines.filter((l) => l.includes('Slack install not completed'))).toHaveLength(languages.length);
    expect(lines.filter((l) => l.includes('"level":50'))).toEqual([]);
  });
});
