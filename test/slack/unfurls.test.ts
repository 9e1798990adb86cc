import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/index.js';
import { blockText, finalReply, pngScored, startSlackRig, type SlackRig } from './rig.js';

/** A web server on loopback (allowed here by ALLOW_PRIVATE_URLS) with the page's picture; logs what it was sent. */
async function servePicture(): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const body = pngScored(0.64);
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/og/aurora.png`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('Slack link unfurls are checked like files', () => {
  let slack: FakeSlack;
  let rig: SlackRig;
  let picture: Awaited<ReturnType<typeof servePicture>>;

  beforeAll(async () => {
    slack = await startFakeSlack({ pingIntervalMs: 1000 });
    picture = await servePicture();
    rig = await startSlackRig({
      mode: 'socket',
      slack,
      env: { ALLOW_PRIVATE_URLS: 'true', AUTOSCAN_CHANNELS: `slack:${slack.channels.general}=all` },
    });
  });
  afterAll(async () => {
    await rig?.close();
    await slack?.close();
    await picture?.close();
  });

  it('the edit that adds an unfurl image to a message without files is auto-scanned once, in its thread, without the token', async () => {
    const general = slack.channels.general;
    const message = slack.postMessage({
      channel: general,
      user: slack.users.alice.id,
      text: 'aurora tonight',
    });
    await slack.sendMessageEvent(message);
    await rig.idle();
    expect(slack.threadReplies(general, message.ts)).toEqual([]);

    await slack.unfurl(message, [
      {
        from_url: 'https://news.example/aurora',
        image_url: picture.url,
        thumb_url: `${picture.url}?small`,
        id: 1,
      },
    ]);
    expect(blockText(await finalReply(slack, general, message.ts))).toContain('64%');
    // Another edit (the words changed) carries the unfurl again: the message was checked already.
    await slack.unfurl(message, [{ from_url: 'https://news.example/aurora', image_url: picture.url, id: 1 }]);
    await rig.idle();
    expect(slack.threadReplies(general, message.ts)).toHaveLength(1);
    expect(picture.seen).toHaveLength(1);
    expect(picture.seen[0]!.authorization).toBeUndefined();
  });
});
