import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/domain/types.js';
import type { Place } from '../../src/pipeline/trigger.js';
import { FakeAuditLog, FakePort, pipelineWorld, png, trigger } from './fakes.js';

/** A platform that links to its messages, as Slack and Discord do. */
class LinkingPort extends FakePort {
  messageLink(p: Place): string | undefined {
    return p.message === undefined ? undefined : `https://chat.example/${p.channel}/${p.message}`;
  }
}

describe('the audit trail of the pipeline', () => {
  it('records each finished check: where, who, how asked, and per medium its verdict, never its name', async () => {
    const audit = new FakeAuditLog();
    const world = pipelineWorld({ audit, port: new LinkingPort() });
    await world.send(trigger({ user: 'U7', media: [png('0.95.png'), png('0.2.png')] }));
    expect(audit.entries).toEqual([
      {
        type: 'check',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        platform: 'fake',
        workspace: 'W1',
        channel: 'C1',
        resultId: world.checker.requests[0]?.id,
        link: 'https://chat.example/C1/M1',
        asker: 'U7',
        trigger: 'command',
        items: [
          { kind: 'image', band: 'strong', confidence: 0.95, cached: false },
          { kind: 'image', band: 'little', confidence: 0.2, cached: false },
        ],
      },
    ]);
    expect(JSON.stringify(audit.entries)).not.toContain('.png');
  });

  it('records a check that failed as a whole with the error code of each medium, and no link where there is none', async () => {
    const audit = new FakeAuditLog();
    const world = pipelineWorld({ audit });
    world.checker.failWith = new CheckError('unavailable', 'BitMind is unavailable');
    await world.send(trigger({ kind: 'shortcut', media: [png('a.png'), png('b.png')] }));
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      trigger: 'shortcut',
      items: [
        { kind: 'unknown', error: 'unavailable' },
        { kind: 'unknown', error: 'unavailable' },
      ],
    });
    expect(audit.entries[0]).not.toHaveProperty('link');
  });

  it('records nothing for what was never checked: auto-scan off, a duplicate', async () => {
    const audit = new FakeAuditLog();
    const world = pipelineWorld({ audit });
    await world.send(trigger({ kind: 'autoscan' }));
    const once = trigger();
    await world.send(once);
    await world.send(once);
    expect(audit.entries.map((e) => e.type)).toEqual(['check']);
  });

  it('answers even when the trail cannot be written, and says so once in the log', async () => {
    const audit = new FakeAuditLog();
    audit.failing = true;
    const world = pipelineWorld({ audit });
    await world.send(trigger());
    expect(world.port.plans().map((p) => p.kind)).toEqual(['reply']);
    expect(world.logLines.filter((l) => l.includes('could not be recorded in the audit trail'))).toHaveLength(
      1,
    );
  });
});
