import { createServer, type Server } from 'node:http';
import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4 } from '../helpers/media-samples.js';
import { waitFor } from '../helpers/wait.js';
import { pngScored, startDiscordRig, type DiscordRig } from './rig.js';

let rig: DiscordRig;
let media: { origin: string; paths: string[]; close(): Promise<void> };

/** Link previews' media, served on loopback (allowed here by ALLOW_PRIVATE_URLS), each request logged. */
async function serveMedia(files: Record<string, [body: Buffer, type: string]>): Promise<typeof media> {
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '');
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[1], 'content-length': String(file[0].length) }).end(file[0]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const scored = (score: number): Buffer => Buffer.concat([mp4(), Buffer.from(`bitmind-sim-score=${score}`)]);

beforeAll(async () => {
  rig = await startDiscordRig({ ALLOW_PRIVATE_URLS: 'true' });
  media = await serveMedia({
    '/photo.png': [pngScored(0.31), 'image/png'],
    '/cat-typing.png': [pngScored(0.05), 'image/png'],
    '/cat-typing.mp4': [scored(0.88), 'video/mp4'],
    '/aurora.jpg': [pngScored(0.42), 'image/png'],
  });
  const { fake } = rig;
  const enable = fake.slashCommand({
    channelId: fake.channels.general.id,
    user: fake.users.moderator,
    name: 'bitmind',
    path: ['autoscan', 'enable'],
    options: { mode: 'all' },
  });
  await waitFor(() => fake.interactionCalls(enable).find((c) => c.method === 'PATCH'), {
    what: 'auto-scan turned on',
  });
});
afterAll(async () => {
  await rig.close();
  await media.close();
});

function post(content: string, embeds: APIEmbed[] = []): APIMessage {
  const { fake } = rig;
  return fake.postMessage({ channelId: fake.channels.general.id, author: fake.users.alice, content, embeds });
}

/** The one answer to a message once the bot is idle, as text; none, or a second one, fails the test. */
async function answerTo(message: APIMessage): Promise<string> {
  await rig.settled();
  const answers = rig.fake.answersTo(message.id);
  expect(answers).toHaveLength(1);
  return JSON.stringify(answers[0]!.embeds);
}

const simCalls = () => rig.core.sim.requests.filter((r) => r.path === '/image' || r.path === '/video');

describe('Discord embeds are checked like attachments', () => {
  it('a message whose only medium is an image embed is auto-scanned, once, in reply to it', async () => {
    const url = `${media.origin}/photo.png`;
    const before = simCalls().length;
    const message = post(url, [{ type: 'image' as APIEmbed['type'], url, thumbnail: { url } }]);
    expect(await answerTo(message)).toContain('31%');
    expect(
      simCalls()
        .slice(before)
        .map((r) => [r.path, r.fileTypes]),
    ).toEqual([['/image', ['image/png']]]);
  });

  it('a gifv embed that arrives in MESSAGE_UPDATE: its MP4 is checked, not its still, and only once', async () => {
    const gifv = {
      type: 'gifv' as APIEmbed['type'],
      url: 'https://tenor.com/view/cat-typing-gif-12002364',
      thumbnail: { url: `${media.origin}/cat-typing.png` },
      video: { url: `${media.origin}/cat-typing.mp4` },
    };
    const before = simCalls().length;
    const message = post('https://tenor.com/view/cat-typing-gif-12002364');
    await rig.settled();
    expect(rig.fake.answersTo(message.id)).toHaveLength(0);
    rig.fake.addEmbeds(message, [gifv]);
    expect(await answerTo(message)).toContain('88%');
    // An edit sends the embeds again, whole: the message was checked already.
    rig.fake.addEmbeds(message, [gifv], { whole: true });
    expect(await answerTo(message)).toContain('88%');
    expect(
      simCalls()
        .slice(before)
        .map((r) => [r.path, r.fileTypes]),
    ).toEqual([['/video', ['video/mp4']]]);
    expect(media.paths.filter((p) => p.startsWith('/cat-typing'))).toEqual(['/cat-typing.mp4']);
  });

  it('a link with a thumbnail, checked with the reaction, in reply to the message', async () => {
    const { fake } = rig;
    const message = fake.postMessage({
      channelId: fake.channels.random.id,
      author: fake.users.alice,
      content: 'https://news.example/aurora',
      embeds: [
        {
          type: 'article' as APIEmbed['type'],
          url: 'https://news.example/aurora',
          title: 'Northern lights',
          thumbnail: { url: `${media.origin}/aurora.jpg` },
        },
      ],
    });
    fake.react({
      channelId: fake.channels.random.id,
      messageId: message.id,
      user: fake.users.moderator,
      emoji: '🔍',
    });
    expect(await answerTo(message)).toContain('42%');
    expect(media.paths.filter((p) => p === '/aurora.jpg')).toHaveLength(1);
  });
});
