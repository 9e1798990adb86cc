import { describe, expect, it } from 'vitest';
import { fileSpec, messageSpecs, slackFileIdOf, slackMessageLinkOf } from '../../adapters/slack/files.js';
import { fileInfoSchema } from '../../adapters/slack/schemas.js';
import { isVisibleAt } from '../../adapters/slack/visibility.js';
import { isSlackHost } from '../../adapters/slack/slack-hosts.js';

const isTrustedFileUrl = (url: string, api: string) => isSlackHost(url, api, 'files');
const isTrustedResponseUrl = (url: string, api: string) => isSlackHost(url, api, 'hooks');
import { isCheckable } from '../../src/pipeline/checkable.js';
import type { MediaSpec } from '../../src/pipeline/trigger.js';
import { convertible, READ_AS_IS } from '../../src/domain/media-types.js';

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

  it('reads a message permalink as its channel and ts, and nothing else as one', () => {
    expect(slackMessageLinkOf('https://acme.slack.com/archives/C0GENERAL/p1700000001000001')).toEqual({
      channel: 'C0GENERAL',
      ts: '1700000001.000001',
    });
    expect(
      slackMessageLinkOf('https://acme.slack.com/archives/G0PRIV/p1700000002000002?thread_ts=1.2&cid=G0PRIV'),
    ).toEqual({ channel: 'G0PRIV', ts: '1700000002.000002' });
    expect(slackMessageLinkOf('https://example.com/archives/C0GENERAL/p1700000001000001')).toBeUndefined();
    expect(slackMessageLinkOf('https://acme.slack.com/archives/C0GENERAL')).toBeUndefined();
    expect(slackMessageLinkOf('https://acme.slack.com/files/U0ALICE/F0ABC123/photo.png')).toBeUndefined();
    expect(slackMessageLinkOf('nonsense')).toBeUndefined();
  });

  it('lets a file be answered about only where it is shared, or as a public file of the same workspace', () => {
    const here = { teamId: 'T1', channelId: 'C1' };
    const file = (fields: Record<string, unknown>) => fileInfoSchema.parse({ id: 'F1', ...fields });
    expect(isVisibleAt(file({ channels: ['C1'] }), here)).toBe(true);
    expect(isVisibleAt(file({ groups: ['C1'] }), here)).toBe(true);
    expect(isVisibleAt(file({ ims: ['C1'] }), here)).toBe(true);
    expect(isVisibleAt(file({ shares: { private: { C1: [{ ts: '1.2' }] } } }), here)).toBe(true);
    expect(isVisibleAt(file({ is_public: true, user_team: 'T1', channels: ['C2'] }), here)).toBe(true);
    expect(isVisibleAt(file({ groups: ['G2'] }), here)).toBe(false);
    expect(isVisibleAt(file({ ims: ['D2'], channels: [] }), here)).toBe(false);
    expect(isVisibleAt(file({ is_public: true, user_team: 'T2', channels: ['C2'] }), here)).toBe(false);
    expect(isVisibleAt(file({ is_public: true }), here)).toBe(false);
    expect(isVisibleAt(file({}), here)).toBe(false);
    expect(() => file({ channels: 'C1' })).toThrow();
  });

  it('gives every image and video (by type or by name) as a spec, never external, deleted or other files', () => {
    const message = {
      ts: '1.1',
      files: [
        { id: 'F1', mimetype: 'image/png', name: 'a.png' },
        { id: 'F2', mimetype: 'image/gif', name: 'dance.gif' },
        { id: 'F3', mimetype: 'application/pdf', name: 'notes.pdf' },
        { id: 'F4', mimetype: 'video/mp4', name: 'clip.mp4' },
        { id: 'F5', mimetype: 'image/png', mode: 'external' },
        { id: 'F6', mimetype: 'image/png', mode: 'tombstone' },
        { id: 'F7', file_access: 'check_file_info' },
        { id: 'F8', mimetype: 'application/octet-stream', name: 'holiday.JPG' },
      ],
    };
    const fileIdOf = (s: MediaSpec) => (s.source === 'platform' ? s.locator.fileId : s.url);
    const specs = messageSpecs(message);
    expect(specs.map(fileIdOf)).toEqual(['F1', 'F2', 'F4', 'F7', 'F8']);
    // Which of them auto-scan takes is the core's rule, not the adapter's: the GIF only with conversion.
    expect(specs.filter((s) => isCheckable(s, READ_AS_IS)).map(fileIdOf)).toEqual(['F1', 'F4', 'F7']);
    expect(specs.filter((s) => isCheckable(s, convertible(false))).map(fileIdOf)).toEqual([
      'F1',
      'F2',
      'F4',
      'F7',
    ]);
  });

  it('makes a spec of plain data: claims, the file id, and the download URL only when the event carried it', () => {
    expect(
      fileSpec({
        id: 'F1',
        name: 'a.png',
        mimetype: 'image/png',
        size: 12,
        url_private_download: 'https://files.slack.com/files-pri/T1-F1/download/a.png',
      }),
    ).toEqual({
      source: 'platform',
      name: 'a.png',
      sizeHint: 12,
      mimeHint: 'image/png',
      locator: { fileId: 'F1', url: 'https://files.slack.com/files-pri/T1-F1/download/a.png' },
    });
    // A Slack Connect stub: files.info completes it when the file is opened.
    expect(fileSpec({ id: 'F2', file_access: 'check_file_info', url_private_download: 'x' })).toEqual({
      source: 'platform',
      name: 'F2',
      locator: { fileId: 'F2' },
    });
  });
});

describe('Slack unfurls: the picture a link preview shows', () => {
  it('takes the full-size image, else the video, else the thumbnail, once each, web addresses only', () => {
    const specs = messageSpecs({
      ts: '1.1',
      attachments: [
        { image_url: 'https://a.example/full.png', thumb_url: 'https://a.example/small.png' },
        { video_url: 'https://a.example/clip.mp4', thumb_url: 'https://a.example/poster.jpg' },
        { thumb_url: 'https://a.example/only.jpg?sig=secret' },
        { image_url: 'https://a.example/full.png' },
        { image_url: 'http://[not a host' },
        { thumb_url: 'javascript:alert(1)' },
        {},
      ],
    });
    expect(specs).toEqual([
      { source: 'link', url: 'https://a.example/full.png', name: 'a.example/full.png' },
      { source: 'link', url: 'https://a.example/clip.mp4', name: 'a.example/clip.mp4' },
      { source: 'link', url: 'https://a.example/only.jpg?sig=secret', name: 'a.example/only.jpg' },
    ]);
  });
});

describe('Slack response URLs: where an answer may be posted', () => {
  it.each([
    ['https://hooks.slack.com/commands/T1/1/abc', true],
    ['https://hooks.slack-gov.com/commands/T1/1/abc', false],
    ['http://hooks.slack.com/commands/T1/1/abc', false],
    ['https://hooks.slack.com.evil.example/x', false],
    ['http://127.0.0.1:4000/response/1', true],
    ['http://127.0.0.1:4001/response/1', false],
    ['nonsense', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedResponseUrl(url, API)).toBe(trusted);
  });
});
