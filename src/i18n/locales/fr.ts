import type { CatalogueTree } from '../i18n.js';

/** Français. Termes : « généré par IA », « indices », « probabilité estimée ». */
export default {
  /** The buttons under every result. */
  buttons: {
    recheck: 'Revérifier',
    feedback: 'Résultat erroné ?',
    delete: 'Supprimer',
  },
  verdict: {
    strong: 'Indices forts de génération par IA',
    some: 'Quelques indices de génération par IA',
    little: 'Peu d’indices de génération par IA',
    likelihood: '{percent} de probabilité estimée de génération par IA',
    below: '<{percent}',
    above: '>{percent}',
    milliseconds: '{value} ms',
    seconds: '{value} s',
    cached: 'en cache',
    couldNotCheck: 'Vérification impossible',
    caveat: 'La détection d’IA est probabiliste : c’est un indice parmi d’autres, pas une preuve.',
    simulated: 'SIMULÉ : aucun identifiant BitMind n’est configuré, ce n’est donc pas une vraie détection.',
    simulatedLine: '[simulé] {line}',
    placeholder:
      '{count, plural, one {Vérification de # fichier…} many {Vérification de # fichiers…} other {Vérification de # fichiers…}}',
  },
  source: {
    asVideo: 'le {type} animé, en vidéo',
    converted: 'converti depuis {type}',
    firstFrame: 'la première image d’un {type} animé',
    foundImage: 'image trouvée sur la page liée {page}',
    foundVideo: 'vidéo trouvée sur la page liée {page}',
    foundMedium: 'média trouvé sur la page liée {page}',
  },
  summary: {
    one: 'BitMind : {headline} ({likelihood})',
    oneFailed: 'BitMind n’a pas pu vérifier {name} : {detail}',
    many: '{count, plural, one {BitMind a vérifié # fichier : {flagged} avec des indices de génération par IA} many {BitMind a vérifié # fichiers : {flagged} avec des indices de génération par IA} other {BitMind a vérifié # fichiers : {flagged} avec des indices de génération par IA}}',
    manyNone:
      '{count, plural, one {BitMind a vérifié # fichier : aucun indice de génération par IA} many {BitMind a vérifié # fichiers : aucun avec des indices de génération par IA} other {BitMind a vérifié # fichiers : aucun avec des indices de génération par IA}}',
    withFailed:
      '{count, plural, one {{line}, # non vérifiable} many {{line}, # non vérifiables} other {{line}, # non vérifiables}}',
    withSkipped:
      '{count, plural, one {{line} (# de plus ignoré : trop pour une seule demande)} many {{line} (# de plus ignorés : trop pour une seule demande)} other {{line} (# de plus ignorés : trop pour une seule demande)}}',
  },
  error: {
    unsupported_type: 'Ce fichier n’est pas une image ou une vidéo que BitMind peut vérifier.',
    too_large: 'Ce fichier dépasse la taille maximale.',
    download_failed: 'Le fichier n’a pas pu être téléchargé.',
    blocked_url: 'Cette adresse n’est pas autorisée.',
    unauthorized: 'BitMind n’a pas accepté les identifiants du bot.',
    forbidden: 'Ce compte BitMind ne peut pas vérifier ce type de fichier.',
    rate_limited: 'Trop de vérifications pour le moment ; réessayez plus tard.',
    budget:
      '{count, plural, one {Vous avez utilisé votre # vérification de cette heure} many {Vous avez utilisé vos # vérifications de cette heure} other {Vous avez utilisé vos # vérifications de cette heure}}. Les suivantes seront disponibles à {time} UTC (dans {minutes}).',
    bad_request: 'BitMind n’a pas pu lire ce fichier.',
    unavailable: 'BitMind est indisponible pour le moment ; réessayez dans une minute.',
    timeout: 'La vérification a pris trop de temps ; réessayez plus tard.',
    busy: 'Le bot est occupé, réessayez dans un instant.',
  },
  failure: {
    restarting: 'BitMind redémarre, réessayez dans une minute.',
    stateUnavailable:
      'Je ne peux pas accepter de vérifications pour le moment (mon état partagé est injoignable). Réessayez dans une minute.',
    generic: 'Un problème est survenu pendant la vérification de ce fichier. Réessayez dans une minute.',
    gaveUp:
      'BitMind n’a pas pu terminer cette vérification après de nombreuses tentatives. Réessayez plus tard.',
    command: 'Un problème est survenu. Réessayez dans une minute.',
    finish: 'BitMind n’a pas pu terminer cette vérification : {message}',
    title: '⚠️ BitMind n’a pas pu vérifier ceci',
    sorry: 'Désolé : {message}',
  },
  reply: {
    couldNotCheck: 'Vérification impossible : {detail}',
    requestedBy: 'Demandé par <@{user}>',
    askedBy: 'Demandé par {who}',
    askedWith: 'Demandé par {who} avec {emoji}',
    autoscanOf: 'Analyse automatique d’un message de {who}',
    repeat: 'Déjà vérifié dans l’heure : voici la même réponse.',
    more: '{count, plural, one {…et # fichier de plus : {flagged} avec des indices de génération par IA.} many {…et # fichiers de plus : {flagged} avec des indices de génération par IA.} other {…et # fichiers de plus : {flagged} avec des indices de génération par IA.}}',
    moreFailed:
      '{count, plural, one {…et # fichier de plus : {flagged} avec des indices de génération par IA, vérification impossible pour {failed}.} many {…et # fichiers de plus : {flagged} avec des indices de génération par IA, vérification impossible pour {failed}.} other {…et # fichiers de plus : {flagged} avec des indices de génération par IA, vérification impossible pour {failed}.}}',
    skipped:
      '{count, plural, one {# fichier de plus n’a pas été vérifié : trop pour une seule demande.} many {# fichiers de plus n’ont pas été vérifiés : trop pour une seule demande.} other {# fichiers de plus n’ont pas été vérifiés : trop pour une seule demande.}}',
    hidden:
      '{count, plural, one {…et # fichier de plus non affiché : Discord limite la taille d’un message.} many {…et # fichiers de plus non affichés : Discord limite la taille d’un message.} other {…et # fichiers de plus non affichés : Discord limite la taille d’un message.}}',
  },
  /** The moderation tools on both platforms: answers to a result's buttons, the mod log and its command. */
  moderation: {
    press: {
      expired:
        'Ce résultat est trop ancien pour ses boutons (ils fonctionnent 7 jours), ou il a été supprimé. Demandez une nouvelle vérification.',
      forged: 'Ce bouton n’appartient à aucun de mes résultats ici, je n’ai donc rien fait.',
      feedbackThanks:
        'Merci : votre signalement de ce résultat comme erroné a été enregistré, et les modérateurs ont été prévenus.',
      feedbackAgain: 'Vous avez déjà signalé ce résultat. Merci.',
      deleteRefused:
        'Seule la personne qui a demandé cette vérification, ou un modérateur, peut la supprimer.',
      unreadable:
        'Cet appui sur un bouton m’est parvenu sous une forme illisible, je n’ai donc rien fait. Réessayez.',
      recheckFailed: 'La revérification n’a pas pu être faite, le résultat reste donc tel quel : {reason}',
    },
    log: {
      resultTitle: 'Indices de génération par IA',
      feedbackTitle: 'Un résultat a été signalé comme erroné',
      verdict: 'Verdict',
      verdictLine: '{summary} ({band})',
      postedBy: 'Publié par',
      askedBy: 'Demandé par',
      autoscan: 'analyse automatique',
      reportedBy: 'Signalé par',
      trigger: 'Déclencheur',
      original: 'Message d’origine',
      noLink: 'aucun message vers lequel pointer',
      unpostable:
        'Je ne peux pas publier le journal de modération dans <#{channel}> : invitez-moi à y participer (ou donnez-moi la permission d’envoyer des messages), puis définissez-le à nouveau. D’ici là, le journal de modération est en pause.',
    },
    band: {
      strong: 'indices forts de génération par IA',
      some: 'quelques indices de génération par IA',
      little: 'peu d’indices de génération par IA',
      none: 'rien n’a pu être vérifié',
    },
    trigger: {
      command: 'commande',
      shortcut: 'raccourci',
      autoscan: 'analyse automatique',
      reaction: 'réaction',
      recheck: 'revérification',
    },
    modlog: {
      set: 'Le journal de modération est désormais <#{channel}> : les résultats avec des indices de génération par IA et les signalements de résultats erronés y sont publiés.',
      off: 'Le journal de modération est désactivé.',
      status: 'Le journal de modération est <#{channel}>.',
    },
  },
  slack: {
    noMediaInMessage: 'Ce message ne contient aucune image ni vidéo que je puisse vérifier.',
    cannotReadShortcut:
      'Slack a envoyé ce message sous une forme illisible pour moi, je n’ai donc pas pu le vérifier. Réessayez.',
    cannotReadCommand:
      'Slack a envoyé cette commande sous une forme illisible pour moi, je n’ai donc pas pu répondre. Réessayez.',
    noRecentMedia:
      'Je n’ai trouvé aucune image ni vidéo dans les 20 derniers messages. Essayez `{command} check <lien>`, ou utilisez « {shortcut} » sur un message.',
    cannotReadChannel:
      'Je ne peux pas lire cette conversation. Invitez-moi avec `/invite @BitMind` puis redemandez.',
    notALink: 'Ceci ne ressemble pas à un lien. Essayez `{command} check https://example.com/photo.jpg`.',
    onlyFilesSharedHere: 'Ici, je ne peux vérifier qu’un fichier partagé dans ce canal.',
    onlyMessagesFromHere: 'Je ne peux vérifier qu’un lien vers un message de ce canal.',
    autoscanRefused:
      'Désolé, seuls les administrateurs et propriétaires de l’espace de travail (ou les personnes désignées par l’opérateur de ce bot) peuvent modifier l’analyse automatique. Demandez à l’un d’eux de lancer cette commande.',
    unknownVerb: 'Je ne connais pas `{verb}`.',
    help: {
      intro: '*BitMind* estime la probabilité qu’une image ou une vidéo soit générée par IA.',
      checkLink:
        '• `{command} check <lien>` : vérifie une image ou une vidéo à partir d’un lien, ou un fichier ou un lien de message Slack de ce canal',
      checkLatest: '• `{command} check` : vérifie la dernière image ou vidéo de cette conversation',
      react: '• Réagissez avec :{emoji}: à un message, ou utilisez « {shortcut} » dans son menu',
      status:
        '• `{command} status` : l’état de BitMind et les vérifications récentes de cet espace de travail',
      autoscan:
        '• `{command} autoscan on|off|status` : vérifie chaque image et vidéo partagée dans ce canal (administrateurs)',
      mode: '• `{command} autoscan mode flagged|all|silent` : répondre seulement aux indices de génération par IA, à tout, ou seulement par des réactions (administrateurs)',
      modlog:
        '• `{command} modlog #canal|off` : où sont aussi publiés les résultats avec des indices de génération par IA et les signalements de résultats erronés (administrateurs)',
    },
    status: {
      title: '*État de BitMind*',
      health: '• BitMind : {status}',
      healthRegion: '• BitMind : {status} ({region})',
      answering: 'répond',
      unreachable: '• BitMind : :warning: injoignable ({problem})',
      allowed: '• Autorisé : images {image}  vidéos {video}  lots {batch}',
      allowedUnknown: '• Autorisé : inconnu ({problem})',
      autoscanOn: '• Analyse automatique ici : activée ({mode})',
      autoscanOff: '• Analyse automatique ici : désactivée',
      reaction: '• Réaction qui déclenche une vérification : :{emoji}:',
      recent: '• Vérifications récentes dans cet espace de travail :',
      noRecent: '• Aucune vérification récente dans cet espace de travail.',
      files: '{count, plural, one {# fichier} many {# fichiers} other {# fichiers}}',
      withEvidence: '{count, number} avec des indices',
      notChecked: '{count, plural, one {# non vérifié} many {# non vérifiés} other {# non vérifiés}}',
    },
    autoscan: {
      flagged:
        'je réponds seulement quand un fichier montre des indices de génération par IA, et je marque les autres avec :white_check_mark:',
      all: 'je réponds à chaque image et vidéo',
      silent:
        'je réagis seulement : :warning: pour des indices de génération par IA, :white_check_mark: sinon',
      on: 'L’analyse automatique est *activée* dans ce canal (mode `{mode}` : {meaning}).',
      off: 'L’analyse automatique est *désactivée* dans ce canal. Un administrateur peut l’activer avec `{command} autoscan on`.',
      usage: 'Essayez `{command} autoscan on`, `off`, `status` ou `mode {modes}`.',
      changed: '<@{user}> a modifié l’analyse automatique. {state}',
      changedInvite:
        '<@{user}> a modifié l’analyse automatique. {state} Je dois être membre de ce canal pour voir les nouveaux fichiers : `/invite @BitMind`.',
    },
    modlogUsage:
      'Essayez `{command} modlog #canal` (choisissez le canal dans la liste de Slack), `{command} modlog off` ou `{command} modlog status`.',
    /** The pages of "Add to Slack" in the browser's language (adapters/slack/install/pages.ts). Plain text: the page escapes it. */
    install: {
      installedTitle: 'BitMind est installé',
      installedIn: 'BitMind fait désormais partie de {where}.',
      installedInWorkspace: 'BitMind fait désormais partie de votre espace de travail.',
      installedInOrganisation: 'BitMind fait désormais partie de votre organisation.',
      nextSteps:
        'Invitez-le dans un canal avec /invite @BitMind, puis tapez {command} help dans ce canal pour voir ce qu’il sait faire. Vous pouvez fermer cette page.',
      failedTitle: 'BitMind n’a pas été installé',
      badState:
        'Ce lien d’installation a expiré, a déjà servi ou a été ouvert dans un autre navigateur. Recommencez depuis le lien d’installation.',
      denied:
        'L’installation a été annulée dans Slack : rien n’a été installé. Recommencez depuis le lien d’installation.',
      slackError:
        'Slack n’a pas terminé l’installation ({code}). Réessayez dans un instant depuis le lien d’installation.',
      unknown: 'Un problème est survenu pendant l’installation. Réessayez depuis le lien d’installation.',
      startAgain: 'Recommencer',
    },
    home: {
      adminTitle: 'BitMind pour les administrateurs',
      whatItDoes: 'BitMind estime la probabilité qu’une image ou une vidéo soit générée par IA.',
      howTo: '*Comment vérifier quelque chose*',
      react: '• Réagissez avec :{emoji}: à un message contenant une image ou une vidéo',
      shortcut: '• Ou choisissez « {shortcut} » dans le menu d’un message',
      check:
        '• Ou tapez `{command} check <lien>` dans un canal, ou `{command} check` pour la dernière image ou vidéo de ce canal',
      help: '• `{command} help` liste toutes les commandes',
      autoscanNote:
        'Dans certains canaux, vos administrateurs ont activé l’analyse automatique : chaque image et vidéo qui y est partagée est vérifiée.',
      autoscanHeading: '*Analyse automatique*',
      noAutoscan:
        'Aucun canal n’a l’analyse automatique activée. Activez-la dans un canal avec `{command} autoscan on`.',
      mode: {
        flagged: 'répond aux indices de génération par IA, marque le reste',
        all: 'répond à chaque image et vidéo',
        silent: 'marque seulement les messages d’une réaction',
      },
      autoscanLine: '• <#{channel}> : {mode} ({meaning})',
      moreChannels:
        '{count, plural, one {…et # autre canal.} many {…et # autres canaux.} other {…et # autres canaux.}}',
      modlogNone:
        '*Journal de modération* : aucun. Les résultats avec des indices de génération par IA et les signalements « résultat erroné » peuvent être publiés dans le canal de votre choix.',
      modlogSet:
        '*Journal de modération* : <#{channel}> reçoit les résultats avec des indices de génération par IA et les signalements « résultat erroné ».',
      lastWeek: '*7 derniers jours*',
      checks:
        '{count, plural, one {• # vérification, {flagged} avec des indices de génération par IA} many {• # de vérifications, {flagged} avec des indices de génération par IA} other {• # vérifications, {flagged} avec des indices de génération par IA}}',
      reports:
        '{count, plural, one {• # signalement « résultat erroné »} many {• # de signalements « résultat erroné »} other {• # signalements « résultat erroné »}}',
      byTrigger: '• Par déclencheur : {list}',
      byTriggerItem: '{trigger} {count, number}',
      unavailable: '*7 derniers jours* : la piste d’audit n’a pas pu être lue pour le moment.',
      adminFooter:
        'Seuls les administrateurs de l’espace de travail voient cette partie. La piste d’audit conserve chaque vérification pendant la durée fixée par votre opérateur ; voir la page de confidentialité.',
    },
  },
  discord: {
    nothingToCheck:
      'Donnez-moi quelque chose à vérifier : joignez un fichier avec l’option `{media}`, ou collez un lien dans `{url}`.',
    noMediaInMessage: 'Ce message n’a aucune image ni vidéo en pièce jointe.',
    unreadableCommand:
      'Je n’ai pas pu lire cette commande (Discord a envoyé quelque chose d’inattendu). Réessayez.',
    onlyMessagesFromHere: 'Je ne peux vérifier qu’un lien vers un message de ce canal.',
    cannotReadMessage:
      'Je n’ai pas pu lire ce message pour l’instant. Réessayez, ou utilisez « {menu} » dessus.',
    help: {
      intro: '**BitMind** cherche des signes de génération par IA dans les images et les vidéos.',
      check:
        '• `/{command} {check}` avec `{media}` (un fichier) ou `{url}` (un lien) ; ajoutez `{private}: True` pour être seul à voir le résultat.',
      message: '• Sur un message : **Applications → {menu}**, ou réagissez avec {emoji}.',
      autoscan:
        '• `/{command} {autoscan} {enable}|{disable}|{autoscanStatus}` : vérifie chaque nouveau fichier de ce salon (Gérer le serveur). Modes : `flagged`, `all`, `silent`.',
      roles:
        '• `/{command} {roles} {add}|{remove}|{list}` : rôles dont les membres peuvent aussi modifier l’analyse automatique (Gérer le serveur).',
      modlog:
        '• `/{command} {modlog} {set}|{off}|{modlogStatus}` : un salon où sont aussi publiés les résultats avec des indices et les signalements de résultats erronés (Gérer le serveur). Chaque résultat a les boutons « {recheck} », « {feedback} » et « {delete} ».',
      status: '• `/{command} {status}` : BitMind est-il joignable ?',
    },
    status: {
      reachable: '✅ BitMind est joignable.',
      unreachable: '⚠️ BitMind est injoignable pour le moment : {reason}',
      allowed: 'Vérifications autorisées : images {image}, vidéos {video}, lots {batch}.',
      yes: 'oui',
      no: 'non',
      autoscanOn: 'Analyse automatique ici : activée (mode `{mode}`).',
      autoscanOff: 'Analyse automatique ici : désactivée.',
    },
    autoscan: {
      flagged:
        'je réponds quand un fichier montre des indices de génération par IA ou n’a pas pu être vérifié, sinon je réagis avec {clean}',
      all: 'je réponds à chaque image et vidéo',
      silent:
        'je réagis seulement : {flagged} indices de génération par IA, {clean} aucun, {failed} vérification impossible',
      on: 'L’analyse automatique est **activée** dans <#{channel}> (mode `{mode}`) : {meaning}.',
      off: 'L’analyse automatique est **désactivée** dans <#{channel}>.',
      needsModerator:
        'Seuls les membres ayant la permission Gérer le serveur ou un rôle de modération (`/{command} {roles} {list}`) peuvent activer ou désactiver l’analyse automatique.',
      guildOnly: 'L’analyse automatique ne fonctionne que dans les salons d’un serveur.',
      badMode: 'Le mode doit être l’un de ceux-ci : {modes}.',
    },
    roles: {
      needsManageServer:
        'Seuls les membres ayant la permission Gérer le serveur peuvent choisir les rôles de modération.',
      guildOnly: 'Les rôles de modération ne fonctionnent que sur un serveur.',
      noRole: 'Choisissez un rôle avec l’option `{role}`.',
      everyone:
        '@everyone ne peut pas être un rôle de modération : choisissez un rôle que seuls certains membres ont.',
      tooMany:
        '{count, plural, one {Un serveur peut avoir au plus # rôle de modération ; retirez-en un d’abord.} many {Un serveur peut avoir au plus # de rôles de modération ; retirez-en un d’abord.} other {Un serveur peut avoir au plus # rôles de modération ; retirez-en un d’abord.}}',
      added:
        '<@&{id}> est désormais un rôle de modération : ses membres peuvent activer ou désactiver l’analyse automatique ici.',
      alreadyAdded: '<@&{id}> est déjà un rôle de modération.',
      removed: '<@&{id}> n’est plus un rôle de modération.',
      notThere: '<@&{id}> n’est pas un rôle de modération.',
      none: 'Aucun rôle de modération : seuls les membres ayant la permission Gérer le serveur peuvent modifier l’analyse automatique.',
      list: 'Rôles de modération (en plus de Gérer le serveur) : {roles}.',
    },
    modlog: {
      needsChannel: 'Choisissez le salon du journal de modération dans l’option `{channel}`.',
      guildOnly:
        'Le journal de modération est réservé aux serveurs : il n’y en a pas dans les messages privés.',
      needsManageServer:
        'Seuls les membres ayant la permission Gérer le serveur peuvent modifier le journal de modération.',
    },
    commands: {
      bitmind: {
        name: 'bitmind',
        description: 'Chercher avec BitMind des signes d’IA dans les images et les vidéos',
      },
      contextMenu: { name: 'Vérifier avec BitMind' },
      check: { name: 'vérifier', description: 'Vérifier un fichier joint ou un lien' },
      media: { name: 'fichier', description: 'Une image ou une vidéo à vérifier' },
      url: { name: 'lien', description: 'Un lien vers une image ou une vidéo' },
      private: {
        name: 'privé',
        description: 'Montrer le résultat à vous seul (par défaut : à tout le salon)',
      },
      help: { name: 'aide', description: 'Comment utiliser BitMind ici' },
      status: {
        name: 'état',
        description: 'BitMind est-il joignable, et que fait l’analyse automatique ici ?',
      },
      autoscan: {
        name: 'analyse-auto',
        description: 'Vérification automatique des nouveaux fichiers de ce salon (Gérer le serveur)',
      },
      enable: {
        name: 'activer',
        description: 'Vérifier chaque nouvelle image et vidéo publiée dans ce salon',
      },
      disable: { name: 'désactiver', description: 'Arrêter de vérifier les nouveaux fichiers de ce salon' },
      autoscanStatus: { name: 'état', description: 'L’analyse automatique est-elle activée dans ce salon ?' },
      mode: { name: 'mode', description: 'Quand répondre' },
      modeFlagged: { name: 'flagged : répondre seulement aux indices d’IA (par défaut)' },
      modeAll: { name: 'all : répondre à chaque fichier' },
      modeSilent: { name: 'silent : réactions seulement' },
      roles: {
        name: 'rôles',
        description:
          'Rôles dont les membres peuvent modifier l’analyse automatique, en plus de Gérer le serveur',
      },
      rolesAdd: {
        name: 'ajouter',
        description: 'Permettre aux membres d’un rôle de modifier l’analyse automatique (Gérer le serveur)',
      },
      rolesRemove: {
        name: 'retirer',
        description: 'Empêcher un rôle de modifier l’analyse automatique (Gérer le serveur)',
      },
      rolesList: { name: 'liste', description: 'Les rôles de modération ici' },
      role: { name: 'rôle', description: 'Le rôle' },
      modlog: {
        name: 'journal-mod',
        description: 'Salon des résultats avec indices et des signalements d’erreurs (Gérer le serveur)',
      },
      modlogSet: { name: 'définir', description: 'Publier le journal de modération dans un salon' },
      modlogOff: { name: 'désactiver', description: 'Ne plus publier le journal de modération' },
      modlogStatus: { name: 'état', description: 'Où est le journal de modération ?' },
      channel: { name: 'salon', description: 'Le salon du journal de modération' },
    },
  },
  cli: {
    header: {
      name: 'NOM',
      kind: 'TYPE',
      verdict: 'VERDICT',
      likelihood: 'PROBABILITÉ',
      time: 'DURÉE',
      cached: 'CACHE',
    },
    image: 'image',
    video: 'vidéo',
    yes: 'oui',
    no: 'non',
    couldNotCheck: '⚠️ Vérification impossible ({code})',
    explainLikelihood:
      'PROBABILITÉ est la probabilité, estimée par le modèle, que le média soit généré par IA.',
  },
} satisfies CatalogueTree;
