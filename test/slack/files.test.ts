import { describe, expect, it } from 'vitest';
import { isTrustedFileUrl, mediaFiles, slackFileIdOf } from '../../adapters/slack/files.js';

const API = 'http://127.0.0.1:4000/api/';

describe('Slack files: where the bot token may go', () => {
  it.each([
    ['https://files.slack.com/files-pri/T1-F1/a.png', true],
    ['http://127.0.0.1:4000/files-pri/T1-F1/a.png', true],
    ['http://files.slack.com/files-pri/T1-F1/a.png', false],
    ['https://files.slack.com:8443/files-pri/T1-F1/a.png', false],
    ['https://files.slack.com.evil.example/a.png', false],
    ['http://localhost:4000/files-pri/T1-F1/a.png', false],
    ['http://127.0.0.1:4001/files-pri/T1-F1/a.png', false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedFileUrl(url, API)).toBe(trusted);
  });

  it("trusts the file host of the configured Web API's own domain, as GovSlack's", () => {
    const gov = 'https://slack-gov.com/api/';
    expect(isTrustedFileUrl('https://files.slack-gov.com/files-pri/T1-F1/a.png', gov)).toBe(true);
    expect(isTrustedFileUrl('https://files.slack-gov.com/files-pri/T1-F1/a.png', API)).toBe(false);
    expect(isTrustedFileUrl('http://files.slack-gov.com/files-pri/T1-F1/a.png', gov)).toBe(false);
    expect(isTrustedFileUrl('https://files.slack-gov.com.evil.example/a.png', gov)).toBe(false);
  });
});

describe('Slack files: links and media', () => {
  it('finds the file id in permalinks and files-pri URLs, and nowhere else', () => {
    expect(slackFileIdOf('https://acme.slack.com/files/U0ALICE/F0ABC123/photo.png')).toBe('F0ABC123');
    expect(slackFileIdOf('https://files.slack.com/files-pri/T0TEAM-F0ABC123/photo.png')).toBe('F0ABC123');
    expect(slackFileIdOf('https://example.com/files/U0ALICE/F0ABC123/photo.png')).toBeUndefined();
    expect(slackFileIdOf('https://acme.slack.com/archives/C1/p123')).toBeUndefined();
    expect(slackFileIdOf('nonsense')).toBeUndefined();
  });

  it('takes images and videos, auto-scan only the types BitMind reads, never external or deleted files', () => {
    const message = {
      ts: '1.1',
      files: [
        { id: 'F1', mimetype: 'image/png' },
        { id: 'F2', mimetype: 'image/gif' },
        { id: 'F3', mimetype: 'application/pdf' },
        { id: 'F4', mimetype: 'video/mp4' },
        { id: 'F5', mimetype: 'image/png', mode: 'external' },
        { id: 'F6', mimetype: 'image/png', mode: 'tombstone' },
        { id: 'F7', file_access: 'check_file_info' },
      ],
    };
    expect(mediaFiles(message, 'explicit').map((f) => f.id)).toEqual(['F1', 'F2', 'F4', 'F7']);
    expect(mediaFiles(message, 'autoscan').map((f) => f.id)).toEqual(['F1', 'F4', 'F7']);
  });
});
