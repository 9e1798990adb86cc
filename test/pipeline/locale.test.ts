import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/domain/types.js';
import { t } from '../../src/i18n/i18n.js';
import type { ReplyPlan } from '../../src/pipeline/plan.js';
import type { Trigger } from '../../src/pipeline/trigger.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { FakePort, pipelineWorld, place, trigger } from './fakes.js';

/** A platform whose events do not carry the reader's language (as Slack's): it is asked for it. */
class AskingPort extends FakePort {
  readonly lookups: string[] = [];
  readonly answeredIn: (string | undefined)[] = [];
  /** The language each user has; a user missing here makes the lookup fail. */
  languages: Record<string, string | undefined> = { U1: 'fr-FR', U2: 'ja-JP', U3: undefined };

  readerLocale(_workspace: string, user: string): Promise<string | undefined> {
    this.lookups.push(user);
    if (!(user in this.languages)) return Promise.reject(new Error('users.info failed'));
    return Promise.resolve(this.languages[user]);
  }

  override deliver(trigger: Trigger, plan: ReplyPlan, placeholder?: Record<string, string>): Promise<void> {
    this.answeredIn.push(trigger.locale);
    return super.deliver(trigger, plan, placeholder);
  }
}

describe('the language of an answer', () => {
  it('is the asker’s, looked up once a trigger is answered and remembered per person', async () => {
    const port = new AskingPort();
    const world = pipelineWorld({ port });
    world.checker.failWith = new CheckError('blocked_url', 'That address is not allowed: 10.0.0.1.');
    await world.send(trigger({ user: 'U1' }));
    await world.send(trigger({ user: 'U1' }));
    await world.send(trigger({ user: 'U2' }));
    expect(port.lookups).toEqual(['U1', 'U2']);
    expect(port.answeredIn).toEqual(['fr', 'fr', 'ja']);
    const failures = port
      .plans()
      .map((p) => (p.kind === 'reply' && p.body.kind === 'failure' ? p.body.text : ''));
    expect(failures).toEqual([
      t('fr', 'error.blocked_url'),
      t('fr', 'error.blocked_url'),
      t('ja', 'error.blocked_url'),
    ]);
  });

  it('is not looked up for what is not answered, nor for auto-scan (the place’s language)', async () => {
    const port = new AskingPort();
    const world = pipelineWorld({ port });
    await world.settings.update(place(), 'C1', { autoscan: true, replyMode: 'all' });
    await world.send(trigger({ kind: 'reaction', user: 'U1', reaction: ['thumbsup'], media: undefined }));
    await world.send(trigger({ kind: 'autoscan', user: 'U1', audienceLocale: 'de' }));
    expect(port.lookups).toEqual([]);
    expect(port.answeredIn).toEqual([undefined]);
  });

  it('speaks English when the platform names none (remembered) or cannot be asked (asked again)', async () => {
    const port = new AskingPort();
    const world = pipelineWorld({ port });
    await world.tasks.drain(1000);
    await world.send(trigger({ user: 'U3' }));
    await world.send(trigger({ user: 'U3' }));
    await world.send(trigger({ user: 'U9' }));
    await world.send(trigger({ user: 'U9' }));
    expect(port.lookups).toEqual(['U3', 'U9', 'U9']);
    expect(port.plans()).toEqual(Array(4).fill({ kind: 'refusal', text: t('en', 'failure.restarting') }));
    expect(world.logLines.filter((l) => l.includes('could not be looked up'))).toHaveLength(2);
  });

  it('travels with an owed answer to the next start', async () => {
    const state = new MemoryStateStore();
    const first = new AskingPort();
    first.refuseDeliveries = true;
    await pipelineWorld({ state, port: first }).send(trigger({ user: 'U2' }));
    const next = new AskingPort();
    const world = pipelineWorld({ state, port: next });
    expect(await world.pipeline.resume()).toBe(1);
    await world.pipeline.idle();
    expect(next.answeredIn).toEqual(['ja']);
    expect(next.lookups).toEqual([]);
  });

  it('answers an owed job in English when another version wrote a language this one lacks', async () => {
    const state = new MemoryStateStore();
    const job = { id: 'j1', trigger: { ...trigger({ user: 'U1' }), locale: 'it' }, media: [], mode: 'all' };
    await state.set('owed:j1', JSON.stringify({ ...job, media: job.trigger.media }), 60_000);
    const port = new AskingPort();
    const world = pipelineWorld({ state, port });
    expect(await world.pipeline.resume()).toBe(1);
    await world.pipeline.idle();
    expect(port.answeredIn).toEqual(['en']);
  });

  it('is forgotten with a workspace the bot leaves, and asked again if it comes back', async () => {
    const port = new AskingPort();
    const world = pipelineWorld({ port });
    const other = place({ workspace: 'W2' });
    await world.send(trigger({ user: 'U1' }));
    await world.send(trigger({ user: 'U1', place: other }));
    const remembered = async () => (await world.state.entries('locale:')).map(([key]) => key).sort();
    expect(await remembered()).toEqual(['locale:fake:W1:U1', 'locale:fake:W2:U1']);

    await world.pipeline.forget(place());
    expect(await remembered()).toEqual(['locale:fake:W2:U1']);
    await world.send(trigger({ user: 'U1' }));
    expect(port.lookups).toEqual(['U1', 'U1', 'U1']);
  });
});
