/**
 * English: the source catalogue. Every other locale has exactly these keys (plurals with the plural
 * forms of its own language) and only these arguments; `npm run i18n:check` and
 * test/unit/i18n-catalogues.test.ts hold that. Markup (`*bold*`, `**bold**`, `` `code` ``, `<@id>`,
 * `:emoji:`) is kept as it is in every language. See docs/translating.md.
 */
export default {
  /** The buttons under every result. */
  buttons: {
    recheck: 'Recheck',
    feedback: 'Wrong result?',
    delete: 'Delete',
  },
  verdict: {
    strong: 'Strong evidence of AI generation',
    some: 'Some evidence of AI generation',
    little: 'Little evidence of AI generation',
    likelihood: '{percent} estimated likelihood of AI generation',
    below: '<{percent}',
    above: '>{percent}',
    milliseconds: '{value} ms',
    seconds: '{value} s',
    cached: 'cached',
    couldNotCheck: 'Could not check',
    caveat: 'AI detection is probabilistic: treat this as one signal, not proof.',
    simulated: 'SIMULATED: no BitMind credentials are configured, so this is not a real detection.',
    simulatedLine: '[simulated] {line}',
    placeholder: '{count, plural, one {Checking # file…} other {Checking # files…}}',
  },
  /** What was checked when it was not simply the file; `type` is "HEIC photo" in English, "HEIC" elsewhere. */
  source: {
    asVideo: 'the {type}, as a video',
    converted: 'converted from {type}',
    firstFrame: 'the first frame of an {type}',
    foundImage: 'image found on the linked page {page}',
    foundVideo: 'video found on the linked page {page}',
    foundMedium: 'medium found on the linked page {page}',
  },
  summary: {
    one: 'BitMind: {headline} ({likelihood})',
    oneFailed: 'BitMind could not check {name}: {detail}',
    many: '{count, plural, one {BitMind checked # file: {flagged} with evidence of AI generation} other {BitMind checked # files: {flagged} with evidence of AI generation}}',
    manyNone:
      '{count, plural, one {BitMind checked # file: none with evidence of AI generation} other {BitMind checked # files: none with evidence of AI generation}}',
    withFailed:
      '{count, plural, one {{line}, # could not be checked} other {{line}, # could not be checked}}',
    withSkipped:
      '{count, plural, one {{line} (# more skipped: too many in one request)} other {{line} (# more skipped: too many in one request)}}',
  },
  /** A file that could not be checked, by error code. English shows the error's own, more precise message. */
  error: {
    unsupported_type: 'This file is not an image or video BitMind can check.',
    too_large: 'This file is over the size limit.',
    download_failed: 'The file could not be downloaded.',
    blocked_url: 'That address is not allowed.',
    unauthorized: 'BitMind did not accept the bot’s credentials.',
    forbidden: 'This BitMind account may not check this kind of file.',
    rate_limited: 'Too many checks for now; try again later.',
    /** The asker's hourly budget is spent: the rest of the media are not checked. */
    budget:
      'You have used your {count} checks for this hour. More are available at {time} UTC (in {minutes}).',
    bad_request: 'BitMind could not read this file.',
    unavailable: 'BitMind is unavailable right now; try again in a minute.',
    timeout: 'The check took too long; try again later.',
    busy: 'The bot is busy, try again in a moment.',
  },
  failure: {
    restarting: 'BitMind is restarting, try again in a minute.',
    stateUnavailable:
      'I cannot take new checks for a moment (my shared state is unreachable). Try again in a minute.',
    generic: 'Something went wrong while checking this file. Please try again in a minute.',
    gaveUp: 'BitMind could not finish this check after many tries. Please try again later.',
    command: 'Something went wrong. Please try again in a minute.',
    finish: 'BitMind could not finish this check: {message}',
    title: '⚠️ BitMind could not check this',
    sorry: 'Sorry, {message}',
  },
  reply: {
    couldNotCheck: 'Could not check: {detail}',
    requestedBy: 'Requested by <@{user}>',
    askedBy: 'Asked by {who}',
    askedWith: 'Asked by {who} with {emoji}',
    autoscanOf: 'Auto-scan of a message by {who}',
    repeat: 'Checked earlier in the hour: this is that answer again.',
    more: '{count, plural, one {…and # more file: {flagged} with evidence of AI generation.} other {…and # more files: {flagged} with evidence of AI generation.}}',
    moreFailed:
      '{count, plural, one {…and # more file: {flagged} with evidence of AI generation, {failed} could not be checked.} other {…and # more files: {flagged} with evidence of AI generation, {failed} could not be checked.}}',
    skipped:
      '{count, plural, one {# more file was not checked: too many in one request.} other {# more files were not checked: too many in one request.}}',
    hidden:
      '{count, plural, one {…and # more file not shown: Discord limits how much one message can hold.} other {…and # more files not shown: Discord limits how much one message can hold.}}',
  },
  /** The moderation tools on both platforms: answers to a result's buttons, the mod log and its command. */
  moderation: {
    /** Said privately to whoever pressed a button on a result. */
    press: {
      expired:
        'This result is too old for its buttons (they work for 7 days), or it was deleted. Ask for a new check.',
      forged: 'That button does not belong to a result of mine here, so I did nothing.',
      feedbackThanks:
        'Thank you: your report that this result looks wrong was recorded, and the moderators were told.',
      feedbackAgain: 'You already reported this result. Thank you.',
      deleteRefused: 'Only the person who asked for this check, or a moderator, can delete it.',
      unreadable: 'That button press came in a form I could not read, so I did nothing. Please try again.',
      recheckFailed: 'The recheck could not be done, so the result stays as it was: {reason}',
    },
    /** A mod-log post: a title, labelled lines and a link to the original message. */
    log: {
      resultTitle: 'Evidence of AI generation',
      feedbackTitle: 'A result was reported wrong',
      verdict: 'Verdict',
      verdictLine: '{summary} ({band})',
      postedBy: 'Posted by',
      askedBy: 'Asked by',
      autoscan: 'auto-scan',
      reportedBy: 'Reported by',
      trigger: 'Trigger',
      original: 'Original message',
      noLink: 'no message to link to',
      unpostable:
        'I cannot post in the mod log channel <#{channel}>: invite me there (or give me permission to send messages), then set it again. Until then the mod log is paused.',
    },
    band: {
      strong: 'strong evidence of AI generation',
      some: 'some evidence of AI generation',
      little: 'little evidence of AI generation',
      none: 'nothing could be checked',
    },
    /** What asked for a check (a mod-log line, the App Home's counts). English shows the codes. */
    trigger: {
      command: 'command',
      shortcut: 'shortcut',
      autoscan: 'autoscan',
      reaction: 'reaction',
      recheck: 'recheck',
    },
    /** The mod log command's answers, on both platforms. */
    modlog: {
      set: 'The mod log is now <#{channel}>: results with evidence of AI generation and reports of wrong results go there.',
      off: 'The mod log is off.',
      status: 'The mod log is <#{channel}>.',
    },
  },
  slack: {
    noMediaInMessage: 'That message has no image or video I can check.',
    cannotReadShortcut:
      'Slack sent that message in a form I could not read, so I could not check it. Please try again.',
    cannotReadCommand:
      'Slack sent that command in a form I could not read, so I could not answer it. Please try again.',
    noRecentMedia:
      'I found no image or video among the last 20 messages here. Try `{command} check <link>`, or use "{shortcut}" on a message.',
    cannotReadChannel: 'I cannot read this conversation. Invite me with `/invite @BitMind` and ask again.',
    notALink: 'That does not look like a link. Try `{command} check https://example.com/photo.jpg`.',
    onlyFilesSharedHere: 'I can only check a file here that was shared in this channel.',
    onlyMessagesFromHere: 'I can only check a message link from this channel.',
    autoscanRefused:
      'Sorry, only workspace admins and owners (or the people this bot’s operator has named) can change auto-scan. Ask one of them to run this command.',
    unknownVerb: 'I do not know `{verb}`.',
    help: {
      intro: '*BitMind* estimates how likely an image or video is to be AI-generated.',
      checkLink:
        '• `{command} check <link>`: check an image or video at a link, or a Slack file or message link from this channel',
      checkLatest: '• `{command} check`: check the latest image or video in this conversation',
      react: '• React with :{emoji}: to a message, or use "{shortcut}" from its menu',
      status: "• `{command} status`: BitMind's health and this workspace's recent checks",
      autoscan:
        '• `{command} autoscan on|off|status`: check every image and video shared in this channel (admins)',
      mode: '• `{command} autoscan mode flagged|all|silent`: reply only to evidence of AI generation, to everything, or only with reactions (admins)',
      modlog:
        '• `{command} modlog #channel|off`: where results with evidence of AI generation and reports of wrong results are also posted (admins)',
    },
    status: {
      title: '*BitMind status*',
      health: '• BitMind: {status}',
      healthRegion: '• BitMind: {status} ({region})',
      answering: 'answering',
      unreachable: '• BitMind: :warning: unreachable ({problem})',
      allowed: '• Allowed: images {image}  videos {video}  batches {batch}',
      allowedUnknown: '• Allowed: unknown ({problem})',
      autoscanOn: '• Auto-scan here: on ({mode})',
      autoscanOff: '• Auto-scan here: off',
      reaction: '• Trigger reaction: :{emoji}:',
      recent: '• Recent checks in this workspace:',
      noRecent: '• No recent checks in this workspace.',
      files: '{count, plural, one {# file} other {# files}}',
      withEvidence: '{count, number} with evidence',
      notChecked: '{count, plural, one {# not checked} other {# not checked}}',
    },
    autoscan: {
      flagged:
        'I reply only when a file shows evidence of AI generation, and mark the rest with :white_check_mark:',
      all: 'I reply to every image and video',
      silent: 'I only react: :warning: for evidence of AI generation, :white_check_mark: otherwise',
      on: 'Auto-scan is *on* in this channel (mode `{mode}`: {meaning}).',
      off: 'Auto-scan is *off* in this channel. An admin can turn it on with `{command} autoscan on`.',
      usage: 'Try `{command} autoscan on`, `off`, `status` or `mode {modes}`.',
      changed: '<@{user}> changed auto-scan. {state}',
      changedInvite:
        '<@{user}> changed auto-scan. {state} I need to be a member of this channel to see new files: `/invite @BitMind`.',
    },
    modlogUsage:
      "Try `{command} modlog #channel` (pick the channel from Slack's list), `{command} modlog off` or `{command} modlog status`.",
    /** The pages of "Add to Slack" in the browser's language (adapters/slack/install/pages.ts). Plain text: the page escapes it. */
    install: {
      installedTitle: 'BitMind is installed',
      installedIn: 'BitMind is now part of {where}.',
      installedInWorkspace: 'BitMind is now part of your workspace.',
      installedInOrganisation: 'BitMind is now part of your organisation.',
      nextSteps:
        'Invite it to a channel with /invite @BitMind, then type {command} help there to see what it can do. You can close this page.',
      failedTitle: 'BitMind was not installed',
      badState:
        'This install link has expired, was already used, or was opened in another browser. Start again from the install link.',
      denied:
        'The install was cancelled in Slack, so nothing was installed. Start again from the install link.',
      slackError: 'Slack did not complete the install ({code}). Try again in a moment from the install link.',
      unknown: 'Something went wrong while completing the install. Try again from the install link.',
      startAgain: 'Start again',
    },
    /** The App Home tab: everyone sees the how-to; workspace admins also see the settings and counts. */
    home: {
      adminTitle: 'BitMind for admins',
      whatItDoes: 'BitMind estimates how likely an image or video is to be AI-generated.',
      howTo: '*How to check something*',
      react: '• React with :{emoji}: to a message with an image or video',
      shortcut: '• Or pick "{shortcut}" from a message\'s menu',
      check:
        '• Or type `{command} check <link>` in a channel, or `{command} check` for the latest image or video there',
      help: '• `{command} help` lists every command',
      autoscanNote:
        'In some channels your admins have turned on auto-scan: every image and video shared there is checked.',
      autoscanHeading: '*Auto-scan*',
      noAutoscan: 'No channel has auto-scan on. Turn it on in a channel with `{command} autoscan on`.',
      mode: {
        flagged: 'replies to evidence of AI generation, marks the rest',
        all: 'replies to every image and video',
        silent: 'only marks messages with a reaction',
      },
      autoscanLine: '• <#{channel}>: {mode} ({meaning})',
      moreChannels: '{count, plural, one {…and # more channel.} other {…and # more channels.}}',
      modlogNone:
        '*Mod log*: none. Results with evidence of AI generation and "wrong result" reports can be posted to a channel of your choice.',
      modlogSet:
        '*Mod log*: <#{channel}> receives results with evidence of AI generation and "wrong result" reports.',
      lastWeek: '*Last 7 days*',
      checks:
        '{count, plural, one {• # check, {flagged} with evidence of AI generation} other {• # checks, {flagged} with evidence of AI generation}}',
      reports: '{count, plural, one {• # "wrong result" report} other {• # "wrong result" reports}}',
      byTrigger: '• By trigger: {list}',
      byTriggerItem: '{trigger} {count, number}',
      unavailable: '*Last 7 days*: the audit trail could not be read just now.',
      adminFooter:
        'Only workspace admins see this part. The audit trail keeps each check for the retention your operator set; see the privacy page.',
    },
  },
  discord: {
    nothingToCheck:
      'Give me something to check: attach a file with the `{media}` option, or paste a link with `{url}`.',
    noMediaInMessage: 'That message has no image or video attached.',
    unreadableCommand:
      'I could not read that command (Discord sent something I did not expect). Please try again.',
    onlyMessagesFromHere: 'I can only check a message link from this channel.',
    cannotReadMessage: 'I could not read that message just now. Please try again, or use "{menu}" on it.',
    help: {
      intro: '**BitMind** looks for signs of AI generation in images and videos.',
      check:
        '• `/{command} {check}` with `{media}` (a file) or `{url}` (a link); add `{private}: True` to see the result alone.',
      message: '• On a message: **Apps → {menu}**, or react with {emoji}.',
      autoscan:
        '• `/{command} {autoscan} {enable}|{disable}|{autoscanStatus}`: check every new file in this channel (Manage Server). Modes: `flagged`, `all`, `silent`.',
      roles:
        '• `/{command} {roles} {add}|{remove}|{list}`: roles whose members may change auto-scan too (Manage Server).',
      modlog:
        '• `/{command} {modlog} {set}|{off}|{modlogStatus}`: a channel where results with evidence and reports of wrong results are also posted (Manage Server). Every result has {recheck}, {feedback} and {delete} buttons.',
      status: '• `/{command} {status}`: is BitMind reachable?',
    },
    status: {
      reachable: '✅ BitMind is reachable.',
      unreachable: '⚠️ BitMind is not reachable right now: {reason}',
      allowed: 'Allowed checks: images {image}, videos {video}, batches {batch}.',
      yes: 'yes',
      no: 'no',
      autoscanOn: 'Auto-scan here: on (mode `{mode}`).',
      autoscanOff: 'Auto-scan here: off.',
    },
    autoscan: {
      flagged:
        'I reply when a file shows evidence of AI generation or could not be checked, and otherwise react {clean}',
      all: 'I reply to every image and video',
      silent: 'I only react: {flagged} evidence of AI generation, {clean} none, {failed} could not check',
      on: 'Auto-scan is **on** in <#{channel}> (mode `{mode}`): {meaning}.',
      off: 'Auto-scan is **off** in <#{channel}>.',
      needsModerator:
        'Only members with the Manage Server permission or a moderator role (`/{command} {roles} {list}`) can turn auto-scan on or off.',
      guildOnly: 'Auto-scan works in server channels only.',
      badMode: 'The mode must be one of {modes}.',
    },
    /** `/bitmind roles`: the moderator roles, besides Manage Server. */
    roles: {
      needsManageServer: 'Only members with the Manage Server permission can choose the moderator roles.',
      guildOnly: 'Moderator roles work in servers only.',
      noRole: 'Choose a role with the `{role}` option.',
      everyone: 'Everyone cannot be a moderator role: pick a role that only some members have.',
      tooMany:
        '{count, plural, one {A server can have at most # moderator role; remove one first.} other {A server can have at most # moderator roles; remove one first.}}',
      added: '<@&{id}> is now a moderator role: its members can turn auto-scan on or off here.',
      alreadyAdded: '<@&{id}> is already a moderator role.',
      removed: '<@&{id}> is no longer a moderator role.',
      notThere: '<@&{id}> is not a moderator role.',
      none: 'No moderator roles: only members with the Manage Server permission can change auto-scan.',
      list: 'Moderator roles (besides Manage Server): {roles}.',
    },
    /** `/bitmind modlog`'s refusals; what it sets and shows is `moderation.modlog`. */
    modlog: {
      needsChannel: 'Pick the mod log channel in the `{channel}` option.',
      guildOnly: 'The mod log is for servers: there is none in direct messages.',
      needsManageServer: 'Only members with the Manage Server permission can change the mod log.',
    },
    /** Names must be lower case, no spaces (Discord's rule); the context menu's may have both. */
    commands: {
      bitmind: {
        name: 'bitmind',
        description: 'Check images and videos for signs of AI generation with BitMind',
      },
      contextMenu: { name: 'Check with BitMind' },
      check: { name: 'check', description: 'Check an attached file or a link' },
      media: { name: 'media', description: 'An image or video to check' },
      url: { name: 'url', description: 'A link to an image or video' },
      private: { name: 'private', description: 'Show the result to you only (default: everyone here)' },
      help: { name: 'help', description: 'How to use BitMind here' },
      status: { name: 'status', description: 'Is BitMind reachable, and what is auto-scan doing here?' },
      autoscan: {
        name: 'autoscan',
        description: 'Automatic checks of new files in this channel (Manage Server)',
      },
      enable: { name: 'enable', description: 'Check every new image and video posted in this channel' },
      disable: { name: 'disable', description: 'Stop checking new files in this channel' },
      autoscanStatus: { name: 'status', description: 'Is auto-scan on in this channel?' },
      mode: { name: 'mode', description: 'When to reply' },
      modeFlagged: { name: 'flagged: reply only when a file shows evidence of AI generation (default)' },
      modeAll: { name: 'all: reply to every file' },
      modeSilent: { name: 'silent: reactions only' },
      roles: {
        name: 'roles',
        description: 'Roles whose members may change auto-scan, besides Manage Server',
      },
      rolesAdd: { name: 'add', description: 'Let the members of a role change auto-scan (Manage Server)' },
      rolesRemove: { name: 'remove', description: 'Stop a role from changing auto-scan (Manage Server)' },
      rolesList: { name: 'list', description: 'The moderator roles here' },
      role: { name: 'role', description: 'The role' },
      modlog: {
        name: 'modlog',
        description:
          'The channel where results with evidence and wrong-result reports are posted (Manage Server)',
      },
      modlogSet: { name: 'set', description: 'Post the mod log in a channel' },
      modlogOff: { name: 'off', description: 'Stop posting the mod log' },
      modlogStatus: { name: 'status', description: 'Where is the mod log?' },
      channel: { name: 'channel', description: 'The mod log channel' },
    },
  },
  cli: {
    header: {
      name: 'NAME',
      kind: 'KIND',
      verdict: 'VERDICT',
      likelihood: 'LIKELIHOOD',
      time: 'TIME',
      cached: 'CACHED',
    },
    image: 'image',
    video: 'video',
    yes: 'yes',
    no: 'no',
    couldNotCheck: '⚠️ Could not check ({code})',
    explainLikelihood: "LIKELIHOOD is the model's estimated likelihood that the media is AI-generated.",
  },
};
