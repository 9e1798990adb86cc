import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHANNEL_SETTINGS,
  DEFAULT_WORKSPACE_SETTINGS,
  type SettingsStore,
} from '../../src/settings/store.js';

/** Workspaces the tests use. */
const SLACK = { platform: 'slack', workspace: 'T1' };
const DISCORD = { platform: 'discord', workspace: 'G1' };

/**
 * The contract every SettingsStore keeps, embedded and shared alike. `open(place)` opens a store
 * on the storage named `place` (a directory, a key prefix): the same place twice is the same
 * storage seen by a second store, as after a restart or from another instance.
 */
export function settingsStoreContract(
  name: string,
  open: (place: string) => Promise<SettingsStore> | SettingsStore,
): void {
  describe(`${name}: the settings store contract`, () => {
    let n = 0;
    /** A storage no other test of this run uses. */
    const place = () => `contract-${Date.now()}-${++n}`;

    it('answers the defaults for a channel never configured', async () => {
      const store = await open(place());
      expect(await store.get(SLACK, 'C1')).toEqual(DEFAULT_CHANNEL_SETTINGS);
    });

    it('applies a patch over what was there, returns the result, and keeps it for a second store', async () => {
      const where = place();
      const store = await open(where);
      expect(await store.update(SLACK, 'C1', { autoscan: true })).toEqual({
        ...DEFAULT_CHANNEL_SETTINGS,
        autoscan: true,
      });
      const after = await store.update(SLACK, 'C1', { replyMode: 'all', triggerReaction: 'eyes' });
      expect(after).toEqual({ autoscan: true, replyMode: 'all', triggerReaction: 'eyes' });
      expect(await store.get(SLACK, 'C1')).toEqual(after);
      expect(await (await open(where)).get(SLACK, 'C1')).toEqual(after);
    });

    it('puts a trigger reaction back to the default when the patch says undefined', async () => {
      const store = await open(place());
      await store.update(DISCORD, '42', { triggerReaction: '👀' });
      await store.update(DISCORD, '42', { triggerReaction: undefined });
      expect(await store.get(DISCORD, '42')).toEqual(DEFAULT_CHANNEL_SETTINGS);
    });

    it('keeps platforms and channels apart', async () => {
      const store = await open(place());
      await store.update(SLACK, 'C1', { autoscan: true });
      expect(await store.get(DISCORD, 'C1')).toEqual(DEFAULT_CHANNEL_SETTINGS);
      expect(await store.get(SLACK, 'C2')).toEqual(DEFAULT_CHANNEL_SETTINGS);
    });

    it('loses neither of two changes to one channel made at once', async () => {
      const store = await open(place());
      await Promise.all([
        store.update(SLACK, 'C1', { autoscan: true }),
        store.update(SLACK, 'C1', { replyMode: 'silent' }),
        store.update(SLACK, 'C1', { triggerReaction: 'mag' }),
      ]);
      expect(await store.get(SLACK, 'C1')).toEqual({
        autoscan: true,
        replyMode: 'silent',
        triggerReaction: 'mag',
      });
    });

    it('seeds auto-scan where nothing was chosen, and never over a choice made since', async () => {
      const where = place();
      const store = await open(where);
      await store.update(SLACK, 'C2', { autoscan: false });
      const seeds = [
        { platform: 'slack', channelId: 'C1', replyMode: 'all' },
        { platform: 'slack', channelId: 'C2', replyMode: 'all' },
      ] as const;
      await store.seed(seeds);
      expect(await store.get(SLACK, 'C1')).toEqual({
        ...DEFAULT_CHANNEL_SETTINGS,
        autoscan: true,
        replyMode: 'all',
      });
      expect(await store.get(SLACK, 'C2')).toEqual(DEFAULT_CHANNEL_SETTINGS);
      await store.update(SLACK, 'C1', { autoscan: false });
      // A restart seeds again: the moderator's choice stands.
      const restarted = await open(where);
      await restarted.seed(seeds);
      expect(await restarted.get(SLACK, 'C1')).toMatchObject({ autoscan: false, replyMode: 'all' });
    });
    it('keeps the same channel id in two workspaces apart', async () => {
      const store = await open(place());
      const other = { platform: 'slack', workspace: 'T2' };
      await store.update(SLACK, 'C1', { autoscan: true });
      expect(await store.get(other, 'C1')).toEqual(DEFAULT_CHANNEL_SETTINGS);
      await store.update(other, 'C1', { replyMode: 'silent' });
      expect(await store.get(SLACK, 'C1')).toMatchObject({ autoscan: true, replyMode: 'flagged' });
    });

    it('applies a seed without a workspace wherever the channel turns up, and one with a workspace only there', async () => {
      const store = await open(place());
      await store.seed([
        { platform: 'slack', channelId: 'C1', replyMode: 'all' },
        { platform: 'slack', workspace: 'T1', channelId: 'C2', replyMode: 'silent' },
      ]);
      const other = { platform: 'slack', workspace: 'T2' };
      expect(await store.get(other, 'C1')).toMatchObject({ autoscan: true, replyMode: 'all' });
      expect(await store.get(SLACK, 'C2')).toMatchObject({ autoscan: true, replyMode: 'silent' });
      expect(await store.get(other, 'C2')).toEqual(DEFAULT_CHANNEL_SETTINGS);
      // A change in one workspace starts from the seed and stays there.
      await store.update(other, 'C1', { replyMode: 'flagged' });
      expect(await store.get(other, 'C1')).toMatchObject({ autoscan: true, replyMode: 'flagged' });
      expect(await store.get(SLACK, 'C1')).toMatchObject({ autoscan: true, replyMode: 'all' });
    });

    it('keeps workspace settings apart from channels and from other workspaces, for a second store too', async () => {
      const where = place();
      const store = await open(where);
      expect(await store.workspace(DISCORD)).toEqual(DEFAULT_WORKSPACE_SETTINGS);
      await store.updateWorkspace(DISCORD, { modlog: '77' });
      const after = await store.updateWorkspace(DISCORD, { moderatorRoles: ['5', '6'] });
      expect(after).toEqual({ modlog: '77', moderatorRoles: ['5', '6'] });
      expect(await (await open(where)).workspace(DISCORD)).toEqual(after);
      expect(await store.workspace({ platform: 'discord', workspace: 'G2' })).toEqual(
        DEFAULT_WORKSPACE_SETTINGS,
      );
      expect(await store.updateWorkspace(DISCORD, { modlog: undefined })).toEqual({
        modlog: undefined,
        moderatorRoles: ['5', '6'],
      });
    });

    it('lists the channels of one workspace with the settings in force there, seeds included', async () => {
      const where = place();
      const store = await open(where);
      const other = { platform: 'slack', workspace: 'T2' };
      await store.seed([
        { platform: 'slack', channelId: 'C9', replyMode: 'all' },
        { platform: 'slack', workspace: 'T2', channelId: 'C8', replyMode: 'all' },
        { platform: 'discord', channelId: '42', replyMode: 'all' },
      ]);
      await store.update(SLACK, 'C2', { autoscan: true, replyMode: 'silent' });
      await store.update(SLACK, 'C9', { replyMode: 'flagged' });
      await store.update(other, 'C1', { autoscan: true });
      expect(await (await open(where)).channels(SLACK)).toEqual([
        { channel: 'C2', settings: { autoscan: true, replyMode: 'silent', triggerReaction: undefined } },
        { channel: 'C9', settings: { autoscan: true, replyMode: 'flagged', triggerReaction: undefined } },
      ]);
      expect((await store.channels(other)).map((c) => c.channel)).toEqual(['C1', 'C8', 'C9']);
      expect(await store.channels({ platform: 'discord', workspace: 'G9' })).toEqual([
        { channel: '42', settings: { autoscan: true, replyMode: 'all', triggerReaction: undefined } },
      ]);
    });

    it('lists the workspaces of a platform that hold settings of their own, not seeds’ nor other platforms’', async () => {
      const where = place();
      const store = await open(where);
      expect(await store.workspaces('discord')).toEqual([]);
      await store.seed([
        { platform: 'discord', channelId: '42', replyMode: 'all' },
        { platform: 'discord', workspace: 'G7', channelId: '43', replyMode: 'all' },
      ]);
      await store.update(DISCORD, '44', { autoscan: true });
      await store.updateWorkspace({ platform: 'discord', workspace: 'G3' }, { modlog: '9' });
      await store.update(SLACK, 'C1', { autoscan: true });
      expect(await (await open(where)).workspaces('discord')).toEqual(['G1', 'G3', 'G7']);
      expect(await store.workspaces('slack')).toEqual(['T1']);
      await store.forget(DISCORD);
      expect(await store.workspaces('discord')).toEqual(['G3', 'G7']);
    });

    it('forgets every setting of one workspace and nothing of another, keeping seeds', async () => {
      const where = place();
      const store = await open(where);
      const other = { platform: 'slack', workspace: 'T2' };
      await store.seed([{ platform: 'slack', channelId: 'C9', replyMode: 'all' }]);
      await store.update(SLACK, 'C1', { autoscan: true });
      await store.update(SLACK, 'C9', { replyMode: 'silent' });
      await store.updateWorkspace(SLACK, { modlog: 'C5' });
      await store.update(other, 'C1', { autoscan: true });
      await store.forget(SLACK);
      const later = await open(where);
      expect(await later.get(SLACK, 'C1')).toEqual(DEFAULT_CHANNEL_SETTINGS);
      expect(await later.get(SLACK, 'C9')).toMatchObject({ autoscan: true, replyMode: 'all' });
      expect(await later.workspace(SLACK)).toEqual(DEFAULT_WORKSPACE_SETTINGS);
      expect(await later.get(other, 'C1')).toMatchObject({ autoscan: true });
    });
  });
}
