import type { CatalogueTree } from '../i18n.js';

/** Deutsch. Begriffe: „KI-generiert“, „Hinweise“, „geschätzte Wahrscheinlichkeit“; Anrede „du“ wie bei Discord und Slack. */
export default {
  /** The buttons under every result. */
  buttons: {
    recheck: 'Erneut prüfen',
    feedback: 'Falsches Ergebnis?',
    delete: 'Löschen',
  },
  verdict: {
    strong: 'Starke Hinweise auf KI-Generierung',
    some: 'Einige Hinweise auf KI-Generierung',
    little: 'Kaum Hinweise auf KI-Generierung',
    likelihood: '{percent} geschätzte Wahrscheinlichkeit einer KI-Generierung',
    below: '<{percent}',
    above: '>{percent}',
    milliseconds: '{value} ms',
    seconds: '{value} s',
    cached: 'aus dem Cache',
    couldNotCheck: 'Konnte nicht geprüft werden',
    caveat: 'KI-Erkennung ist eine Wahrscheinlichkeitsaussage: Nimm das als ein Indiz, nicht als Beweis.',
    simulated:
      'SIMULIERT: Es sind keine BitMind-Zugangsdaten eingerichtet, das ist also keine echte Erkennung.',
    simulatedLine: '[simuliert] {line}',
    placeholder: '{count, plural, one {# Datei wird geprüft…} other {# Dateien werden geprüft…}}',
  },
  source: {
    asVideo: 'das animierte {type}, als Video',
    converted: 'umgewandelt aus {type}',
    firstFrame: 'das erste Bild eines animierten {type}',
    foundImage: 'Bild von der verlinkten Seite {page}',
    foundVideo: 'Video von der verlinkten Seite {page}',
    foundMedium: 'Medium von der verlinkten Seite {page}',
  },
  summary: {
    one: 'BitMind: {headline} ({likelihood})',
    oneFailed: 'BitMind konnte {name} nicht prüfen: {detail}',
    many: '{count, plural, one {BitMind hat # Datei geprüft: {flagged} mit Hinweisen auf KI-Generierung} other {BitMind hat # Dateien geprüft: {flagged} mit Hinweisen auf KI-Generierung}}',
    manyNone:
      '{count, plural, one {BitMind hat # Datei geprüft: keine mit Hinweisen auf KI-Generierung} other {BitMind hat # Dateien geprüft: keine mit Hinweisen auf KI-Generierung}}',
    withFailed: '{count, plural, one {{line}, # nicht prüfbar} other {{line}, # nicht prüfbar}}',
    withSkipped:
      '{count, plural, one {{line} (# weitere übersprungen: zu viele in einer Anfrage)} other {{line} (# weitere übersprungen: zu viele in einer Anfrage)}}',
  },
  error: {
    unsupported_type: 'Diese Datei ist kein Bild und kein Video, das BitMind prüfen kann.',
    too_large: 'Diese Datei ist größer als erlaubt.',
    download_failed: 'Die Datei konnte nicht heruntergeladen werden.',
    blocked_url: 'Diese Adresse ist nicht erlaubt.',
    unauthorized: 'BitMind hat die Zugangsdaten des Bots nicht angenommen.',
    forbidden: 'Dieses BitMind-Konto darf diese Art von Datei nicht prüfen.',
    rate_limited: 'Gerade zu viele Prüfungen; versuch es später noch einmal.',
    budget:
      '{count, plural, one {Du hast deine # Prüfung für diese Stunde aufgebraucht} other {Du hast deine # Prüfungen für diese Stunde aufgebraucht}}. Weitere gibt es ab {time} UTC (in {minutes}).',
    bad_request: 'BitMind konnte diese Datei nicht lesen.',
    unavailable: 'BitMind ist gerade nicht verfügbar; versuch es in einer Minute noch einmal.',
    timeout: 'Die Prüfung hat zu lange gedauert; versuch es später noch einmal.',
    busy: 'Der Bot ist ausgelastet, versuch es gleich noch einmal.',
  },
  failure: {
    restarting: 'BitMind startet neu, versuch es in einer Minute noch einmal.',
    stateUnavailable:
      'Ich kann gerade keine Prüfungen annehmen (mein gemeinsamer Speicher ist nicht erreichbar). Versuch es in einer Minute noch einmal.',
    generic: 'Beim Prüfen dieser Datei ist etwas schiefgegangen. Versuch es in einer Minute noch einmal.',
    gaveUp:
      'BitMind konnte diese Prüfung auch nach vielen Versuchen nicht abschließen. Versuch es später noch einmal.',
    command: 'Etwas ist schiefgegangen. Versuch es in einer Minute noch einmal.',
    finish: 'BitMind konnte diese Prüfung nicht abschließen: {message}',
    title: '⚠️ BitMind konnte das nicht prüfen',
    sorry: 'Entschuldige: {message}',
  },
  reply: {
    couldNotCheck: 'Konnte nicht geprüft werden: {detail}',
    requestedBy: 'Angefragt von <@{user}>',
    askedBy: 'Angefragt von {who}',
    askedWith: 'Angefragt von {who} mit {emoji}',
    autoscanOf: 'Automatische Prüfung einer Nachricht von {who}',
    repeat: 'Schon in dieser Stunde geprüft: Das ist dieselbe Antwort noch einmal.',
    more: '{count, plural, one {…und # weitere Datei: {flagged} mit Hinweisen auf KI-Generierung.} other {…und # weitere Dateien: {flagged} mit Hinweisen auf KI-Generierung.}}',
    moreFailed:
      '{count, plural, one {…und # weitere Datei: {flagged} mit Hinweisen auf KI-Generierung, {failed} nicht prüfbar.} other {…und # weitere Dateien: {flagged} mit Hinweisen auf KI-Generierung, {failed} nicht prüfbar.}}',
    skipped:
      '{count, plural, one {# weitere Datei wurde nicht geprüft: zu viele in einer Anfrage.} other {# weitere Dateien wurden nicht geprüft: zu viele in einer Anfrage.}}',
    hidden:
      '{count, plural, one {…und # weitere Datei nicht angezeigt: Discord begrenzt, wie viel eine Nachricht fassen kann.} other {…und # weitere Dateien nicht angezeigt: Discord begrenzt, wie viel eine Nachricht fassen kann.}}',
  },
  /** The moderation tools on both platforms: answers to a result's buttons, the mod log and its command. */
  moderation: {
    press: {
      expired:
        'Dieses Ergebnis ist zu alt für seine Buttons (sie funktionieren 7 Tage lang), oder es wurde gelöscht. Fordere eine neue Prüfung an.',
      forged: 'Dieser Button gehört zu keinem meiner Ergebnisse hier, deshalb habe ich nichts getan.',
      feedbackThanks:
        'Danke: Deine Meldung, dass dieses Ergebnis falsch aussieht, wurde festgehalten, und die Moderatoren wurden informiert.',
      feedbackAgain: 'Du hast dieses Ergebnis bereits gemeldet. Danke.',
      deleteRefused:
        'Nur die Person, die diese Prüfung angefordert hat, oder ein Moderator kann sie löschen.',
      unreadable:
        'Dieser Button-Klick kam in einer Form an, die ich nicht lesen konnte, deshalb habe ich nichts getan. Versuch es noch einmal.',
      recheckFailed: 'Die erneute Prüfung war nicht möglich, das Ergebnis bleibt daher unverändert: {reason}',
    },
    log: {
      resultTitle: 'Hinweise auf KI-Generierung',
      feedbackTitle: 'Ein Ergebnis wurde als falsch gemeldet',
      verdict: 'Einschätzung',
      verdictLine: '{summary} ({band})',
      postedBy: 'Gepostet von',
      askedBy: 'Angefordert von',
      autoscan: 'automatische Prüfung',
      reportedBy: 'Gemeldet von',
      trigger: 'Auslöser',
      original: 'Ursprüngliche Nachricht',
      noLink: 'keine Nachricht zum Verlinken',
      unpostable:
        'Ich kann das Moderationsprotokoll nicht in <#{channel}> posten: Lade mich dort ein (oder gib mir die Berechtigung, Nachrichten zu senden) und lege es dann erneut fest. Bis dahin ist das Moderationsprotokoll pausiert.',
    },
    band: {
      strong: 'starke Hinweise auf KI-Generierung',
      some: 'einige Hinweise auf KI-Generierung',
      little: 'kaum Hinweise auf KI-Generierung',
      none: 'nichts konnte geprüft werden',
    },
    trigger: {
      command: 'Befehl',
      shortcut: 'Verknüpfung',
      autoscan: 'automatische Prüfung',
      reaction: 'Reaktion',
      recheck: 'erneute Prüfung',
    },
    modlog: {
      set: 'Das Moderationsprotokoll ist jetzt <#{channel}>: Dorthin gehen Ergebnisse mit Hinweisen auf KI-Generierung und Meldungen falscher Ergebnisse.',
      off: 'Das Moderationsprotokoll ist ausgeschaltet.',
      status: 'Das Moderationsprotokoll ist <#{channel}>.',
    },
  },
  slack: {
    noMediaInMessage: 'Diese Nachricht enthält kein Bild und kein Video, das ich prüfen kann.',
    cannotReadShortcut:
      'Slack hat diese Nachricht in einer Form geschickt, die ich nicht lesen konnte, deshalb habe ich sie nicht geprüft. Versuch es noch einmal.',
    cannotReadCommand:
      'Slack hat diesen Befehl in einer Form geschickt, die ich nicht lesen konnte, deshalb konnte ich nicht antworten. Versuch es noch einmal.',
    noRecentMedia:
      'In den letzten 20 Nachrichten hier habe ich kein Bild und kein Video gefunden. Versuch `{command} check <Link>` oder nutze „{shortcut}“ an einer Nachricht.',
    cannotReadChannel:
      'Ich kann diese Unterhaltung nicht lesen. Lade mich mit `/invite @BitMind` ein und frag noch einmal.',
    notALink: 'Das sieht nicht nach einem Link aus. Versuch `{command} check https://example.com/photo.jpg`.',
    onlyFilesSharedHere: 'Ich kann hier nur eine Datei prüfen, die in diesem Channel geteilt wurde.',
    onlyMessagesFromHere: 'Ich kann nur einen Link auf eine Nachricht aus diesem Channel prüfen.',
    autoscanRefused:
      'Leider können nur Admins und Inhaber des Workspace (oder die Personen, die der Betreiber dieses Bots benannt hat) die automatische Prüfung ändern. Bitte eine dieser Personen, den Befehl auszuführen.',
    unknownVerb: '`{verb}` kenne ich nicht.',
    help: {
      intro: '*BitMind* schätzt, wie wahrscheinlich ein Bild oder Video KI-generiert ist.',
      checkLink:
        '• `{command} check <Link>`: prüft ein Bild oder Video hinter einem Link, oder eine Slack-Datei bzw. einen Nachrichtenlink aus diesem Channel',
      checkLatest: '• `{command} check`: prüft das neueste Bild oder Video in dieser Unterhaltung',
      react: '• Reagiere mit :{emoji}: auf eine Nachricht oder nutze „{shortcut}“ in ihrem Menü',
      status: '• `{command} status`: der Zustand von BitMind und die letzten Prüfungen in diesem Workspace',
      autoscan:
        '• `{command} autoscan on|off|status`: prüft jedes Bild und Video, das in diesem Channel geteilt wird (Admins)',
      mode: '• `{command} autoscan mode flagged|all|silent`: nur bei Hinweisen auf KI-Generierung antworten, auf alles, oder nur mit Reaktionen (Admins)',
      modlog:
        '• `{command} modlog #kanal|off`: wohin Ergebnisse mit Hinweisen auf KI-Generierung und Meldungen falscher Ergebnisse zusätzlich gepostet werden (Admins)',
    },
    status: {
      title: '*BitMind-Status*',
      health: '• BitMind: {status}',
      healthRegion: '• BitMind: {status} ({region})',
      answering: 'antwortet',
      unreachable: '• BitMind: :warning: nicht erreichbar ({problem})',
      allowed: '• Erlaubt: Bilder {image}  Videos {video}  Stapel {batch}',
      allowedUnknown: '• Erlaubt: unbekannt ({problem})',
      autoscanOn: '• Automatische Prüfung hier: an ({mode})',
      autoscanOff: '• Automatische Prüfung hier: aus',
      reaction: '• Reaktion, die eine Prüfung auslöst: :{emoji}:',
      recent: '• Letzte Prüfungen in diesem Workspace:',
      noRecent: '• Keine Prüfungen in letzter Zeit in diesem Workspace.',
      files: '{count, plural, one {# Datei} other {# Dateien}}',
      withEvidence: '{count, number} mit Hinweisen',
      notChecked: '{count, plural, one {# nicht geprüft} other {# nicht geprüft}}',
    },
    autoscan: {
      flagged:
        'ich antworte nur, wenn eine Datei Hinweise auf KI-Generierung zeigt, und markiere den Rest mit :white_check_mark:',
      all: 'ich antworte auf jedes Bild und Video',
      silent: 'ich reagiere nur: :warning: bei Hinweisen auf KI-Generierung, sonst :white_check_mark:',
      on: 'Die automatische Prüfung ist in diesem Channel *an* (Modus `{mode}`: {meaning}).',
      off: 'Die automatische Prüfung ist in diesem Channel *aus*. Ein Admin kann sie mit `{command} autoscan on` einschalten.',
      usage: 'Versuch `{command} autoscan on`, `off`, `status` oder `mode {modes}`.',
      changed: '<@{user}> hat die automatische Prüfung geändert. {state}',
      changedInvite:
        '<@{user}> hat die automatische Prüfung geändert. {state} Ich muss Mitglied dieses Channels sein, um neue Dateien zu sehen: `/invite @BitMind`.',
    },
    modlogUsage:
      'Versuch `{command} modlog #kanal` (wähl den Channel aus der Liste von Slack), `{command} modlog off` oder `{command} modlog status`.',
    /** The pages of "Add to Slack" in the browser's language (adapters/slack/install/pages.ts). Plain text: the page escapes it. */
    install: {
      installedTitle: 'BitMind ist installiert',
      installedIn: 'BitMind ist jetzt Teil von {where}.',
      installedInWorkspace: 'BitMind ist jetzt Teil deines Workspace.',
      installedInOrganisation: 'BitMind ist jetzt Teil deiner Organisation.',
      nextSteps:
        'Lade den Bot mit /invite @BitMind in einen Channel ein und gib dort {command} help ein, dann siehst du, was er kann. Du kannst diese Seite schließen.',
      failedTitle: 'BitMind wurde nicht installiert',
      badState:
        'Dieser Installationslink ist abgelaufen, wurde schon verwendet oder in einem anderen Browser geöffnet. Fang mit dem Installationslink noch einmal von vorn an.',
      denied:
        'Die Installation wurde in Slack abgebrochen, also wurde nichts installiert. Fang mit dem Installationslink noch einmal von vorn an.',
      slackError:
        'Slack hat die Installation nicht abgeschlossen ({code}). Versuch es gleich noch einmal über den Installationslink.',
      unknown:
        'Beim Abschließen der Installation ist etwas schiefgegangen. Versuch es noch einmal über den Installationslink.',
      startAgain: 'Von vorn beginnen',
    },
    home: {
      adminTitle: 'BitMind für Admins',
      whatItDoes: 'BitMind schätzt, wie wahrscheinlich ein Bild oder Video KI-generiert ist.',
      howTo: '*So prüfst du etwas*',
      react: '• Reagiere mit :{emoji}: auf eine Nachricht mit einem Bild oder Video',
      shortcut: '• Oder wähle „{shortcut}“ im Menü einer Nachricht',
      check:
        '• Oder gib in einem Channel `{command} check <Link>` ein, oder `{command} check` für das neueste Bild oder Video dort',
      help: '• `{command} help` listet alle Befehle auf',
      autoscanNote:
        'In einigen Channels haben deine Admins die automatische Prüfung eingeschaltet: Jedes dort geteilte Bild und Video wird geprüft.',
      autoscanHeading: '*Automatische Prüfung*',
      noAutoscan:
        'In keinem Channel ist die automatische Prüfung an. Schalte sie in einem Channel mit `{command} autoscan on` ein.',
      mode: {
        flagged: 'antwortet auf Hinweise auf KI-Generierung, markiert den Rest',
        all: 'antwortet auf jedes Bild und Video',
        silent: 'markiert Nachrichten nur mit einer Reaktion',
      },
      autoscanLine: '• <#{channel}>: {mode} ({meaning})',
      moreChannels: '{count, plural, one {…und # weiterer Channel.} other {…und # weitere Channels.}}',
      modlogNone:
        '*Moderationsprotokoll*: keins. Ergebnisse mit Hinweisen auf KI-Generierung und Meldungen „falsches Ergebnis“ können in einem Channel deiner Wahl gepostet werden.',
      modlogSet:
        '*Moderationsprotokoll*: <#{channel}> erhält Ergebnisse mit Hinweisen auf KI-Generierung und Meldungen „falsches Ergebnis“.',
      lastWeek: '*Letzte 7 Tage*',
      checks:
        '{count, plural, one {• # Prüfung, {flagged} mit Hinweisen auf KI-Generierung} other {• # Prüfungen, {flagged} mit Hinweisen auf KI-Generierung}}',
      reports:
        '{count, plural, one {• # Meldung „falsches Ergebnis“} other {• # Meldungen „falsches Ergebnis“}}',
      byTrigger: '• Nach Auslöser: {list}',
      byTriggerItem: '{trigger} {count, number}',
      unavailable: '*Letzte 7 Tage*: Das Audit-Protokoll konnte gerade nicht gelesen werden.',
      adminFooter:
        'Nur Admins des Workspace sehen diesen Teil. Das Audit-Protokoll bewahrt jede Prüfung so lange auf, wie dein Betreiber es festgelegt hat; siehe die Datenschutzseite.',
    },
  },
  discord: {
    nothingToCheck:
      'Gib mir etwas zum Prüfen: Häng eine Datei mit der Option `{media}` an oder füge einen Link in `{url}` ein.',
    noMediaInMessage: 'An dieser Nachricht hängt kein Bild und kein Video.',
    unreadableCommand:
      'Ich konnte diesen Befehl nicht lesen (Discord hat etwas Unerwartetes geschickt). Versuch es noch einmal.',
    onlyMessagesFromHere: 'Ich kann nur einen Link auf eine Nachricht aus diesem Kanal prüfen.',
    cannotReadMessage:
      'Ich konnte diese Nachricht gerade nicht lesen. Versuch es noch einmal oder nutze „{menu}“ an ihr.',
    help: {
      intro: '**BitMind** sucht in Bildern und Videos nach Anzeichen von KI-Generierung.',
      check:
        '• `/{command} {check}` mit `{media}` (eine Datei) oder `{url}` (ein Link); mit `{private}: True` siehst nur du das Ergebnis.',
      message: '• An einer Nachricht: **Apps → {menu}**, oder reagiere mit {emoji}.',
      autoscan:
        '• `/{command} {autoscan} {enable}|{disable}|{autoscanStatus}`: prüft jede neue Datei in diesem Kanal (Server verwalten). Modi: `flagged`, `all`, `silent`.',
      roles:
        '• `/{command} {roles} {add}|{remove}|{list}`: Rollen, deren Mitglieder die automatische Prüfung ebenfalls ändern dürfen (Server verwalten).',
      modlog:
        '• `/{command} {modlog} {set}|{off}|{modlogStatus}`: ein Kanal, in dem Ergebnisse mit Hinweisen und Meldungen falscher Ergebnisse zusätzlich gepostet werden (Server verwalten). Jedes Ergebnis hat die Buttons „{recheck}“, „{feedback}“ und „{delete}“.',
      status: '• `/{command} {status}`: Ist BitMind erreichbar?',
    },
    status: {
      reachable: '✅ BitMind ist erreichbar.',
      unreachable: '⚠️ BitMind ist gerade nicht erreichbar: {reason}',
      allowed: 'Erlaubte Prüfungen: Bilder {image}, Videos {video}, Stapel {batch}.',
      yes: 'ja',
      no: 'nein',
      autoscanOn: 'Automatische Prüfung hier: an (Modus `{mode}`).',
      autoscanOff: 'Automatische Prüfung hier: aus.',
    },
    autoscan: {
      flagged:
        'ich antworte, wenn eine Datei Hinweise auf KI-Generierung zeigt oder nicht geprüft werden konnte, und reagiere sonst mit {clean}',
      all: 'ich antworte auf jedes Bild und Video',
      silent:
        'ich reagiere nur: {flagged} Hinweise auf KI-Generierung, {clean} keine, {failed} nicht prüfbar',
      on: 'Die automatische Prüfung ist in <#{channel}> **an** (Modus `{mode}`): {meaning}.',
      off: 'Die automatische Prüfung ist in <#{channel}> **aus**.',
      needsModerator:
        'Nur Mitglieder mit der Berechtigung „Server verwalten“ oder einer Moderationsrolle (`/{command} {roles} {list}`) können die automatische Prüfung ein- oder ausschalten.',
      guildOnly: 'Die automatische Prüfung funktioniert nur in Server-Kanälen.',
      badMode: 'Der Modus muss einer von diesen sein: {modes}.',
    },
    roles: {
      needsManageServer:
        'Nur Mitglieder mit der Berechtigung „Server verwalten“ können die Moderationsrollen festlegen.',
      guildOnly: 'Moderationsrollen gibt es nur auf Servern.',
      noRole: 'Wähle mit der Option `{role}` eine Rolle.',
      everyone:
        '@everyone kann keine Moderationsrolle sein: Wähle eine Rolle, die nur manche Mitglieder haben.',
      tooMany:
        '{count, plural, one {Ein Server kann höchstens # Moderationsrolle haben; entferne zuerst eine.} other {Ein Server kann höchstens # Moderationsrollen haben; entferne zuerst eine.}}',
      added:
        '<@&{id}> ist jetzt eine Moderationsrolle: Ihre Mitglieder können die automatische Prüfung hier ein- und ausschalten.',
      alreadyAdded: '<@&{id}> ist bereits eine Moderationsrolle.',
      removed: '<@&{id}> ist keine Moderationsrolle mehr.',
      notThere: '<@&{id}> ist keine Moderationsrolle.',
      none: 'Keine Moderationsrollen: Nur Mitglieder mit der Berechtigung „Server verwalten“ können die automatische Prüfung ändern.',
      list: 'Moderationsrollen (neben „Server verwalten“): {roles}.',
    },
    modlog: {
      needsChannel: 'Wähle den Kanal für das Moderationsprotokoll in der Option `{channel}`.',
      guildOnly: 'Das Moderationsprotokoll gibt es nur auf Servern, nicht in Direktnachrichten.',
      needsManageServer:
        'Nur Mitglieder mit der Berechtigung „Server verwalten“ können das Moderationsprotokoll ändern.',
    },
    commands: {
      bitmind: {
        name: 'bitmind',
        description: 'Bilder und Videos mit BitMind auf Anzeichen von KI-Generierung prüfen',
      },
      contextMenu: { name: 'Mit BitMind prüfen' },
      check: { name: 'prüfen', description: 'Eine angehängte Datei oder einen Link prüfen' },
      media: { name: 'datei', description: 'Ein Bild oder Video zum Prüfen' },
      url: { name: 'link', description: 'Ein Link zu einem Bild oder Video' },
      private: { name: 'privat', description: 'Ergebnis nur dir zeigen (Standard: allen hier)' },
      help: { name: 'hilfe', description: 'So nutzt du BitMind hier' },
      status: {
        name: 'status',
        description: 'Ist BitMind erreichbar, und was macht die automatische Prüfung hier?',
      },
      autoscan: {
        name: 'autoprüfung',
        description: 'Automatische Prüfung neuer Dateien in diesem Kanal (Server verwalten)',
      },
      enable: { name: 'einschalten', description: 'Jedes neue Bild und Video in diesem Kanal prüfen' },
      disable: { name: 'ausschalten', description: 'Neue Dateien in diesem Kanal nicht mehr prüfen' },
      autoscanStatus: { name: 'status', description: 'Ist die automatische Prüfung in diesem Kanal an?' },
      mode: { name: 'modus', description: 'Wann geantwortet wird' },
      modeFlagged: { name: 'flagged: nur bei Hinweisen auf KI antworten (Standard)' },
      modeAll: { name: 'all: auf jede Datei antworten' },
      modeSilent: { name: 'silent: nur Reaktionen' },
      roles: {
        name: 'rollen',
        description:
          'Rollen, deren Mitglieder die automatische Prüfung ändern dürfen, neben Server verwalten',
      },
      rolesAdd: {
        name: 'hinzufügen',
        description:
          'Mitgliedern einer Rolle erlauben, die automatische Prüfung zu ändern (Server verwalten)',
      },
      rolesRemove: {
        name: 'entfernen',
        description: 'Einer Rolle das Ändern der automatischen Prüfung entziehen (Server verwalten)',
      },
      rolesList: { name: 'liste', description: 'Die Moderationsrollen hier' },
      role: { name: 'rolle', description: 'Die Rolle' },
      modlog: {
        name: 'modlog',
        description:
          'Kanal für Ergebnisse mit Hinweisen und Meldungen falscher Ergebnisse (Server verwalten)',
      },
      modlogSet: { name: 'festlegen', description: 'Das Moderationsprotokoll in einem Kanal posten' },
      modlogOff: { name: 'aus', description: 'Das Moderationsprotokoll nicht mehr posten' },
      modlogStatus: { name: 'status', description: 'Wo ist das Moderationsprotokoll?' },
      channel: { name: 'kanal', description: 'Der Kanal des Moderationsprotokolls' },
    },
  },
  cli: {
    header: {
      name: 'NAME',
      kind: 'ART',
      verdict: 'ERGEBNIS',
      likelihood: 'WAHRSCHEINLICHKEIT',
      time: 'DAUER',
      cached: 'CACHE',
    },
    image: 'Bild',
    video: 'Video',
    yes: 'ja',
    no: 'nein',
    couldNotCheck: '⚠️ Nicht geprüft ({code})',
    explainLikelihood:
      'WAHRSCHEINLICHKEIT ist die vom Modell geschätzte Wahrscheinlichkeit, dass das Medium KI-generiert ist.',
  },
} satisfies CatalogueTree;
