import { SLASH_COMMAND, SHORTCUT_NAME } from './surface.js';

/** The bot's fixed sentences, in one place so they read as one voice. */

export const NO_MEDIA_IN_MESSAGE = 'That message has no image or video I can check.';

export const CANNOT_READ_SHORTCUT =
  'Slack sent that message in a form I could not read, so I could not check it. Please try again.';

export const CANNOT_READ_COMMAND =
  'Slack sent that command in a form I could not read, so I could not answer it. Please try again.';

export const NO_RECENT_MEDIA = `I found no image or video among the last 20 messages here. Try \`${SLASH_COMMAND} check <link>\`, or use "${SHORTCUT_NAME}" on a message.`;

export const CANNOT_READ_CHANNEL = `I cannot read this conversation. Invite me with \`/invite @BitMind\` and ask again.`;

export const NOT_A_LINK = `That does not look like a link. Try \`${SLASH_COMMAND} check https://example.com/photo.jpg\`.`;

/** Refusals of a reference to something the people here may not see: they never name it. */
export const ONLY_FILES_SHARED_HERE = 'I can only check a file here that was shared in this channel.';

export const ONLY_MESSAGES_FROM_HERE = 'I can only check a message link from this channel.';

export const AUTOSCAN_REFUSED =
  'Sorry, only workspace admins and owners (or the people this bot’s operator has named) can change auto-scan. Ask one of them to run this command.';

export function helpText(triggerReaction: string): string {
  return [
    '*BitMind* estimates how likely an image or video is to be AI-generated.',
    `• \`${SLASH_COMMAND} check <link>\`: check an image or video at a link, or a Slack file or message link from this channel`,
    `• \`${SLASH_COMMAND} check\`: check the latest image or video in this conversation`,
    `• React with :${triggerReaction}: to a message, or use "${SHORTCUT_NAME}" from its menu`,
    `• \`${SLASH_COMMAND} status\`: BitMind's health and this workspace's recent checks`,
    `• \`${SLASH_COMMAND} autoscan on|off|status\`: check every image and video shared in this channel (admins)`,
    `• \`${SLASH_COMMAND} autoscan mode flagged|all|silent\`: reply only to evidence of AI generation, to everything, or only with reactions (admins)`,
    `• \`${SLASH_COMMAND} modlog #channel|off\`: where results with evidence of AI generation and reports of wrong results are also posted (admins)`,
  ].join('\n');
}
