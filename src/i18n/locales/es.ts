import type { CatalogueTree } from '../i18n.js';

/** Español. Términos: "generado por IA", "indicios", "probabilidad estimada". */
export default {
  /** The buttons under every result. */
  buttons: {
    recheck: 'Volver a comprobar',
    feedback: '¿Resultado erróneo?',
    delete: 'Eliminar',
  },
  verdict: {
    strong: 'Indicios fuertes de generación por IA',
    some: 'Algunos indicios de generación por IA',
    little: 'Pocos indicios de generación por IA',
    likelihood: '{percent} de probabilidad estimada de generación por IA',
    below: '<{percent}',
    above: '>{percent}',
    milliseconds: '{value} ms',
    seconds: '{value} s',
    cached: 'en caché',
    couldNotCheck: 'No se pudo comprobar',
    caveat: 'La detección de IA es probabilística: tómala como un indicio, no como una prueba.',
    simulated:
      'SIMULADO: no hay credenciales de BitMind configuradas, así que esta no es una detección real.',
    simulatedLine: '[simulado] {line}',
    placeholder:
      '{count, plural, one {Comprobando # archivo…} many {Comprobando # archivos…} other {Comprobando # archivos…}}',
  },
  source: {
    asVideo: 'el {type} animado, como vídeo',
    converted: 'convertido desde {type}',
    firstFrame: 'el primer fotograma de un {type} animado',
    foundImage: 'imagen encontrada en la página enlazada {page}',
    foundVideo: 'vídeo encontrado en la página enlazada {page}',
    foundMedium: 'archivo encontrado en la página enlazada {page}',
  },
  summary: {
    one: 'BitMind: {headline} ({likelihood})',
    oneFailed: 'BitMind no pudo comprobar {name}: {detail}',
    many: '{count, plural, one {BitMind comprobó # archivo: {flagged} con indicios de generación por IA} many {BitMind comprobó # archivos: {flagged} con indicios de generación por IA} other {BitMind comprobó # archivos: {flagged} con indicios de generación por IA}}',
    manyNone:
      '{count, plural, one {BitMind comprobó # archivo: ninguno con indicios de generación por IA} many {BitMind comprobó # archivos: ninguno con indicios de generación por IA} other {BitMind comprobó # archivos: ninguno con indicios de generación por IA}}',
    withFailed:
      '{count, plural, one {{line}; # no se pudo comprobar} many {{line}; # no se pudieron comprobar} other {{line}; # no se pudieron comprobar}}',
    withSkipped:
      '{count, plural, one {{line} (# más omitido: demasiados en una sola solicitud)} many {{line} (# más omitidos: demasiados en una sola solicitud)} other {{line} (# más omitidos: demasiados en una sola solicitud)}}',
  },
  error: {
    unsupported_type: 'Este archivo no es una imagen o un vídeo que BitMind pueda comprobar.',
    too_large: 'Este archivo supera el límite de tamaño.',
    download_failed: 'No se pudo descargar el archivo.',
    blocked_url: 'Esa dirección no está permitida.',
    unauthorized: 'BitMind no aceptó las credenciales del bot.',
    forbidden: 'Esta cuenta de BitMind no puede comprobar este tipo de archivo.',
    rate_limited: 'Demasiadas comprobaciones por ahora; inténtalo más tarde.',
    budget:
      '{count, plural, one {Ya usaste tu # comprobación de esta hora} many {Ya usaste tus # comprobaciones de esta hora} other {Ya usaste tus # comprobaciones de esta hora}}. Habrá más a las {time} UTC (dentro de {minutes}).',
    bad_request: 'BitMind no pudo leer este archivo.',
    unavailable: 'BitMind no está disponible ahora mismo; inténtalo dentro de un minuto.',
    timeout: 'La comprobación tardó demasiado; inténtalo más tarde.',
    busy: 'El bot está ocupado; inténtalo en un momento.',
  },
  failure: {
    restarting: 'BitMind se está reiniciando; inténtalo dentro de un minuto.',
    stateUnavailable:
      'Ahora mismo no puedo aceptar comprobaciones (no llego a mi estado compartido). Inténtalo dentro de un minuto.',
    generic: 'Algo salió mal al comprobar este archivo. Inténtalo de nuevo dentro de un minuto.',
    gaveUp: 'BitMind no pudo terminar esta comprobación tras muchos intentos. Inténtalo de nuevo más tarde.',
    command: 'Algo salió mal. Inténtalo de nuevo dentro de un minuto.',
    finish: 'BitMind no pudo terminar esta comprobación: {message}',
    title: '⚠️ BitMind no pudo comprobar esto',
    sorry: 'Lo siento: {message}',
  },
  reply: {
    couldNotCheck: 'No se pudo comprobar: {detail}',
    requestedBy: 'Solicitado por <@{user}>',
    askedBy: 'Solicitado por {who}',
    askedWith: 'Solicitado por {who} con {emoji}',
    autoscanOf: 'Análisis automático de un mensaje de {who}',
    repeat: 'Ya se comprobó en esta hora: esta es la misma respuesta.',
    more: '{count, plural, one {…y # archivo más: {flagged} con indicios de generación por IA.} many {…y # archivos más: {flagged} con indicios de generación por IA.} other {…y # archivos más: {flagged} con indicios de generación por IA.}}',
    moreFailed:
      '{count, plural, one {…y # archivo más: {flagged} con indicios de generación por IA; sin comprobar: {failed}.} many {…y # archivos más: {flagged} con indicios de generación por IA; sin comprobar: {failed}.} other {…y # archivos más: {flagged} con indicios de generación por IA; sin comprobar: {failed}.}}',
    skipped:
      '{count, plural, one {# archivo más no se comprobó: demasiados en una sola solicitud.} many {# archivos más no se comprobaron: demasiados en una sola solicitud.} other {# archivos más no se comprobaron: demasiados en una sola solicitud.}}',
    hidden:
      '{count, plural, one {…y # archivo más sin mostrar: Discord limita cuánto cabe en un mensaje.} many {…y # archivos más sin mostrar: Discord limita cuánto cabe en un mensaje.} other {…y # archivos más sin mostrar: Discord limita cuánto cabe en un mensaje.}}',
  },
  /** The moderation tools on both platforms: answers to a result's buttons, the mod log and its command. */
  moderation: {
    press: {
      expired:
        'Este resultado es demasiado antiguo para sus botones (funcionan durante 7 días), o se eliminó. Pide una nueva comprobación.',
      forged: 'Ese botón no pertenece a ningún resultado mío de aquí, así que no hice nada.',
      feedbackThanks:
        'Gracias: se registró tu aviso de que este resultado parece erróneo y se informó a los moderadores.',
      feedbackAgain: 'Ya avisaste de este resultado. Gracias.',
      deleteRefused: 'Solo quien pidió esta comprobación, o un moderador, puede eliminarla.',
      unreadable:
        'Esa pulsación de botón llegó en un formato que no pude leer, así que no hice nada. Inténtalo de nuevo.',
      recheckFailed: 'No se pudo volver a comprobar, así que el resultado se queda como estaba: {reason}',
    },
    log: {
      resultTitle: 'Indicios de generación por IA',
      feedbackTitle: 'Se avisó de un resultado erróneo',
      verdict: 'Veredicto',
      verdictLine: '{summary} ({band})',
      postedBy: 'Publicado por',
      askedBy: 'Pedido por',
      autoscan: 'análisis automático',
      reportedBy: 'Avisado por',
      trigger: 'Origen',
      original: 'Mensaje original',
      noLink: 'no hay mensaje al que enlazar',
      unpostable:
        'No puedo publicar en <#{channel}>, el canal del registro de moderación: invítame allí (o dame permiso para enviar mensajes) y vuelve a fijarlo. Hasta entonces, el registro de moderación queda en pausa.',
    },
    band: {
      strong: 'indicios fuertes de generación por IA',
      some: 'algunos indicios de generación por IA',
      little: 'pocos indicios de generación por IA',
      none: 'no se pudo comprobar nada',
    },
    trigger: {
      command: 'comando',
      shortcut: 'atajo',
      autoscan: 'análisis automático',
      reaction: 'reacción',
      recheck: 'nueva comprobación',
    },
    modlog: {
      set: 'El registro de moderación es ahora <#{channel}>: allí van los resultados con indicios de generación por IA y los avisos de resultados erróneos.',
      off: 'El registro de moderación está desactivado.',
      status: 'El registro de moderación es <#{channel}>.',
    },
  },
  slack: {
    noMediaInMessage: 'Ese mensaje no tiene ninguna imagen ni vídeo que pueda comprobar.',
    cannotReadShortcut:
      'Slack envió ese mensaje en un formato que no pude leer, así que no lo comprobé. Inténtalo de nuevo.',
    cannotReadCommand:
      'Slack envió ese comando en un formato que no pude leer, así que no pude responder. Inténtalo de nuevo.',
    noRecentMedia:
      'No encontré ninguna imagen ni vídeo en los últimos 20 mensajes. Prueba `{command} check <enlace>` o usa "{shortcut}" en un mensaje.',
    cannotReadChannel: 'No puedo leer esta conversación. Invítame con `/invite @BitMind` y vuelve a pedirlo.',
    notALink: 'Eso no parece un enlace. Prueba `{command} check https://example.com/photo.jpg`.',
    onlyFilesSharedHere: 'Aquí solo puedo comprobar archivos compartidos en este canal.',
    onlyMessagesFromHere: 'Solo puedo comprobar enlaces a mensajes de este canal.',
    autoscanRefused:
      'Lo siento, solo los administradores y propietarios del espacio de trabajo (o las personas que indicó quien opera este bot) pueden cambiar el análisis automático. Pide a alguno de ellos que ejecute este comando.',
    unknownVerb: 'No conozco `{verb}`.',
    help: {
      intro: '*BitMind* estima la probabilidad de que una imagen o un vídeo haya sido generado por IA.',
      checkLink:
        '• `{command} check <enlace>`: comprueba una imagen o un vídeo de un enlace, o un archivo o enlace a un mensaje de Slack de este canal',
      checkLatest: '• `{command} check`: comprueba la última imagen o vídeo de esta conversación',
      react: '• Reacciona con :{emoji}: a un mensaje o usa "{shortcut}" desde su menú',
      status:
        '• `{command} status`: el estado de BitMind y las comprobaciones recientes de este espacio de trabajo',
      autoscan:
        '• `{command} autoscan on|off|status`: comprueba cada imagen y vídeo compartidos en este canal (administradores)',
      mode: '• `{command} autoscan mode flagged|all|silent`: responde solo cuando hay indicios de generación por IA, a todo, o solo con reacciones (administradores)',
      modlog:
        '• `{command} modlog #canal|off`: dónde se publican también los resultados con indicios de generación por IA y los avisos de resultados erróneos (administradores)',
    },
    status: {
      title: '*Estado de BitMind*',
      health: '• BitMind: {status}',
      healthRegion: '• BitMind: {status} ({region})',
      answering: 'responde',
      unreachable: '• BitMind: :warning: inaccesible ({problem})',
      allowed: '• Permitido: imágenes {image}  vídeos {video}  lotes {batch}',
      allowedUnknown: '• Permitido: desconocido ({problem})',
      autoscanOn: '• Análisis automático aquí: activado ({mode})',
      autoscanOff: '• Análisis automático aquí: desactivado',
      reaction: '• Reacción que activa la comprobación: :{emoji}:',
      recent: '• Comprobaciones recientes en este espacio de trabajo:',
      noRecent: '• No hay comprobaciones recientes en este espacio de trabajo.',
      files: '{count, plural, one {# archivo} many {# archivos} other {# archivos}}',
      withEvidence: '{count, number} con indicios',
      notChecked: '{count, plural, one {# sin comprobar} many {# sin comprobar} other {# sin comprobar}}',
    },
    autoscan: {
      flagged:
        'respondo solo cuando un archivo muestra indicios de generación por IA, y marco el resto con :white_check_mark:',
      all: 'respondo a cada imagen y vídeo',
      silent: 'solo reacciono: :warning: si hay indicios de generación por IA, :white_check_mark: si no',
      on: 'El análisis automático está *activado* en este canal (modo `{mode}`: {meaning}).',
      off: 'El análisis automático está *desactivado* en este canal. Un administrador puede activarlo con `{command} autoscan on`.',
      usage: 'Prueba `{command} autoscan on`, `off`, `status` o `mode {modes}`.',
      changed: '<@{user}> cambió el análisis automático. {state}',
      changedInvite:
        '<@{user}> cambió el análisis automático. {state} Necesito ser miembro de este canal para ver los archivos nuevos: `/invite @BitMind`.',
    },
    modlogUsage:
      'Prueba `{command} modlog #canal` (elige el canal de la lista de Slack), `{command} modlog off` o `{command} modlog status`.',
    /** The pages of "Add to Slack" in the browser's language (adapters/slack/install/pages.ts). Plain text: the page escapes it. */
    install: {
      installedTitle: 'BitMind está instalado',
      installedIn: 'BitMind ya forma parte de {where}.',
      installedInWorkspace: 'BitMind ya forma parte de tu espacio de trabajo.',
      installedInOrganisation: 'BitMind ya forma parte de tu organización.',
      nextSteps:
        'Invítalo a un canal con /invite @BitMind y luego escribe {command} help en ese canal para ver lo que puede hacer. Ya puedes cerrar esta página.',
      failedTitle: 'BitMind no se instaló',
      badState:
        'Este enlace de instalación caducó, ya se usó o se abrió en otro navegador. Vuelve a empezar desde el enlace de instalación.',
      denied:
        'La instalación se canceló en Slack, así que no se instaló nada. Vuelve a empezar desde el enlace de instalación.',
      slackError:
        'Slack no completó la instalación ({code}). Vuelve a intentarlo en un momento desde el enlace de instalación.',
      unknown:
        'Algo salió mal al completar la instalación. Vuelve a intentarlo desde el enlace de instalación.',
      startAgain: 'Volver a empezar',
    },
    home: {
      adminTitle: 'BitMind para administradores',
      whatItDoes: 'BitMind estima la probabilidad de que una imagen o un vídeo esté generado por IA.',
      howTo: '*Cómo comprobar algo*',
      react: '• Reacciona con :{emoji}: a un mensaje con una imagen o un vídeo',
      shortcut: '• O elige "{shortcut}" en el menú de un mensaje',
      check:
        '• O escribe `{command} check <enlace>` en un canal, o `{command} check` para la imagen o el vídeo más reciente de ese canal',
      help: '• `{command} help` muestra todos los comandos',
      autoscanNote:
        'En algunos canales, tus administradores han activado el análisis automático: se comprueba cada imagen y vídeo que se comparte allí.',
      autoscanHeading: '*Análisis automático*',
      noAutoscan:
        'Ningún canal tiene activado el análisis automático. Actívalo en un canal con `{command} autoscan on`.',
      mode: {
        flagged: 'responde a los indicios de generación por IA y marca el resto',
        all: 'responde a cada imagen y vídeo',
        silent: 'solo marca los mensajes con una reacción',
      },
      autoscanLine: '• <#{channel}>: {mode} ({meaning})',
      moreChannels:
        '{count, plural, one {…y # canal más.} many {…y # canales más.} other {…y # canales más.}}',
      modlogNone:
        '*Registro de moderación*: ninguno. Los resultados con indicios de generación por IA y los avisos de "resultado erróneo" pueden publicarse en el canal que elijas.',
      modlogSet:
        '*Registro de moderación*: <#{channel}> recibe los resultados con indicios de generación por IA y los avisos de "resultado erróneo".',
      lastWeek: '*Últimos 7 días*',
      checks:
        '{count, plural, one {• # comprobación, {flagged} con indicios de generación por IA} many {• # comprobaciones, {flagged} con indicios de generación por IA} other {• # comprobaciones, {flagged} con indicios de generación por IA}}',
      reports:
        '{count, plural, one {• # aviso de "resultado erróneo"} many {• # avisos de "resultado erróneo"} other {• # avisos de "resultado erróneo"}}',
      byTrigger: '• Por origen: {list}',
      byTriggerItem: '{trigger} {count, number}',
      unavailable: '*Últimos 7 días*: no se pudo leer el registro de auditoría en este momento.',
      adminFooter:
        'Solo los administradores del espacio de trabajo ven esta parte. El registro de auditoría guarda cada comprobación durante el plazo de conservación que fijó quien opera el bot; consulta la página de privacidad.',
    },
  },
  discord: {
    nothingToCheck:
      'Dame algo que comprobar: adjunta un archivo con la opción `{media}` o pega un enlace en `{url}`.',
    noMediaInMessage: 'Ese mensaje no tiene ninguna imagen ni vídeo adjunto.',
    unreadableCommand: 'No pude leer ese comando (Discord envió algo que no esperaba). Inténtalo de nuevo.',
    onlyMessagesFromHere: 'Solo puedo comprobar enlaces a mensajes de este canal.',
    cannotReadMessage: 'No pude leer ese mensaje ahora mismo. Inténtalo de nuevo o usa "{menu}" en él.',
    help: {
      intro: '**BitMind** busca señales de generación por IA en imágenes y vídeos.',
      check:
        '• `/{command} {check}` con `{media}` (un archivo) o `{url}` (un enlace); añade `{private}: True` para ver el resultado solo tú.',
      message: '• En un mensaje: **Aplicaciones → {menu}**, o reacciona con {emoji}.',
      autoscan:
        '• `/{command} {autoscan} {enable}|{disable}|{autoscanStatus}`: comprueba cada archivo nuevo de este canal (Gestionar servidor). Modos: `flagged`, `all`, `silent`.',
      roles:
        '• `/{command} {roles} {add}|{remove}|{list}`: roles cuyos miembros también pueden cambiar el análisis automático (Gestionar servidor).',
      modlog:
        '• `/{command} {modlog} {set}|{off}|{modlogStatus}`: un canal donde también se publican los resultados con indicios y los avisos de resultados erróneos (Gestionar servidor). Cada resultado tiene los botones "{recheck}", "{feedback}" y "{delete}".',
      status: '• `/{command} {status}`: ¿está BitMind accesible?',
    },
    status: {
      reachable: '✅ BitMind está accesible.',
      unreachable: '⚠️ BitMind no está accesible ahora mismo: {reason}',
      allowed: 'Comprobaciones permitidas: imágenes {image}, vídeos {video}, lotes {batch}.',
      yes: 'sí',
      no: 'no',
      autoscanOn: 'Análisis automático aquí: activado (modo `{mode}`).',
      autoscanOff: 'Análisis automático aquí: desactivado.',
    },
    autoscan: {
      flagged:
        'respondo cuando un archivo muestra indicios de generación por IA o no se pudo comprobar; si no, reacciono con {clean}',
      all: 'respondo a cada imagen y vídeo',
      silent:
        'solo reacciono: {flagged} indicios de generación por IA, {clean} ninguno, {failed} no se pudo comprobar',
      on: 'El análisis automático está **activado** en <#{channel}> (modo `{mode}`): {meaning}.',
      off: 'El análisis automático está **desactivado** en <#{channel}>.',
      needsModerator:
        'Solo los miembros con el permiso Gestionar servidor o un rol de moderación (`/{command} {roles} {list}`) pueden activar o desactivar el análisis automático.',
      guildOnly: 'El análisis automático solo funciona en canales de servidor.',
      badMode: 'El modo debe ser uno de estos: {modes}.',
    },
    roles: {
      needsManageServer:
        'Solo los miembros con el permiso Gestionar servidor pueden elegir los roles de moderación.',
      guildOnly: 'Los roles de moderación solo funcionan en servidores.',
      noRole: 'Elige un rol con la opción `{role}`.',
      everyone: '@everyone no puede ser un rol de moderación: elige un rol que solo tengan algunos miembros.',
      tooMany:
        '{count, plural, one {Un servidor puede tener como máximo # rol de moderación; quita uno primero.} many {Un servidor puede tener como máximo # roles de moderación; quita uno primero.} other {Un servidor puede tener como máximo # roles de moderación; quita uno primero.}}',
      added:
        '<@&{id}> es ahora un rol de moderación: sus miembros pueden activar o desactivar aquí el análisis automático.',
      alreadyAdded: '<@&{id}> ya es un rol de moderación.',
      removed: '<@&{id}> ya no es un rol de moderación.',
      notThere: '<@&{id}> no es un rol de moderación.',
      none: 'No hay roles de moderación: solo los miembros con el permiso Gestionar servidor pueden cambiar el análisis automático.',
      list: 'Roles de moderación (además de Gestionar servidor): {roles}.',
    },
    modlog: {
      needsChannel: 'Elige el canal del registro de moderación en la opción `{channel}`.',
      guildOnly: 'El registro de moderación es para servidores: no hay ninguno en los mensajes directos.',
      needsManageServer:
        'Solo los miembros con el permiso Gestionar servidor pueden cambiar el registro de moderación.',
    },
    commands: {
      bitmind: {
        name: 'bitmind',
        description: 'Comprueba con BitMind si imágenes y vídeos muestran señales de IA',
      },
      contextMenu: { name: 'Comprobar con BitMind' },
      check: { name: 'comprobar', description: 'Comprueba un archivo adjunto o un enlace' },
      media: { name: 'archivo', description: 'Una imagen o un vídeo que comprobar' },
      url: { name: 'enlace', description: 'Un enlace a una imagen o un vídeo' },
      private: { name: 'privado', description: 'Muestra el resultado solo a ti (por defecto: a todos aquí)' },
      help: { name: 'ayuda', description: 'Cómo usar BitMind aquí' },
      status: {
        name: 'estado',
        description: '¿Está BitMind accesible y qué hace aquí el análisis automático?',
      },
      autoscan: {
        name: 'autoanalisis',
        description: 'Comprobación automática de archivos nuevos en este canal (Gestionar servidor)',
      },
      enable: {
        name: 'activar',
        description: 'Comprueba cada imagen y vídeo nuevos publicados en este canal',
      },
      disable: { name: 'desactivar', description: 'Deja de comprobar archivos nuevos en este canal' },
      autoscanStatus: { name: 'estado', description: '¿Está activado el análisis automático en este canal?' },
      mode: { name: 'modo', description: 'Cuándo responder' },
      modeFlagged: { name: 'flagged: responder solo si un archivo muestra indicios de IA (por defecto)' },
      modeAll: { name: 'all: responder a cada archivo' },
      modeSilent: { name: 'silent: solo reacciones' },
      roles: {
        name: 'roles',
        description:
          'Roles cuyos miembros pueden cambiar el análisis automático, además de Gestionar servidor',
      },
      rolesAdd: {
        name: 'añadir',
        description: 'Permitir a los miembros de un rol cambiar el análisis automático (Gestionar servidor)',
      },
      rolesRemove: {
        name: 'quitar',
        description: 'Impedir que un rol cambie el análisis automático (Gestionar servidor)',
      },
      rolesList: { name: 'lista', description: 'Los roles de moderación de aquí' },
      role: { name: 'rol', description: 'El rol' },
      modlog: {
        name: 'registro-mod',
        description:
          'Canal para resultados con indicios y avisos de resultados erróneos (Gestionar servidor)',
      },
      modlogSet: { name: 'fijar', description: 'Publicar el registro de moderación en un canal' },
      modlogOff: { name: 'desactivar', description: 'Dejar de publicar el registro de moderación' },
      modlogStatus: { name: 'estado', description: '¿Dónde está el registro de moderación?' },
      channel: { name: 'canal', description: 'El canal del registro de moderación' },
    },
  },
  cli: {
    header: {
      name: 'NOMBRE',
      kind: 'TIPO',
      verdict: 'VEREDICTO',
      likelihood: 'PROBABILIDAD',
      time: 'TIEMPO',
      cached: 'CACHÉ',
    },
    image: 'imagen',
    video: 'vídeo',
    yes: 'sí',
    no: 'no',
    couldNotCheck: '⚠️ No se pudo comprobar ({code})',
    explainLikelihood:
      'PROBABILIDAD es la probabilidad estimada por el modelo de que el archivo esté generado por IA.',
  },
} satisfies CatalogueTree;
