import { describe, expect, it } from 'vitest';
import { EMBED_LIMITS, renderBody, renderProblem, renderReport } from '../../adapters/discord/render.js';
import { resultButtons } from '../../src/pipeline/result-actions.js';
import { viewOf, type ItemResult } from '../../src/domain/types.js';
import { CAVEAT, SIMULATED_MARK, describeBand } from '../../src/check/wording.js';
import { ref, report as checkReport, verdict } from '../helpers/reports.js';

/** A hand-made report as the pipeline hands it to the adapter: a view, without live refs. */
const report = (...args: Parameters<typeof checkReport>) => viewOf(checkReport(...args));

function totalChars(embeds: ReturnType<typeof renderReport>['embeds']): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}

describe('Discord embeds', () => {
  it('shows every file with its band, percentage, time and cache state, coloured by the strongest band', () => {
    const { embeds } = renderReport(
      report([verdict('cat.png', 0.12), verdict('dog.jpg', 0.91, { cached: true })]),
      'Asked by <@1>',
    );
    expect(embeds).toHaveLength(1);
    const [embed] = embeds;
    expect(embed!.color).toBe(describeBand(0.91).colour);
    expect(embed!.fields).toHaveLength(2);
    expect(embed!.fields![0]!.name).toContain('cat.png');
    expect(embed!.fields![0]!.value).toContain('12%');
    expect(embed!.fields![0]!.value).toContain('Little evidence');
    expect(embed!.fields![1]!.value).toMatch(/91%.*45 ms.*cached/);
    expect(embed!.description).toContain('Asked by <@1>');
    expect(embed!.footer?.text).toBe(CAVEAT);
  });

  it('says when the verdict is simulated', () => {
    const { embeds } = renderReport(report([verdict('a.png', 0.6, { simulated: true })]), 'Asked by <@1>');
    expect(embeds[0]!.description).toContain(SIMULATED_MARK);
  });

  it('puts errors in plain words, in grey when nothing could be checked', () => {
    const failed: ItemResult = {
      ref: ref('notes.txt'),
      error: { code: 'unsupported_type', message: 'This is not an image or a video BitMind can check.' },
    };
    const { embeds } = renderReport(report([failed]), 'Asked by <@1>');
    expect(embeds[0]!.color).toBe(0x808080);
    expect(embeds[0]!.fields![0]!.value).toContain('not an image or a video');
  });

  it('escapes markdown in file names so a name cannot format or mention', () => {
    const { embeds } = renderReport(report([verdict('**bold**_x_`code`.png', 0.3)]), 'Asked by <@1>');
    expect(embeds[0]!.fields![0]!.name).toContain('\\*\\*bold\\*\\*');
    expect(embeds[0]!.fields![0]!.name).toContain('\\`code\\`');
  });

  it('keeps 300 files within every Discord limit and says how many are not shown', () => {
    const longName = `${'x'.repeat(400)}.png`;
    const items = Array.from({ length: 300 }, (_, i) => verdict(`${i}-${longName}`, (i % 100) / 100));
    const { embeds } = renderReport(report(items), 'Asked by <@1>');
    expect(embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embeds);
    expect(totalChars(embeds)).toBeLessThanOrEqual(EMBED_LIMITS.total);
    const fields = embeds.flatMap((e) => e.fields ?? []);
    for (const e of embeds) expect((e.fields ?? []).length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of fields) {
      expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    }
    expect(embeds[0]!.description).toContain(`…and ${300 - fields.length} more files not shown`);
  });

  it('uses several embeds when more than 25 short results fit', () => {
    const items = Array.from({ length: 40 }, (_, i) => verdict(`${i}.png`, 0.2));
    const { embeds } = renderReport(report(items), 'Asked by <@1>');
    expect(embeds).toHaveLength(2);
    expect(embeds.flatMap((e) => e.fields ?? [])).toHaveLength(40);
    expect(embeds[0]!.description).not.toContain('more files');
    expect(embeds[1]!.footer?.text).toBe(CAVEAT);
  });

  it('renders a problem without markdown injection', () => {
    const { embeds } = renderProblem('Could not fetch **x**', 'Asked by <@1>');
    expect(embeds[0]!.description).toContain('\\*\\*x\\*\\*');
    expect(embeds[0]!.description).toContain('Asked by <@1>');
  });
});

describe('the embed and buttons a reader sees (adapters/discord/fixtures/rendered/)', () => {
  const RESULT_ID = '6f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5';

  it('matches the committed fixture (regenerate with vitest -u after a deliberate change)', async () => {
    const body = renderBody(
      {
        kind: 'report',
        report: report([verdict('moon.png', 0.93), verdict('beach.jpg', 0.12)]),
        repeat: false,
      },
      'Asked by <@1234>',
      'en',
      resultButtons(RESULT_ID, false),
    );
    const ids = body.components?.[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : undefined));
    expect(ids).toEqual([`bm:r:${RESULT_ID}`, `bm:w:${RESULT_ID}`, `bm:d:${RESULT_ID}`]);
    expect(ids!.every((id) => id!.length <= 100)).toBe(true);
    await expect(`${JSON.stringify(body, null, 2)}\n`).toMatchFileSnapshot(
      '../../adapters/discord/fixtures/rendered/result-with-buttons.json',
    );
  });

  it('leaves Delete off a private answer: its reader dismisses it', async () => {
    const body = renderBody(
      { kind: 'report', report: report([verdict('moon.png', 0.93)]), repeat: false },
      'Asked by <@1234>',
      'en',
      resultButtons(RESULT_ID, true),
    );
    const ids = body.components?.[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : undefined));
    expect(ids).toEqual([`bm:r:${RESULT_ID}`, `bm:w:${RESULT_ID}`]);
    await expect(`${JSON.stringify(body, null, 2)}\n`).toMatchFileSnapshot(
      '../../adapters/discord/fixtures/rendered/private-result-with-buttons.json',
    );
  });
});
