import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { FileSettingsStore } from '../../src/settings/file-store.js';
import { settingsStoreContract } from './contract.js';

const root = mkdtempSync(join(tmpdir(), 'bitmind-settings-contract-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

settingsStoreContract('a JSON file under DATA_DIR', (place) => new FileSettingsStore(join(root, place)));
