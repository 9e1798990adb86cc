import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_SETTINGS, type SettingsStore } from '../../src/settings/store.js';

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
      expect(await store.get('slack', 'C1')).toEqual(DEFAULT_CHANNEL_SETTINGS);
    });

    it('applies a patch over what was there, returns the result, and keeps it for a second store', async () => {
      const where = place();
      const store = await open(where);
      expect(await store.update('slack', 'C1', { autoscan: true })).toEqual({
        ...DEFAULT_CHANNEL_SETTINGS,
        autoscan: true,
      });
      const after = await store.update('slack', 'C1', { replyMode: 'all', triggerReaction: 'eyes' });
      expect(after).toEqual({ autoscan: true, replyMode: 'all', triggerReaction: 'eyes' });
      expect(await store.get('slack', 'C1')).toEqual(after);
      expect(await (await open(where)).get('slack', 'C1')).toEqual(after);
    });

    it('puts a trigger reaction back to the default when the patch says undefined', async () => {
      const store = await open(place());
      await store.update('discord', '42', { triggerReaction: '👀' });
      await store.update('discord', '42', { triggerReaction: undefined });
      expect(await store.get('discord', '42')).toEqual(DEFAULT_CHANNEL_SETTINGS);
    });

    it('keeps platforms and channels apart', async () => {
      const store = await open(place());
      await store.update('slack', 'C1', { autoscan: true });
      expect(await store.get('discord', 'C1')).toEqual(DEFAULT_CHANNEL_SETTINGS);
      expect(await store.get('slack', 'C2')).toEqual(DEFAULT_CHANNEL_SETTINGS);
    });

    it('loses neither of two changes to one channel made at once', async () => {
      const store = await open(place());
      await Promise.all([
        store.update('slack', 'C1', { autoscan: true }),
        store.update('slack', 'C1', { replyMode: 'silent' }),
        store.update('slack', 'C1', { triggerReaction: 'mag' }),
      ]);
      expect(await store.get('slack', 'C1')).toEqual({
        autoscan: true,
        replyMode: 'silent',
        triggerReaction: 'mag',
      });
    });

    it('seeds auto-scan where nothing was chosen, and never over a choice made since', async () => {
      const where = place();
      const store = await open(where);
      await store.update('slack', 'C2', { autoscan: false });
      const seeds = [
        { platform: 'slack', channelId: 'C1', replyMode: 'all' },
        { platform: 'slack', channelId: 'C2', replyMode: 'all' },
      ] as const;
      await store.seed(seeds);
      expect(await store.get('slack', 'C1')).toEqual({
        ...DEFAULT_CHANNEL_SETTINGS,
        autoscan: true,
        replyMode: 'all',
      });
      expect(await store.get('slack', 'C2')).toEqual(DEFAULT_CHANNEL_SETTINGS);
      await store.update('slack', 'C1', { autoscan: false });
      // A restart seeds again: the moderator's choice stands.
      const restarted = await open(where);
      await restarted.seed(seeds);
      expect(await restarted.get('slack', 'C1')).toMatchObject({ autoscan: false, replyMode: 'all' });
    });
  });
}
