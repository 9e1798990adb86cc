import type { SlackFileInfo } from './schemas.js';

/** Where an answer goes: a conversation of a workspace. */
export interface AnswerPlace {
  readonly teamId: string;
  readonly channelId: string;
}

/**
 * Whether a file may be checked and answered at `place`: the bot's token can open files the asker
 * cannot, so a link a person hands it is honoured only when the people who will see the answer can
 * see the file already: it is shared in that very conversation, or it is a public file (shared in a
 * public channel) of the same workspace.
 */
export function isVisibleAt(file: SlackFileInfo, place: AnswerPlace): boolean {
  const sharedIn = [
    ...(file.channels ?? []),
    ...(file.groups ?? []),
    ...(file.ims ?? []),
    ...Object.keys(file.shares?.public ?? {}),
    ...Object.keys(file.shares?.private ?? {}),
  ];
  if (sharedIn.includes(place.channelId)) return true;
  return file.is_public === true && file.user_team === place.teamId;
}
