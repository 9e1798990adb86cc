import { describe, expect, it } from 'vitest';
import {
  MAX_BLOCKS,
  MAX_SECTION_CHARS,
  escapeMrkdwn,
  renderFailure,
  renderPlaceholder,
  renderReport,
} from '../../adapters/slack/render.js';
import { resultButtons } from '../../src/pipeline/result-actions.js';
import { viewOf, type ItemResult } from '../../src/domain/types.js';
import { CAVEAT, SIMULATED_MARK } from '../../src/check/wording.js';
import { ref, report as checkReport, verdict } from '../helpers/reports.js';

/** A report as the pipeline hands it to a renderer: a view, without live references. */
const report = (...args: Parameters<typeof checkReport>): ReturnType<typeof viewOf> =>
  viewOf(checkReport(...args));
import { blockText } from './rig.js';

describe('Slack rendering of a report', () => {
  it('gives each file its band, emoji, percentage, time and cached mark, then the caveat and who asked', () => {
    const message = renderReport(
      report([
        verdict('fake.png', 0.93),
        verdict('maybe.jpg', 0.62, { cached: true }),
        verdict('real.webp', 0.08),
      ]),
      { requestedBy: 'U0ALICE' },
    );
    const text = blockText(message);
    expect(text).toMatch(/:red_circle: \*fake\.png\*\n\*Strong evidence of AI generation\* · 93% /);
    expect(text).toMatch(
      /:large_orange_circle: \*maybe\.jpg\*\n\*Some evidence of AI generation\* · 62% .* · cached/,
    );
    expect(text).toMatch(/:large_green_circle: \*real\.webp\*\n\*Little evidence of AI generation\* · 8% /);
    expect(text).toContain('45 ms');
    expect(text).toContain(CAVEAT);
    expect(text).toContain('Requested by <@U0ALICE>');
    expect(text).not.toContain('SIMULATED');
    expect(message.text).toContain('3 files');
  });

  it('marks every verdict of a repeated answer as cached, and leaves errors as they were', () => {
    const failed: ItemResult = {
      ref: ref('x.pdf'),
      error: { code: 'unsupported_type', message: 'Not media.' },
    };
    const text = blockText(renderReport(report([verdict('again.png', 0.9), failed]), { repeat: true }));
    expect(text).toMatch(/again\.png\*\n\*Strong evidence of AI generation\* · 90% .* · cached/);
    expect(text).toContain('x.pdf*\nCould not check: Not media.');
  });

  it('marks simulated verdicts', () => {
    const text = blockText(renderReport(report([verdict('a.png', 0.4, { simulated: true })])));
    expect(text).toContain(SIMULATED_MARK);
  });

  it('says in plain words why a file could not be checked', () => {
    const failed: ItemResult = {
      ref: ref('notes.pdf'),
      error: { code: 'unsupported_type', message: 'This file is not an image or video BitMind can check.' },
    };
    const text = blockText(renderReport(report([failed, verdict('ok.png', 0.1)])));
    expect(text).toContain(
      ':warning: *notes.pdf*\nCould not check: This file is not an image or video BitMind can check.',
    );
  });

  it('escapes user-controlled names so they cannot mention, link or format', () => {
    const text = blockText(
      renderReport(report([verdict('<!channel> & <https://evil.example|click>.png', 0.2)])),
    );
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;.png');
    expect(text).not.toContain('<!channel>');
    const fallback = renderReport(report([verdict('<!here>.png', 0.2)])).text;
    expect(fallback).not.toContain('<!here>');
  });

  it('shortens very long names', () => {
    const text = blockText(renderReport(report([verdict(`${'x'.repeat(500)}.png`, 0.2)])));
    expect(text).toContain(`${'x'.repeat(79)}…`);
    expect(text).not.toContain('x'.repeat(100));
  });

  it('stays within Block Kit limits for many files, counting the rest as "and N more"', () => {
    const items = Array.from({ length: 120 }, (_, i) => verdict(`file-${i}.png`, i % 2 === 0 ? 0.9 : 0.1));
    const message = renderReport(report(items, { skipped: 7 }), { requestedBy: 'U1' });
    expect(message.blocks!.length).toBeLessThanOrEqual(MAX_BLOCKS);
    const text = blockText(message);
    expect(text).toContain('file-39.png');
    expect(text).not.toContain('file-40.png');
    expect(text).toContain('…and 80 more files: 40 with evidence of AI generation.');
    expect(text).toContain('7 more files were not checked: too many in one request.');
    for (const block of message.blocks!) {
      if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    }
  });

  it('keeps a long error message inside the section limit', () => {
    const failed: ItemResult = {
      ref: ref('a.png'),
      error: { code: 'download_failed', message: 'y'.repeat(10_000) },
    };
    const message = renderReport(report([failed]));
    const section = message.blocks![0]!;
    expect(section.type === 'section' && section.text!.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
  });

  it('has a placeholder and a whole-request failure in plain words', () => {
    expect(renderPlaceholder(2, { requestedBy: 'U1' }).text).toBe('Checking 2 files…');
    const failure = renderFailure('BitMind is not answering.', { requestedBy: 'U1' });
    expect(failure.text).toBe('BitMind could not finish this check: BitMind is not answering.');
    expect(blockText(failure)).toContain('Requested by <@U1>');
  });

  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & b < c > d *e*')).toBe('a &amp; b &lt; c &gt; d *e*');
  });
});

describe('the Block Kit a reader sees: a result with its buttons (adapters/slack/fixtures/rendered/)', () => {
  const RESULT_ID = '6f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5';

  it('matches the committed fixture (regenerate with vitest -u after a deliberate change)', async () => {
    const message = renderReport(report([verdict('moon.png', 0.93), verdict('beach.jpg', 0.12)]), {
      requestedBy: 'U0ALICE',
      result: resultButtons(RESULT_ID, false),
    });
    const actions = message.blocks!.at(-1) as { type: string; elements: Array<{ action_id: string }> };
    expect(actions.type).toBe('actions');
    expect(actions.elements.map((e) => e.action_id)).toEqual([
      `bm:r:${RESULT_ID}`,
      `bm:w:${RESULT_ID}`,
      `bm:d:${RESULT_ID}`,
    ]);
    await expect(`${JSON.stringify(message, null, 2)}\n`).toMatchFileSnapshot(
      '../../adapters/slack/fixtures/rendered/result-with-buttons.json',
    );
  });

  it('has no buttons without a result (a failure)', () => {
    const message = renderReport(report([verdict('moon.png', 0.93)]));
    expect(message.blocks!.some((b) => b.type === 'actions')).toBe(false);
  });
});
