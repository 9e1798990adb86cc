/**
 * The state of the fake Slack workspace: users, channels, messages (with threads and reactions) and
 * files. The Web API (web-api.ts) reads and writes it; tests seed it and read it back.
 */

export interface FakeUser {
  readonly id: string;
  readonly name: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  readonly is_primary_owner?: boolean;
  readonly is_bot?: boolean;
  /** The user's language (`es-ES`); users.info says it only when asked with `include_locale`. */
  readonly locale?: string;
}

/** A file as Slack describes it in events and files.info. */
export interface SlackFileObject {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly mimetype: string;
  readonly filetype: string;
  readonly size: number;
  readonly mode: string;
  readonly url_private: string;
  readonly url_private_download: string;
  readonly permalink: string;
  readonly user: string;
}

export interface FakeFileSpec {
  readonly name: string;
  readonly mimetype: string;
  readonly bytes: Uint8Array;
  /** The size Slack claims; defaults to the real length (set it higher to test the size limits). */
  readonly size?: number;
  /** Serve Slack's sign-in page instead of the bytes, as Slack does when the token lacks files:read. */
  readonly servedAsHtml?: boolean;
  /** Where url_private_download points; defaults to this fake's own /files-pri/ URL. */
  readonly downloadUrl?: string;
  readonly user?: string;
}

export interface StoredFile {
  readonly object: SlackFileObject;
  readonly bytes: Uint8Array;
  readonly servedAsHtml: boolean;
}

export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly subtype?: string;
  text: string;
  blocks?: unknown[];
  files?: SlackFileObject[];
  /** Link previews Slack unfurled (`image_url`, `video_url`, `thumb_url`…), as its API gives them. */
  attachments?: Record<string, unknown>[];
  /** Reaction name → users who added it. */
  readonly reactions: Map<string, string[]>;
}

export interface FakeWorkspaceOptions {
  readonly teamId?: string;
  readonly domain?: string;
  readonly name?: string;
  /** The Enterprise Grid organisation the workspace belongs to. */
  readonly enterpriseId?: string;
  /** A sequence shared by every workspace of one fake, so ids and timestamps never repeat across them. */
  readonly sequence?: { n: number };
}

export class FakeWorkspace {
  readonly teamId: string;
  readonly domain: string;
  readonly name: string;
  readonly enterpriseId: string | undefined;
  readonly users = new Map<string, FakeUser>();
  /** The Home tab each user was last shown (views.publish), by user id. */
  readonly homeViews = new Map<string, Record<string, unknown>>();
  readonly files = new Map<string, StoredFile>();
  /** Private channels: a file shared there is listed in files.info's `groups`, and is not public. */
  readonly privateChannels = new Set<string>();
  /** Channels the bot may not post in (chat.postMessage answers not_in_channel). */
  readonly channelsWithoutBot = new Set<string>();
  readonly #messages: StoredMessage[] = [];
  readonly #seq: { n: number };

  constructor(
    readonly origin: string,
    options: FakeWorkspaceOptions = {},
  ) {
    this.teamId = options.teamId ?? 'T0FAKE';
    this.domain = options.domain ?? 'fake';
    this.name = options.name ?? 'Fake';
    this.enterpriseId = options.enterpriseId;
    this.#seq = options.sequence ?? { n: 0 };
  }

  /** A fresh, increasing Slack timestamp ("1700000001.000001"). */
  nextTs(): string {
    const n = ++this.#seq.n;
    return `${1_700_000_000 + n}.${String(n).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    const n = ++this.#seq.n;
    return `${prefix}${String(n).padStart(8, '0')}`;
  }

  /** Whether the conversation `channel` is this workspace's (it has a message there). */
  hasChannel(channel: string): boolean {
    return this.#messages.some((m) => m.channel === channel);
  }

  addUser(user: FakeUser): FakeUser {
    this.users.set(user.id, user);
    return user;
  }

  addFile(spec: FakeFileSpec): SlackFileObject {
    const id = this.nextId('F');
    const safeName = encodeURIComponent(spec.name);
    const own = `${this.origin}/files-pri/${this.teamId}-${id}/${safeName}`;
    const object: SlackFileObject = {
      id,
      name: spec.name,
      title: spec.name,
      mimetype: spec.mimetype,
      filetype: spec.mimetype.split('/')[1] ?? 'binary',
      size: spec.size ?? spec.bytes.length,
      mode: 'hosted',
      url_private: spec.downloadUrl ?? own,
      url_private_download: spec.downloadUrl ?? `${own}?download=1`,
      permalink: `https://${this.domain}.slack.com/files/${spec.user ?? 'U0ALICE'}/${id}/${safeName}`,
      user: spec.user ?? 'U0ALICE',
    };
    this.files.set(id, { object, bytes: spec.bytes, servedAsHtml: spec.servedAsHtml ?? false });
    return object;
  }

  addMessage(fields: Omit<StoredMessage, 'ts' | 'reactions' | 'text'> & { text?: string }): StoredMessage {
    const message: StoredMessage = {
      ...fields,
      text: fields.text ?? '',
      ts: this.nextTs(),
      reactions: new Map(),
    };
    this.#messages.push(message);
    return message;
  }

  /** Removes a message (chat.delete); false when there was none. */
  deleteMessage(channel: string, ts: string): boolean {
    const index = this.#messages.findIndex((m) => m.channel === channel && m.ts === ts);
    if (index >= 0) this.#messages.splice(index, 1);
    return index >= 0;
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.#messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /** Top-level messages of a channel (thread replies excluded), newest first. */
  history(channel: string): StoredMessage[] {
    return this.#messages
      .filter((m) => m.channel === channel && (m.thread_ts === undefined || m.thread_ts === m.ts))
      .sort((a, b) => Number(b.ts) - Number(a.ts));
  }

  /** The thread a message belongs to: its parent, then the replies, oldest first. */
  thread(channel: string, ts: string): { parent: StoredMessage; replies: StoredMessage[] } | undefined {
    const anchor = this.message(channel, ts);
    if (!anchor) return undefined;
    const rootTs = anchor.thread_ts ?? anchor.ts;
    const parent = this.message(channel, rootTs);
    if (!parent) return undefined;
    const replies = this.#messages
      .filter((m) => m.channel === channel && m.thread_ts === rootTs && m.ts !== rootTs)
      .sort((a, b) => Number(a.ts) - Number(b.ts));
    return { parent, replies };
  }

  /**
   * Where a file is shared, as files.info tells it: by the messages that carry it. Public when one
   * of them is in a public channel; IMs are the `D…` conversations.
   */
  sharing(fileId: string): { channels: string[]; groups: string[]; ims: string[]; is_public: boolean } {
    const where = new Set(
      this.#messages.filter((m) => m.files?.some((f) => f.id === fileId)).map((m) => m.channel),
    );
    const ims = [...where].filter((c) => c.startsWith('D'));
    const groups = [...where].filter((c) => !c.startsWith('D') && this.privateChannels.has(c));
    const channels = [...where].filter((c) => !c.startsWith('D') && !this.privateChannels.has(c));
    return { channels, groups, ims, is_public: channels.length > 0 };
  }

  /** Every message in a channel, any thread, oldest first. */
  allMessages(channel: string): StoredMessage[] {
    return this.#messages.filter((m) => m.channel === channel).sort((a, b) => Number(a.ts) - Number(b.ts));
  }
}

/** Slack's answer to a file URL fetched without a token allowed to read it: a sign-in page, 200. */
export const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to Slack</body></html>';
