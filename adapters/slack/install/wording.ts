import { SLASH_COMMAND } from '../surface.js';

/**
 * What a person reads in their browser during "Add to Slack", in one place (to move into the
 * message catalogues as one piece). Plain text: pages.ts escapes it.
 */
export const INSTALL_WORDING = {
  successTitle: 'BitMind is installed',
  success: (where: string) =>
    `BitMind is now part of ${where}. Invite it to a channel with /invite @BitMind, then type ${SLASH_COMMAND} help there to see what it can do. You can close this page.`,
  failureTitle: 'BitMind was not installed',
  badState:
    'This install link has expired, was already used, or was opened in another browser. Start again from the install link.',
  denied: 'The install was cancelled in Slack, so nothing was installed. Start again from the install link.',
  slackError: (code: string) =>
    `Slack did not complete the install (${code}). Try again in a moment from the install link.`,
  unknown: 'Something went wrong while completing the install. Try again from the install link.',
  startAgain: 'Start again',
} as const;
